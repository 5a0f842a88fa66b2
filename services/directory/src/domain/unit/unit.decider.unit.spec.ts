import { spec } from '@reform/decider';
import { UnitEvent, unitDecider, periodOn, EstablishedUnit } from './unit.decider';

const unit = spec(unitDecider);
const nongSon: UnitEvent = {
  type: 'UnitEstablished',
  data: { code: '519', name: 'Huyện Nông Sơn', type: 'Huyện', level: 'DISTRICT', kind: null, parentCode: '49', validFrom: '2008-04-08' },
};
const queLoc: UnitEvent = {
  type: 'UnitEstablished',
  data: { code: '20671', name: 'Xã Quế Lộc', type: 'Xã', level: 'COMMUNE', kind: null, parentCode: '509', validFrom: null },
};
const establish = (overrides: Record<string, unknown> = {}) => ({
  type: 'EstablishUnit' as const,
  data: { ...(nongSon.data as Extract<UnitEvent, { type: 'UnitEstablished' }>['data']), parentExists: true, ...overrides },
});

describe('Unit decider', () => {
  describe('EstablishUnit', () => {
    it('establishes a unit', () => unit.given([]).when(establish()).then([nongSon]));
    it('refuses a second establishment', () => unit.given([nongSon]).when(establish()).thenThrows('UNIT.ALREADY_ESTABLISHED', 'code'));
    it('refuses an empty name', () =>
      unit
        .given([])
        .when(establish({ name: '  ' }))
        .thenThrows('UNIT.NAME_REQUIRED', 'name'));
    it('refuses a malformed code', () =>
      unit
        .given([])
        .when(establish({ code: '51 9' }))
        .thenThrows('UNIT.INVALID_CODE', 'code'));
    it('accepts an agency code', () =>
      unit
        .given([])
        .when(establish({ code: '513.PNV', level: 'AGENCY', kind: 'Phòng', parentCode: '513', name: 'Phòng Nội vụ', type: 'Phòng' }))
        .thenState((s) => expect(s).toMatchObject({ level: 'AGENCY', kind: 'Phòng' })));
    it('refuses a district without a parent', () =>
      unit
        .given([])
        .when(establish({ parentCode: null }))
        .thenThrows('UNIT.INVALID_PARENT', 'parentCode'));
    it('refuses a province with a parent', () =>
      unit
        .given([])
        .when(establish({ level: 'PROVINCE', code: '49' }))
        .thenThrows('UNIT.INVALID_PARENT', 'parentCode'));
    it('refuses an unknown parent', () =>
      unit
        .given([])
        .when(establish({ parentExists: false }))
        .thenThrows('UNIT.PARENT_NOT_FOUND', 'parentCode'));
    it('refuses an unknown level', () =>
      unit
        .given([])
        .when(establish({ level: 'HAMLET' }))
        .thenThrows('UNIT.INVALID_LEVEL', 'level'));
    it('trims the name', () =>
      unit
        .given([])
        .when(establish({ name: '  Huyện Nông Sơn ' }))
        .then([nongSon]));
    it('refuses an impossible date', () =>
      unit
        .given([])
        .when(establish({ validFrom: '2008-13-40' }))
        .thenThrows('UNIT.INVALID_DATE', 'validFrom'));
  });

  describe('renames and transfers split the current period', () => {
    it('renames from a date', () =>
      unit
        .given([nongSon])
        .when({ type: 'RenameUnit', data: { name: 'Thị xã Nông Sơn', type: 'Thị xã', effectiveOn: '2020-01-01' } })
        .thenState((s) => {
          expect((s as EstablishedUnit).periods).toEqual([
            { validFrom: '2008-04-08', validTo: '2020-01-01', name: 'Huyện Nông Sơn', type: 'Huyện', parentCode: '49' },
            { validFrom: '2020-01-01', validTo: null, name: 'Thị xã Nông Sơn', type: 'Thị xã', parentCode: '49' },
          ]);
        }));
    it('ignores a rename to the same name', () =>
      unit
        .given([nongSon])
        .when({ type: 'RenameUnit', data: { name: 'Huyện Nông Sơn', type: 'Huyện', effectiveOn: '2020-01-01' } })
        .then([]));
    it('refuses a rename dated before the current period', () =>
      unit
        .given([nongSon])
        .when({ type: 'RenameUnit', data: { name: 'X', type: 'Huyện', effectiveOn: '2008-04-08' } })
        .thenThrows('UNIT.INVALID_DATE', 'effectiveOn'));
    it('transfers under another parent', () =>
      unit
        .given([queLoc])
        .when({ type: 'TransferUnit', data: { parentCode: '519', effectiveOn: '2026-01-01', parentExists: true } })
        .then([{ type: 'UnitTransferred', data: { parentCode: '519', effectiveOn: '2026-01-01' } }]));
    it('renames a unit with an unknown start from any date', () =>
      unit
        .given([queLoc])
        .when({ type: 'RenameUnit', data: { name: 'Phường Quế Lộc', type: 'Phường', effectiveOn: '1990-01-01' } })
        .then([{ type: 'UnitRenamed', data: { name: 'Phường Quế Lộc', type: 'Phường', effectiveOn: '1990-01-01' } }]));
    it('renames when only the type changes', () =>
      unit
        .given([nongSon])
        .when({ type: 'RenameUnit', data: { name: 'Huyện Nông Sơn', type: 'Thị xã', effectiveOn: '2020-01-01' } })
        .then([{ type: 'UnitRenamed', data: { name: 'Huyện Nông Sơn', type: 'Thị xã', effectiveOn: '2020-01-01' } }]));
    it('refuses an empty new name', () =>
      unit
        .given([nongSon])
        .when({ type: 'RenameUnit', data: { name: ' ', type: 'Huyện', effectiveOn: '2020-01-01' } })
        .thenThrows('UNIT.NAME_REQUIRED', 'name'));
    it('refuses a malformed effective date', () =>
      unit
        .given([nongSon])
        .when({ type: 'RenameUnit', data: { name: 'X', type: 'Huyện', effectiveOn: '01/01/2020' } })
        .thenThrows('UNIT.INVALID_DATE', 'effectiveOn'));
    it('ignores a transfer under the same parent', () =>
      unit
        .given([queLoc])
        .when({ type: 'TransferUnit', data: { parentCode: '509', effectiveOn: '2026-01-01', parentExists: true } })
        .then([]));
    it('refuses a transfer under an unknown parent', () =>
      unit
        .given([queLoc])
        .when({ type: 'TransferUnit', data: { parentCode: '998', effectiveOn: '2026-01-01', parentExists: false } })
        .thenThrows('UNIT.PARENT_NOT_FOUND', 'parentCode'));
    it('refuses a transfer dated before the current period', () =>
      unit
        .given([queLoc, { type: 'UnitTransferred', data: { parentCode: '519', effectiveOn: '2026-01-01' } }])
        .when({ type: 'TransferUnit', data: { parentCode: '509', effectiveOn: '2025-12-31', parentExists: true } })
        .thenThrows('UNIT.INVALID_DATE', 'effectiveOn'));
    it('refuses a transfer under itself', () =>
      unit
        .given([queLoc])
        .when({ type: 'TransferUnit', data: { parentCode: '20671', effectiveOn: '2026-01-01', parentExists: true } })
        .thenThrows('UNIT.INVALID_PARENT', 'parentCode'));
  });

  describe('mergers and dissolutions end the unit', () => {
    const merged: UnitEvent = { type: 'UnitMerged', data: { intoCode: '509', effectiveOn: '2025-01-01' } };
    it('merges into another unit', () =>
      unit
        .given([nongSon])
        .when({ type: 'MergeUnit', data: { intoCode: '509', effectiveOn: '2025-01-01', intoExists: true } })
        .then([merged]));
    it('is valid until the merger and not after', () =>
      unit
        .given([nongSon, merged])
        .when({ type: 'RenameUnit', data: { name: 'X', type: 'Huyện', effectiveOn: '2026-01-01' } })
        .thenThrows('UNIT.ALREADY_ENDED'));
    it('answers which period held on a day', () =>
      unit
        .given([nongSon])
        .when({ type: 'MergeUnit', data: { intoCode: '509', effectiveOn: '2025-01-01', intoExists: true } })
        .thenState((s) => {
          const state = s as EstablishedUnit;
          expect(periodOn(state, '2020-07-01')?.name).toBe('Huyện Nông Sơn');
          expect(periodOn(state, '2025-01-01')).toBeNull();
          expect(periodOn(state, '2008-04-07')).toBeNull();
          expect(state.mergedInto).toBe('509');
        }));
    it('refuses a merger into an unknown unit', () =>
      unit
        .given([nongSon])
        .when({ type: 'MergeUnit', data: { intoCode: '999', effectiveOn: '2025-01-01', intoExists: false } })
        .thenThrows('UNIT.NOT_FOUND', 'intoCode'));
    it('dissolves', () =>
      unit
        .given([nongSon])
        .when({ type: 'DissolveUnit', data: { effectiveOn: '2025-07-01' } })
        .thenState((s) => expect(s).toMatchObject({ dissolved: true })));
    it('refuses a merger into itself', () =>
      unit
        .given([nongSon])
        .when({ type: 'MergeUnit', data: { intoCode: '519', effectiveOn: '2025-01-01', intoExists: true } })
        .thenThrows('UNIT.INVALID_MERGE', 'intoCode'));
    it('refuses a merger dated before the unit began', () =>
      unit
        .given([nongSon])
        .when({ type: 'MergeUnit', data: { intoCode: '509', effectiveOn: '2000-01-01', intoExists: true } })
        .thenThrows('UNIT.INVALID_DATE', 'effectiveOn'));
    it('refuses to merge or dissolve an ended unit', () => {
      unit
        .given([nongSon, merged])
        .when({ type: 'MergeUnit', data: { intoCode: '508', effectiveOn: '2026-01-01', intoExists: true } })
        .thenThrows('UNIT.ALREADY_ENDED');
      unit
        .given([nongSon, merged])
        .when({ type: 'DissolveUnit', data: { effectiveOn: '2026-01-01' } })
        .thenThrows('UNIT.ALREADY_ENDED');
      unit
        .given([nongSon, { type: 'UnitDissolved', data: { effectiveOn: '2025-07-01' } }])
        .when({ type: 'TransferUnit', data: { parentCode: '48', effectiveOn: '2026-01-01', parentExists: true } })
        .thenThrows('UNIT.ALREADY_ENDED');
    });
    it('ends the period on the dissolution day', () =>
      unit
        .given([nongSon])
        .when({ type: 'DissolveUnit', data: { effectiveOn: '2025-07-01' } })
        .thenState((s) => {
          expect(periodOn(s as EstablishedUnit, '2025-06-30')?.name).toBe('Huyện Nông Sơn');
          expect(periodOn(s as EstablishedUnit, '2025-07-01')).toBeNull();
        }));
    it('needs an established unit', () =>
      unit
        .given([])
        .when({ type: 'DissolveUnit', data: { effectiveOn: '2025-07-01' } })
        .thenThrows('UNIT.NOT_FOUND'));
  });

  describe('EarlierParentRecorded backfills history under a current snapshot', () => {
    it('splits the first period at the date, the earlier part under the earlier parent', () =>
      unit
        .given([queLoc])
        .when({ type: 'RecordEarlierParent', data: { parentCode: '519', until: '2025-01-01', parentExists: true } })
        .thenState((s) => {
          const state = s as EstablishedUnit;
          expect(periodOn(state, '2020-07-01')?.parentCode).toBe('519');
          expect(periodOn(state, '2025-03-01')?.parentCode).toBe('509');
        }));
    it('refuses the same boundary twice (the first period now ends there)', () =>
      unit
        .given([queLoc, { type: 'EarlierParentRecorded', data: { parentCode: '519', until: '2025-01-01' } }])
        .when({ type: 'RecordEarlierParent', data: { parentCode: '519', until: '2025-01-01', parentExists: true } })
        .thenThrows('UNIT.INVALID_DATE', 'until'));
    it('records the earlier parent of a unit whose start is unknown', () =>
      unit
        .given([queLoc])
        .when({ type: 'RecordEarlierParent', data: { parentCode: '519', until: '2025-01-01', parentExists: true } })
        .then([{ type: 'EarlierParentRecorded', data: { parentCode: '519', until: '2025-01-01' } }]));
    it('ignores an earlier parent equal to the first one', () =>
      unit
        .given([queLoc])
        .when({ type: 'RecordEarlierParent', data: { parentCode: '509', until: '2025-01-01', parentExists: true } })
        .then([]));
    it('refuses an unknown earlier parent', () =>
      unit
        .given([queLoc])
        .when({ type: 'RecordEarlierParent', data: { parentCode: '519', until: '2025-01-01', parentExists: false } })
        .thenThrows('UNIT.PARENT_NOT_FOUND', 'parentCode'));
    it('needs an established unit', () =>
      unit
        .given([])
        .when({ type: 'RecordEarlierParent', data: { parentCode: '519', until: '2025-01-01', parentExists: true } })
        .thenThrows('UNIT.NOT_FOUND'));
    it('refuses a date outside the first period', () =>
      unit
        .given([nongSon])
        .when({ type: 'RecordEarlierParent', data: { parentCode: '48', until: '2000-01-01', parentExists: true } })
        .thenThrows('UNIT.INVALID_DATE', 'until'));
  });

  describe('aliases: the names officials write beside the official one', () => {
    const sldtbxh: UnitEvent = {
      type: 'UnitEstablished',
      data: { code: '49.SLDTBXH', name: 'Sở Lao động - Thương binh và Xã hội', type: 'Sở', level: 'AGENCY', kind: 'Sở', parentCode: '49', validFrom: null },
    };
    it('are given when an agency is established, trimmed, once each, without the name itself', () =>
      unit
        .given([])
        .when({
          type: 'EstablishUnit',
          data: {
            code: '49.SDL',
            name: 'Sở Du lịch',
            type: 'Sở',
            level: 'AGENCY',
            kind: 'Sở',
            parentCode: '49',
            validFrom: '2023-01-01',
            parentExists: true,
            aliases: [' Sở  DL ', 'Sở DL', 'Sở Du lịch'],
          },
        })
        .then([
          {
            type: 'UnitEstablished',
            data: {
              code: '49.SDL',
              name: 'Sở Du lịch',
              type: 'Sở',
              level: 'AGENCY',
              kind: 'Sở',
              parentCode: '49',
              validFrom: '2023-01-01',
              aliases: ['Sở DL'],
            },
          },
        ]));
    it('replace the list before, and are kept in the state', () =>
      unit
        .given([sldtbxh])
        .when({ type: 'SetUnitAliases', data: { aliases: ['Sở LĐ-TB&XH', 'Sở LĐTBXH'] } })
        .thenState((s) => expect((s as EstablishedUnit).aliases).toEqual(['Sở LĐ-TB&XH', 'Sở LĐTBXH'])));
    it('append nothing when unchanged', () =>
      unit
        .given([sldtbxh, { type: 'UnitAliasesSet', data: { aliases: ['Sở LĐ-TB&XH'] } }])
        .when({ type: 'SetUnitAliases', data: { aliases: ['Sở LĐ-TB&XH'] } })
        .then([]));
    it('refuse an empty alias, naming it', () =>
      unit
        .given([sldtbxh])
        .when({ type: 'SetUnitAliases', data: { aliases: ['Sở LĐ-TB&XH', '  '] } })
        .thenThrows('UNIT.ALIAS_EMPTY', 'aliases[1]'));
    it('cannot be given to a unit that has ended', () =>
      unit
        .given([sldtbxh, { type: 'UnitDissolved', data: { effectiveOn: '2025-03-01' } }])
        .when({ type: 'SetUnitAliases', data: { aliases: ['Sở LĐ-TB&XH'] } })
        .thenThrows('UNIT.ALREADY_ENDED'));
  });

  describe('the 2025 reorganisation: reorganise, split, and acts cited', () => {
    const binhDuong: UnitEvent = {
      type: 'UnitEstablished',
      data: { code: '20437', name: "Xã Ch'ơm", type: 'Xã', level: 'COMMUNE', kind: null, parentCode: '504', validFrom: null },
    };
    const source = 'NQ 1659/NQ-UBTVQH15';
    it('moves a commune that keeps its code from its district to the province, with its new name, citing the act', () =>
      unit
        .given([queLoc])
        .when({ type: 'ReorganiseUnit', data: { name: 'Xã Quế Sơn', type: 'Xã', parentCode: '48', effectiveOn: '2025-07-01', source, parentExists: true } })
        .thenState((s) => {
          expect((s as EstablishedUnit).periods).toEqual([
            { validFrom: null, validTo: '2025-07-01', name: 'Xã Quế Lộc', type: 'Xã', parentCode: '509' },
            { validFrom: '2025-07-01', validTo: null, name: 'Xã Quế Sơn', type: 'Xã', parentCode: '48' },
          ]);
          expect(periodOn(s as EstablishedUnit, '2025-06-30')?.parentCode).toBe('509');
        }));
    it('appends nothing when the unit is already so', () =>
      unit
        .given([queLoc])
        .when({ type: 'ReorganiseUnit', data: { name: 'Xã Quế Lộc', type: 'Xã', parentCode: '509', effectiveOn: '2025-07-01', source, parentExists: true } })
        .then([]));
    it('refuses a reorganisation without its act', () =>
      unit
        .given([queLoc])
        .when({
          type: 'ReorganiseUnit',
          data: { name: 'Xã Quế Sơn', type: 'Xã', parentCode: '48', effectiveOn: '2025-07-01', source: ' ', parentExists: true },
        })
        .thenThrows('UNIT.SOURCE_REQUIRED', 'source'));
    it('refuses a commune without a parent', () =>
      unit
        .given([queLoc])
        .when({ type: 'ReorganiseUnit', data: { name: 'Xã Quế Sơn', type: 'Xã', parentCode: null, effectiveOn: '2025-07-01', source, parentExists: true } })
        .thenThrows('UNIT.INVALID_PARENT', 'parentCode'));
    it('ends a unit split among others, listing every successor', () =>
      unit
        .given([binhDuong])
        .when({ type: 'SplitUnit', data: { intoCodes: ['20443', '20446'], effectiveOn: '2025-07-01', source, intoExist: true } })
        .thenState((s) => {
          const u = s as EstablishedUnit;
          expect(u.successors).toEqual([
            { code: '20443', relation: 'SPLIT_INTO', effectiveOn: '2025-07-01', source },
            { code: '20446', relation: 'SPLIT_INTO', effectiveOn: '2025-07-01', source },
          ]);
          expect(u.periods[0].validTo).toBe('2025-07-01');
          expect(u.mergedInto).toBeNull();
          expect(u.endSource).toBe(source);
        }));
    it('keeps a unit that kept a part of itself', () =>
      unit
        .given([binhDuong])
        .when({ type: 'SplitUnit', data: { intoCodes: ['20437', '20446'], effectiveOn: '2025-07-01', source, intoExist: true } })
        .thenState((s) => {
          expect((s as EstablishedUnit).periods[0].validTo).toBeNull();
          expect((s as EstablishedUnit).successors.map((x) => x.code)).toEqual(['20446']);
        }));
    it('refuses a split into itself alone', () =>
      unit
        .given([binhDuong])
        .when({ type: 'SplitUnit', data: { intoCodes: ['20437'], effectiveOn: '2025-07-01', source, intoExist: true } })
        .thenThrows('UNIT.INVALID_SPLIT', 'intoCodes'));
    it('refuses any change after a split ended it', () =>
      unit
        .given([binhDuong, { type: 'UnitSplit', data: { intoCodes: ['20443', '20446'], effectiveOn: '2025-07-01', source } }])
        .when({ type: 'MergeUnit', data: { intoCode: '20443', effectiveOn: '2026-01-01', intoExists: true } })
        .thenThrows('UNIT.ALREADY_ENDED'));
    it('records a merger’s act as a successor of relation MERGED_INTO', () =>
      unit
        .given([nongSon])
        .when({ type: 'MergeUnit', data: { intoCode: '509', effectiveOn: '2025-01-01', source: 'NQ 1318/NQ-UBTVQH15', intoExists: true } })
        .thenState((s) =>
          expect((s as EstablishedUnit).successors).toEqual([
            { code: '509', relation: 'MERGED_INTO', effectiveOn: '2025-01-01', source: 'NQ 1318/NQ-UBTVQH15' },
          ]),
        ));
    it('folds a merger recorded before acts were cited with no source', () =>
      unit
        .given([nongSon, { type: 'UnitMerged', data: { intoCode: '509', effectiveOn: '2025-01-01' } }])
        .when({ type: 'RenameUnit', data: { name: 'X', type: 'Huyện', effectiveOn: '2026-01-01' } })
        .thenThrows('UNIT.ALREADY_ENDED'));
  });
});
