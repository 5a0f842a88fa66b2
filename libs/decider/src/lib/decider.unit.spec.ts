import { assertNever, Decider, DomainError, fold } from './decider';
import { spec } from './specification';

type Toggle = { type: 'Switch'; data: { on: boolean } };
type Toggled = { type: 'SwitchedOn'; data: Record<string, never> } | { type: 'SwitchedOff'; data: Record<string, never> };
const lamp: Decider<Toggle, Toggled, { on: boolean }> = {
  initialState: { on: false },
  decide: (command, state) => {
    if (command.data.on === state.on) throw new DomainError('LAMP.UNCHANGED', 'Đèn đã ở trạng thái này', { field: 'on', kind: 'CONFLICT' });
    return [{ type: command.data.on ? 'SwitchedOn' : 'SwitchedOff', data: {} }];
  },
  evolve: (_, event) => ({ on: event.type === 'SwitchedOn' }),
};
const on: Toggled = { type: 'SwitchedOn', data: {} };
const off: Toggled = { type: 'SwitchedOff', data: {} };

describe('decider kit', () => {
  it('folds from the initial state or from a given state', () => {
    expect(fold(lamp, [on, off, on])).toEqual({ on: true });
    expect(fold(lamp, [], { on: true })).toEqual({ on: true });
  });

  it('DomainError carries code, field and kind (BAD_USER_INPUT by default)', () => {
    const error = new DomainError('X.RULE', 'Vi phạm quy tắc', { field: 'name' });
    expect(error).toMatchObject({ code: 'X.RULE', field: 'name', kind: 'BAD_USER_INPUT', message: 'Vi phạm quy tắc', name: 'DomainError' });
    expect(new DomainError('X.GONE', 'Không tìm thấy', { kind: 'NOT_FOUND' }).kind).toBe('NOT_FOUND');
  });

  it('assertNever throws naming the value', () => {
    expect(() => assertNever('odd' as never, 'command')).toThrow('Unhandled command: "odd"');
  });

  it('spec(): then, thenState and thenThrows pass on the right outcome and fail on another', () => {
    spec(lamp)
      .given([on, off])
      .when({ type: 'Switch', data: { on: true } })
      .then([on]);
    spec(lamp)
      .given([on])
      .when({ type: 'Switch', data: { on: false } })
      .thenState({ on: false });
    spec(lamp)
      .given([on])
      .when({ type: 'Switch', data: { on: false } })
      .thenState((state) => expect(state.on).toBe(false));
    spec(lamp)
      .given([on])
      .when({ type: 'Switch', data: { on: true } })
      .thenThrows('LAMP.UNCHANGED', 'on');

    expect(() =>
      spec(lamp)
        .given([])
        .when({ type: 'Switch', data: { on: true } })
        .then([off]),
    ).toThrow();
    expect(() =>
      spec(lamp)
        .given([])
        .when({ type: 'Switch', data: { on: true } })
        .thenState({ on: false }),
    ).toThrow();
    expect(() =>
      spec(lamp)
        .given([])
        .when({ type: 'Switch', data: { on: true } })
        .thenThrows('LAMP.UNCHANGED'),
    ).toThrow();
    expect(() =>
      spec(lamp)
        .given([on])
        .when({ type: 'Switch', data: { on: true } })
        .thenThrows('LAMP.OTHER'),
    ).toThrow();
  });
});
