/* Pure (type:domain): the ReportingRegime aggregate. */
import { Decider, DomainError } from '@reform/decider';
import { checkRegime, RegimeDefinition } from './regime';

export type RegimeState = { readonly status: 'NONE' } | (RegimeDefinition & { readonly status: 'ACTIVE'; readonly definedOn: string });

export type RegimeEvent =
  | { type: 'RegimeDefined'; data: { definition: RegimeDefinition; on: string } }
  | { type: 'RegimePlanLinked'; data: { planId: string; source: string | null; on: string } };
export type RegimeCommand =
  | { type: 'DefineRegime'; data: { definition: RegimeDefinition; on: string } }
  | { type: 'LinkPlan'; data: { planId: string; source: string | null; on: string } };
export const REGIME_EVENT_TYPES: readonly RegimeEvent['type'][] = ['RegimeDefined', 'RegimePlanLinked'];

export const regimeStreamId = (id: string) => `regime-${id}`;

export const regimeDecider: Decider<RegimeCommand, RegimeEvent, RegimeState> = {
  initialState: { status: 'NONE' },
  decide(command, state) {
    switch (command.type) {
      case 'DefineRegime':
        if (state.status !== 'NONE') throw new DomainError('REGIME.ALREADY_DEFINED', 'Chế độ báo cáo này đã có.', { kind: 'CONFLICT', field: 'id' });
        return [{ type: 'RegimeDefined', data: { definition: checkRegime(command.data.definition), on: command.data.on } }];
      case 'LinkPlan':
        if (state.status === 'NONE') throw new DomainError('REGIME.NOT_FOUND', 'Không tìm thấy chế độ báo cáo.', { kind: 'NOT_FOUND', field: 'regimeId' });
        if (state.planIds.includes(command.data.planId)) return [];
        return [{ type: 'RegimePlanLinked', data: command.data }];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'RegimeDefined':
        return { ...event.data.definition, status: 'ACTIVE', definedOn: event.data.on };
      case 'RegimePlanLinked':
        return state.status === 'NONE' ? state : { ...state, planIds: [...state.planIds, event.data.planId] };
    }
  },
};
