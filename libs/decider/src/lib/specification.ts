import { Command, Decider, DomainError, DomainEvent, fold } from './decider';

/**
 * given / when / then for deciders:
 *   spec(unitDecider).given([established]).when(renameUnit).then([renamed]);
 *   spec(unitDecider).given([]).when(renameUnit).thenThrows('UNIT.NOT_FOUND');
 * Written against Jest's `expect`, which the test files provide as a global.
 */
export function spec<C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>) {
  return {
    given(events: readonly E[]) {
      return {
        when(command: C) {
          const run = () => decider.decide(command, fold(decider, events));
          return {
            then(expected: readonly E[]) {
              expect(run()).toEqual(expected);
            },
            thenState(expected: S | ((state: S) => void)) {
              const state = fold(decider, run(), fold(decider, events));
              if (typeof expected === 'function') (expected as (state: S) => void)(state);
              else expect(state).toEqual(expected);
            },
            thenThrows(code: string, field?: string) {
              let caught: unknown;
              try {
                run();
              } catch (error) {
                caught = error;
              }
              expect(caught).toBeInstanceOf(DomainError);
              expect((caught as DomainError).code).toBe(code);
              if (field !== undefined) expect((caught as DomainError).field).toBe(field);
            },
          };
        },
      };
    },
  };
}
