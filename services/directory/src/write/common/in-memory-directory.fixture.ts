import { Identity } from '@reform/access';
import { AccessControl } from '@reform/auth';
import { FixedClock } from '@reform/clock';
import { InMemoryEventStore, ReadStreamOptions, RecordedEvent } from '@reform/event-store';
import { UnitChainLink } from '@reform/unit-hierarchy';
import { AccountIndex, AccountUnits, AccountWriter } from './account-writer';

/**
 * The account commands with no database, for the use cases' tests: the in-memory event store
 * counting the reads of each stream, the username index folded from the store's events, a few
 * units of Quảng Nam (Nông Sơn, 519, merged into Quế Sơn, 513, on 2025-01-01) and of Đà Nẵng,
 * the real access rule, a clock at 00:30 on 1 January 2025 in Viet Nam (still 2024 in UTC).
 */
export class CountingEventStore extends InMemoryEventStore {
  readonly reads = new Map<string, number>();

  override readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    this.reads.set(streamId, (this.reads.get(streamId) ?? 0) + 1);
    return super.readStream(streamId, options);
  }
}

const MERGER = '2025-01-01';
const link = (code: string, level: UnitChainLink['level'], parentCode: string | null, validTo: string | null = null): UnitChainLink => ({
  code,
  level,
  parentCode,
  validFrom: '2008-01-01',
  validTo,
  successors: validTo ? [{ code: '513', relation: 'MERGED_INTO', effectiveOn: MERGER }] : [],
});
const UNITS = [link('49', 'PROVINCE', null), link('513', 'DISTRICT', '49'), link('519', 'DISTRICT', '49', MERGER), link('48', 'PROVINCE', null)];
const inForce = (unit: UnitChainLink, day: string) => (unit.validFrom ?? '') <= day && (!unit.validTo || day < unit.validTo);

/** The fixture's units as the tenancy rule reads them. */
export const unitReader = () => ({
  unit: async (code: string, day: string) => UNITS.find((u) => u.code === code && inForce(u, day)) ?? null,
  lastKnown: async (code: string) => UNITS.find((u) => u.code === code) ?? null,
});

const units: AccountUnits = {
  async unit(code, day, today) {
    const unit = UNITS.find((u) => u.code === code);
    if (!unit || (day && !inForce(unit, day))) return null;
    return { code, mergedInto: unit.validTo && unit.validTo <= (day ?? today) ? unit.successors[0].code : null, endSource: unit.validTo ? 'NQ 1/2024' : null };
  },
  async existing(codes) {
    return new Set(codes.filter((code) => UNITS.some((unit) => unit.code === code)));
  },
  reader: unitReader,
};

const ancestry = (code: string): string[] | null => {
  const unit = UNITS.find((u) => u.code === code);
  return unit ? [code, ...(unit.parentCode ? (ancestry(unit.parentCode) ?? []) : [])] : null;
};

export const admin = (province: string): Identity => ({
  accountId: `a-admin${province}`,
  username: `admin${province}`,
  unitCode: province,
  roles: [{ role: 'PLATFORM_ADMIN', unitCode: province }],
});

export function accountWriter() {
  const store = new CountingEventStore();
  const index: AccountIndex = {
    // Folded from every stream's events: reads no stream, so the counts are the commands' own.
    async accountIdOf(username) {
      const { events } = await store.readAll({ transactionId: '0', position: '0' }, 10_000);
      const created = events.find((event) => event.type === 'AccountCreated' && (event.data as { username: string }).username === username);
      return created ? (created.data as { accountId: string }).accountId : null;
    },
    async usernameTaken(username) {
      return (await this.accountIdOf(username)) !== null;
    },
  };
  const published: number[] = [];
  const accounts = new AccountWriter({
    store,
    accounts: index,
    units,
    access: new AccessControl({ ancestry: async (code) => ancestry(code), inForce: async (code) => UNITS.some((u) => u.code === code && inForce(u, MERGER)) }),
    clock: new FixedClock('2024-12-31T17:30:00Z'),
    projections: [],
    appended: () => published.push(1),
  });
  /** How many times each stream was read by `run`. */
  const readsOf = async <T>(run: () => Promise<T>): Promise<{ result: T; reads: Record<string, number> }> => {
    store.reads.clear();
    const result = await run();
    return { result, reads: Object.fromEntries(store.reads) };
  };
  return { store, accounts, published, readsOf };
}
