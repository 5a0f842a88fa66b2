/**
 * Upcasting: a stored event keeps the shape it was written with (its `schema_version`); the
 * code folds only the current shape. An upcaster lifts one event type's data from one version
 * to the next; `upcastEvent` chains them when stored events are read or folded, so `evolve`,
 * history, `asOf` and the publishers see one shape and no code reads an old one. Pure: an
 * upcaster may fill a field the old version did not record (with the rule in force when it
 * runs), never read anything outside the event.
 */
export interface Upcaster {
  readonly type: string;
  /** The version it lifts from; it returns the data of `fromVersion + 1`. */
  readonly fromVersion: number;
  upcast(data: unknown): unknown;
}

/** A stored event as the upcasters see it: its type, the version of its data, the data. */
export interface VersionedEvent {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
}

/** The upcasters of one stream type, keyed by event type and schema version. */
export class Upcasters {
  private readonly byKey = new Map<string, Upcaster>();
  private readonly latest = new Map<string, number>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const upcaster of upcasters) {
      const key = `${upcaster.type}@${upcaster.fromVersion}`;
      if (this.byKey.has(key)) throw new Error(`Two upcasters of ${upcaster.type} from version ${upcaster.fromVersion}`);
      this.byKey.set(key, upcaster);
    }
    for (const upcaster of upcasters) {
      let version = 1;
      while (this.byKey.has(`${upcaster.type}@${version}`)) version++;
      this.latest.set(upcaster.type, version);
    }
  }

  /** The version new events of this type are written with: 1 plus the chain of upcasters from 1. */
  currentVersion(type: string): number {
    return this.latest.get(type) ?? 1;
  }

  /** The event with its data lifted to the current version; an event already current is returned as is. */
  upcast<Event extends VersionedEvent>(event: Event): Event {
    const current = this.currentVersion(event.type);
    if (event.schemaVersion > current) throw new Error(`${event.type} v${event.schemaVersion} is newer than this code knows (v${current})`);
    if (event.schemaVersion === current) return event;
    let data = event.data;
    for (let version = event.schemaVersion; version < current; version++) {
      const upcaster = this.byKey.get(`${event.type}@${version}`);
      if (!upcaster) throw new Error(`No upcaster of ${event.type} from version ${version}`);
      data = upcaster.upcast(data);
    }
    return { ...event, schemaVersion: current, data };
  }
}

export const NO_UPCASTERS = new Upcasters();
