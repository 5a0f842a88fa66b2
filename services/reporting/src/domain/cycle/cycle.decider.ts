/* Pure (type:domain): the ReportingCycle aggregate: one period of one regime, opened once. */
import { Decider, DomainError } from '@reform/decider';
import { LevelDeadline } from '../period/deadlines';
import { DayRange } from '../period/period';

export interface ExpectedUnit {
  readonly code: string;
  readonly name: string;
  readonly level: 'COMMUNE' | 'DISTRICT' | 'PROVINCE';
  /** The unit its report goes to: the level above it inside the regime (the owner at the top). */
  readonly reviewerCode: string;
}

export interface CycleFacts {
  readonly regimeId: string;
  readonly period: string;
  readonly ownerCode: string;
  readonly cutOff: DayRange;
  readonly deadlines: readonly LevelDeadline[];
  /** The reporting units as resolved on the day the period opened (selector of the regime). */
  readonly units: readonly ExpectedUnit[];
  readonly openedOn: string;
}

export type CycleState = { readonly status: 'NONE' } | (CycleFacts & { readonly status: 'OPEN' });
export type CycleEvent = { type: 'CycleOpened'; data: CycleFacts };
export type CycleCommand = { type: 'OpenCycle'; data: CycleFacts };
export const CYCLE_EVENT_TYPES: readonly CycleEvent['type'][] = ['CycleOpened'];

export const cycleId = (regimeId: string, period: string) => `${regimeId}~${period}`;
export const cycleStreamId = (regimeId: string, period: string) => `cycle-${cycleId(regimeId, period)}`;

export const cycleDecider: Decider<CycleCommand, CycleEvent, CycleState> = {
  initialState: { status: 'NONE' },
  decide(command, state) {
    if (state.status !== 'NONE')
      throw new DomainError('CYCLE.ALREADY_OPEN', `Kỳ báo cáo ${command.data.period} đã được mở.`, { kind: 'CONFLICT', field: 'period' });
    if (command.data.units.length === 0)
      throw new DomainError('CYCLE.NO_UNITS', 'Không có đơn vị nào phải báo cáo trong kỳ này (kiểm tra đơn vị báo cáo của chế độ).', {
        kind: 'BAD_USER_INPUT',
        field: 'selector',
      });
    return [{ type: 'CycleOpened', data: command.data }];
  },
  evolve(_state, event) {
    return { ...event.data, status: 'OPEN' };
  },
};
