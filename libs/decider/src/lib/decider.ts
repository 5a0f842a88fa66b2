/**
 * The decider pattern: a pure aggregate as three values.
 * - `decide(command, state)` says which events a command causes, or throws a DomainError;
 * - `evolve(state, event)` folds one event into the state;
 * - `initialState` is the state of a stream with no events.
 * No I/O, no clock, no ids inside: they come in through the command.
 */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

export interface Command<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

export interface Decider<C extends Command, E extends DomainEvent, S> {
  decide(command: C, state: S): E[];
  evolve(state: S, event: E): S;
  readonly initialState: S;
}

/** Folds events from the initial state (or a given one) with the decider's evolve. */
export function fold<E extends DomainEvent, S>(
  decider: Pick<Decider<never, E, S>, 'evolve' | 'initialState'>,
  events: readonly E[],
  from: S = decider.initialState,
): S {
  return events.reduce((state, event) => decider.evolve(state, event), from);
}

/**
 * A rule of the domain was broken. `code` is stable (clients and tests rely on it, e.g.
 * `UNIT.ALREADY_ESTABLISHED`); `message` is Vietnamese, for the user; `field` names the input
 * that broke the rule, when there is one; `kind` tells the API which error class it is.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: { field?: string; kind?: DomainErrorKind; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get field(): string | undefined {
    return this.details.field;
  }

  get kind(): DomainErrorKind {
    return this.details.kind ?? 'BAD_USER_INPUT';
  }
}

export type DomainErrorKind = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT';

/** Ends an exhaustive switch: adding a union member without handling it fails to compile. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
