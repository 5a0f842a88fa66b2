import { ContractRegistry, DIRECTORY_UNIT_CONTRACTS, IntegrationEventContract } from '@reform/contracts';
import { ABSENT_UNIT, evolveUnit, UnitState } from '@reform/unit-periods';
import { unitFactOf } from './unit-facts';

/**
 * The copy's side of the directory's unit contracts (consumer contract test): payloads as the
 * directory publishes them, through the registry as the replica receives them, mapped to facts
 * and folded. A field dropped from a contract (an alias list, a successor, a source, a parent)
 * no longer reaches the copy, and this fails.
 */
const registry = new ContractRegistry().register(...DIRECTORY_UNIT_CONTRACTS);
const received = (eventType: string, data: Record<string, unknown>) => {
  const contract: IntegrationEventContract | undefined = DIRECTORY_UNIT_CONTRACTS.find((candidate) => candidate.eventType === eventType);
  if (!contract) throw new Error(`no contract directory.${eventType}`);
  return unitFactOf(contract.name, registry.accept(contract, contract.version, JSON.parse(JSON.stringify(data))));
};
const fold = (...facts: ReturnType<typeof received>[]): UnitState => facts.reduce(evolveUnit, ABSENT_UNIT as UnitState);

describe('the unit copy consumes directory.Unit* v1', () => {
  const established = received('UnitEstablished', {
    code: '49.SLDTBXH',
    name: 'Sở Lao động - Thương binh và Xã hội',
    type: 'Sở',
    level: 'AGENCY',
    kind: 'Sở',
    parentCode: '49',
    validFrom: '2008-01-01',
    aliases: ['Sở LĐ-TB&XH'],
  });

  it('a unit established, renamed and transferred keeps its periods, parents and aliases', () => {
    const state = fold(
      established,
      received('UnitRenamed', { code: '49.SLDTBXH', name: 'Sở Nội vụ', type: 'Sở', effectiveOn: '2025-03-01' }),
      received('UnitTransferred', { code: '49.SLDTBXH', parentCode: '48', effectiveOn: '2025-07-01' }),
    );
    if (state.status === 'absent') throw new Error('absent');
    expect(state).toMatchObject({ level: 'AGENCY', kind: 'Sở', aliases: ['Sở LĐ-TB&XH'] });
    expect(state.periods.map((period) => [period.validFrom, period.validTo, period.name, period.parentCode])).toEqual([
      ['2008-01-01', '2025-03-01', 'Sở Lao động - Thương binh và Xã hội', '49'],
      ['2025-03-01', '2025-07-01', 'Sở Nội vụ', '49'],
      ['2025-07-01', null, 'Sở Nội vụ', '48'],
    ]);
  });

  it('a merger and a split end the unit and name its successors with the act', () => {
    const commune = received('UnitEstablished', {
      code: '20794',
      name: 'Thị trấn Hà Lam',
      type: 'Thị trấn',
      level: 'COMMUNE',
      kind: null,
      parentCode: '513',
      validFrom: null,
    });
    const merged = fold(commune, received('UnitMerged', { code: '20794', intoCode: '20800', effectiveOn: '2025-07-01', source: 'NQ 1659/NQ-UBTVQH15' }));
    expect(merged).toMatchObject({
      mergedInto: '20800',
      successors: [{ code: '20800', relation: 'MERGED_INTO', effectiveOn: '2025-07-01', source: 'NQ 1659/NQ-UBTVQH15' }],
    });
    const split = fold(
      commune,
      received('UnitSplit', { code: '20794', intoCodes: ['20797', '20800'], effectiveOn: '2025-07-01', source: 'NQ 1659/NQ-UBTVQH15' }),
    );
    expect(split).toMatchObject({
      successors: [
        { code: '20797', relation: 'SPLIT_INTO' },
        { code: '20800', relation: 'SPLIT_INTO' },
      ],
    });
  });

  it('a reorganised unit continues under its code with its new parent; aliases replaced; an earlier parent recorded', () => {
    const commune = received('UnitEstablished', {
      code: '20794',
      name: 'Thị trấn Hà Lam',
      type: 'Thị trấn',
      level: 'COMMUNE',
      kind: null,
      parentCode: '513',
      validFrom: '2008-01-01',
    });
    const state = fold(
      commune,
      received('EarlierParentRecorded', { code: '20794', parentCode: '519', until: '2010-01-01' }),
      received('UnitReorganised', {
        code: '20794',
        name: 'Xã Thăng Bình',
        type: 'Xã',
        parentCode: '48',
        effectiveOn: '2025-07-01',
        source: 'NQ 1659/NQ-UBTVQH15',
      }),
      received('UnitAliasesSet', { code: '20794', aliases: ['UBND xã Thăng Bình'] }),
    );
    if (state.status === 'absent') throw new Error('absent');
    expect(state.aliases).toEqual(['UBND xã Thăng Bình']);
    expect(state.periods.map((period) => period.parentCode)).toEqual(['519', '513', '48']);
    expect(state.periods[2]).toMatchObject({ name: 'Xã Thăng Bình', validFrom: '2025-07-01' });
  });

  it('a dissolved unit ends on the day of the act (periods run to, not through, their end)', () => {
    const state = fold(established, received('UnitDissolved', { code: '49.SLDTBXH', effectiveOn: '2025-03-01', source: 'QĐ 1/QĐ-UBND' }));
    expect(state).toMatchObject({ dissolved: true, periods: [{ validTo: '2025-03-01' }] });
  });
});
