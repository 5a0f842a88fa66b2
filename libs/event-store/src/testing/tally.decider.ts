import { Decider, DomainError } from '@reform/decider';

/** A tiny decider for the command handler's tests: a tally that counts up until it is closed. */
export type TallyCommand = { type: 'AddToTally'; data: { by: number } } | { type: 'CloseTally'; data: Record<string, never> };
export type TallyEvent = { type: 'TallyIncreased'; data: { by: number } } | { type: 'TallyClosed'; data: { total: number } };
export interface TallyState {
  readonly total: number;
  readonly closed: boolean;
}

export const tallyDecider: Decider<TallyCommand, TallyEvent, TallyState> = {
  initialState: { total: 0, closed: false },
  decide(command, state) {
    if (state.closed) throw new DomainError('TALLY.CLOSED', 'Bảng đếm đã khoá', { kind: 'CONFLICT' });
    switch (command.type) {
      case 'AddToTally':
        if (!(command.data.by > 0)) throw new DomainError('TALLY.STEP_NOT_POSITIVE', 'Số cộng thêm phải lớn hơn 0', { field: 'by' });
        return [{ type: 'TallyIncreased', data: { by: command.data.by } }];
      case 'CloseTally':
        return state.total === 0 ? [] : [{ type: 'TallyClosed', data: { total: state.total } }];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'TallyIncreased':
        return { ...state, total: state.total + event.data.by };
      case 'TallyClosed':
        return { ...state, closed: true };
    }
  },
};
