import { Actor } from '@reform/event-store';

/** What travels on the bus: a published contract's payload plus where and why it happened. */
export interface IntegrationMessage<Data = unknown> {
  /** The source event's id: the de-duplication key end to end (Nats-Msg-Id, inbox). */
  readonly eventId: string;
  /** Contract name, e.g. `directory.UnitEstablished`. */
  readonly name: string;
  readonly version: number;
  /** `<service>.<aggregate>.<EventType>` */
  readonly subject: string;
  readonly data: Data;
  readonly metadata: {
    readonly actor: Actor;
    readonly tenant: string;
    readonly correlationId: string;
    /** The source event's own causation; consumers use `eventId` as the causation of what they do. */
    readonly causationId: string | null;
    readonly recordedAt: string;
    readonly stream: string;
    readonly streamVersion: number;
  };
}

/** NATS-style subject match: `*` one token, `>` the rest. */
export function subjectMatches(pattern: string, subject: string): boolean {
  const p = pattern.split('.');
  const s = subject.split('.');
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '>') return s.length > i;
    if (i >= s.length || (p[i] !== '*' && p[i] !== s[i])) return false;
  }
  return p.length === s.length;
}
