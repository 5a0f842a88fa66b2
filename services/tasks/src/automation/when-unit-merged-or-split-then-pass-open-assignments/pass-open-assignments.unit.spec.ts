import { commandFor } from './pass-open-assignments';

const source = 'NQ 1659/NQ-UBTVQH15; NSO BangChuyendoiĐVHCmoi_cu';

describe('what the end of a unit asks of its open work', () => {
  it('a merged unit: pass to the unit that took it, citing the act of that day', () =>
    expect(
      commandFor({
        code: '20437',
        mergedInto: '20443',
        endedOn: '2025-07-01',
        successors: [{ code: '20443', relation: 'MERGED_INTO', effectiveOn: '2025-07-01', source }],
      }),
    ).toEqual({
      type: 'PassToSuccessor',
      data: { fromUnitCode: '20437', toUnitCode: '20443', source, on: '2025-07-01' },
    }));
  it('a split unit: offer to every successor for the issuer to allocate', () =>
    expect(
      commandFor({
        code: '20437',
        mergedInto: null,
        endedOn: '2025-07-01',
        successors: [
          { code: '20443', relation: 'SPLIT_INTO', effectiveOn: '2025-07-01', source },
          { code: '20446', relation: 'SPLIT_INTO', effectiveOn: '2025-07-01', source },
        ],
      }),
    ).toEqual({ type: 'OfferToSuccessors', data: { fromUnitCode: '20437', toUnitCodes: ['20443', '20446'], source, on: '2025-07-01' } }));
  it('a dissolved unit without successor: nothing (the issuer decides)', () =>
    expect(commandFor({ code: '513', mergedInto: null, endedOn: '2025-07-01', successors: [] })).toBeNull());
});
