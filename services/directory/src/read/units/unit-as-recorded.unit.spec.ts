import { fold } from '@reform/decider';
import { ReadStreamOptions, RecordedEvent } from '@reform/event-store';
import { UnitEvent, unitDecider } from '../../domain/unit/unit.decider';
import { unitAsRecorded, UnitsAsRecorded } from './unit-as-recorded';

const nongSon: UnitEvent = {
  type: 'UnitEstablished',
  data: { code: '519', name: 'Huyện Nông Sơn', type: 'Huyện', level: 'DISTRICT', kind: null, parentCode: '49', validFrom: '2008-04-08' },
};
const merged: UnitEvent = { type: 'UnitMerged', data: { intoCode: '509', effectiveOn: '2025-01-01' } };
const queNinh: UnitEvent = {
  type: 'UnitEstablished',
  data: { code: '20656', name: 'Xã Quế Ninh', type: 'Xã', level: 'COMMUNE', kind: null, parentCode: '509', validFrom: null },
};
const underNongSon: UnitEvent = { type: 'EarlierParentRecorded', data: { parentCode: '519', until: '2025-01-01' } };
const renamed: UnitEvent = { type: 'UnitRenamed', data: { name: 'Thị xã Nông Sơn', type: 'Thị xã', effectiveOn: '2020-01-01' } };

const at = new Date('2025-03-01T00:00:00Z');
const state = (...events: UnitEvent[]) => fold(unitDecider, events);
const today = '2025-06-15';

describe('a unit as recorded at an instant, from its folded state', () => {
  it('is null when nothing was recorded yet', () => {
    expect(unitAsRecorded(state(), at, { day: null, today })).toBeNull();
    expect(unitAsRecorded(state(), at, { day: '2020-07-01', today })).toBeNull();
  });

  it('on a day, answers with the period holding then, and the unit’s whole validity', () => {
    expect(unitAsRecorded(state(nongSon, merged), at, { day: '2020-07-01', today })).toEqual({
      code: '519',
      level: 'DISTRICT',
      kind: null,
      name: 'Huyện Nông Sơn',
      type: 'Huyện',
      parentCode: '49',
      validFrom: '2008-04-08',
      validTo: '2025-01-01',
      mergedInto: '509',
      dissolved: false,
      aliases: [],
      successors: [{ code: '509', relation: 'MERGED_INTO', effectiveOn: '2025-01-01', source: null }],
      endSource: null,
      day: '2020-07-01',
      recordedAsOf: at,
    });
  });

  it('is null on a day the unit was not valid (before it began, from its merger)', () => {
    expect(unitAsRecorded(state(nongSon, merged), at, { day: '2025-01-01', today })).toBeNull();
    expect(unitAsRecorded(state(nongSon), at, { day: '2008-04-07', today })).toBeNull();
  });

  it('without a day, answers with the last recorded period (also of an ended unit) for today', () => {
    expect(unitAsRecorded(state(nongSon, merged), at, { day: null, today })).toMatchObject({
      name: 'Huyện Nông Sơn',
      validTo: '2025-01-01',
      mergedInto: '509',
      day: today,
    });
    expect(unitAsRecorded(state(nongSon, renamed), at, { day: null, today })).toMatchObject({
      name: 'Thị xã Nông Sơn',
      type: 'Thị xã',
      validFrom: '2008-04-08',
      validTo: null,
    });
  });

  it('splits a rename by valid day', () => {
    expect(unitAsRecorded(state(nongSon, renamed), at, { day: '2019-12-31', today })).toMatchObject({ name: 'Huyện Nông Sơn', type: 'Huyện' });
    expect(unitAsRecorded(state(nongSon, renamed), at, { day: '2020-01-01', today })).toMatchObject({ name: 'Thị xã Nông Sơn', type: 'Thị xã' });
  });

  it('shows the parent that was recorded: an earlier parent appears only once it is recorded', () => {
    expect(unitAsRecorded(state(queNinh), at, { day: '2020-07-01', today })?.parentCode).toBe('509');
    expect(unitAsRecorded(state(queNinh, underNongSon), at, { day: '2020-07-01', today })?.parentCode).toBe('519');
    expect(unitAsRecorded(state(queNinh, underNongSon), at, { day: '2025-01-01', today })?.parentCode).toBe('509');
  });
});

describe('UnitsAsRecorded reads each unit’s own stream up to the instant', () => {
  const recorded = (streamId: string, version: number, event: UnitEvent, recordedAt: string) =>
    ({ streamId, streamVersion: version, ...event, recordedAt: new Date(recordedAt) }) as unknown as RecordedEvent;
  const streams: Record<string, RecordedEvent[]> = {
    'unit-49': [
      recorded(
        'unit-49',
        1,
        {
          type: 'UnitEstablished',
          data: { code: '49', name: 'Tỉnh Quảng Nam', type: 'Tỉnh', level: 'PROVINCE', kind: null, parentCode: null, validFrom: null },
        },
        '2025-03-01T00:00:00Z',
      ),
    ],
    'unit-509': [
      recorded(
        'unit-509',
        1,
        {
          type: 'UnitEstablished',
          data: { code: '509', name: 'Huyện Quế Sơn', type: 'Huyện', level: 'DISTRICT', kind: null, parentCode: '49', validFrom: null },
        },
        '2025-03-01T00:00:00Z',
      ),
    ],
    'unit-519': [recorded('unit-519', 1, nongSon, '2025-03-02T00:00:00Z'), recorded('unit-519', 2, merged, '2025-03-02T00:00:00Z')],
    'unit-20656': [recorded('unit-20656', 1, queNinh, '2025-03-01T00:00:00Z'), recorded('unit-20656', 2, underNongSon, '2025-03-02T00:00:00Z')],
  };
  const reads: Array<{ streamId: string; options?: ReadStreamOptions }> = [];
  const store = {
    readStream: async (streamId: string, options?: ReadStreamOptions) => {
      reads.push({ streamId, options });
      return (streams[streamId] ?? []).filter((event) => !options?.toInstant || event.recordedAt <= options.toInstant);
    },
  };
  const units = new UnitsAsRecorded(store);
  const before = new Date('2025-03-01T12:00:00Z');
  const after = new Date('2025-03-02T00:00:00Z');

  beforeEach(() => reads.splice(0));

  it('asks the store for the stream up to the instant, inclusive', async () => {
    expect(await units.unit('519', after, { day: '2020-07-01', today })).toMatchObject({ name: 'Huyện Nông Sơn', recordedAsOf: after });
    expect(reads).toEqual([{ streamId: 'unit-519', options: { toInstant: after } }]);
    expect(await units.unit('519', before, { day: '2020-07-01', today })).toBeNull();
  });

  it('walks the ancestors as recorded at the instant', async () => {
    expect((await units.ancestry('20656', before, '2020-07-01')).map((unit) => unit.code)).toEqual(['20656', '509', '49']);
    expect((await units.ancestry('20656', after, '2020-07-01')).map((unit) => unit.code)).toEqual(['20656', '519', '49']);
  });
});
