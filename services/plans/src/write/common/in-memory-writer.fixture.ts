import { Identity } from '@reform/access';
import { AccessControl } from '@reform/auth';
import { FixedClock } from '@reform/clock';
import { InMemoryEventStore } from '@reform/event-store';
import { InMemoryUnitHierarchy } from '@reform/unit-hierarchy';
import { PlanDraft } from '../../domain/plan-draft';
import {
  COMMUNE_AGENCIES,
  COMMUNES,
  DISTRICT,
  DISTRICT_OFFICES,
  OTHER_DISTRICT,
  OTHER_DISTRICT_UNITS,
  PROVINCE,
  PROVINCE_AGENCIES,
} from '../../domain/testing/fixture-hierarchy';
import { TEST_CATALOGUE } from '../../domain/testing/test-catalogue';
import { PlanWriter } from './plan-commands';

/**
 * The plans service's command handling with no database, for the use cases' tests: the
 * in-memory event store, the unit copy as a fixed list, the real access rule, a clock fixed at
 * 00:30 on 1 September 2021 in Viet Nam (still 31 August in UTC), the test framework catalogue, no projections.
 */
const units = [PROVINCE, ...PROVINCE_AGENCIES, DISTRICT, OTHER_DISTRICT, ...DISTRICT_OFFICES, ...COMMUNES, ...COMMUNE_AGENCIES, ...OTHER_DISTRICT_UNITS];
const hierarchy = new InMemoryUnitHierarchy(units);
export const manager = (unitCode: string): Identity => ({
  accountId: `a-${unitCode}`,
  username: `d${unitCode}`,
  unitCode,
  roles: [{ role: 'UNIT_MANAGER', unitCode }],
});

export const draft: PlanDraft = {
  number: '154/KH-UBND',
  title: 'Kế hoạch nâng cao Chỉ số PAPI năm 2021',
  issuerCode: '513',
  year: 2021,
  frameworks: ['PAPI'],
  sections: [
    {
      title: 'Chất lượng bầu cử',
      tasks: [
        { text: 'Tuyên truyền', lead: { text: 'Phòng Nội vụ' }, implementing: { text: 'UBND các xã, thị trấn' }, timeframe: 'Thường xuyên' },
        { text: 'Kiểm tra', lead: { text: 'Phòng Nội vụ' }, implementing: { text: 'UBND các xã, thị trấn' }, timeframe: 'Quý III năm 2021' },
      ],
    },
  ],
};

export function writer() {
  const store = new InMemoryEventStore();
  const published: number[] = [];
  const plans = new PlanWriter({
    store,
    hierarchy,
    access: new AccessControl({
      ancestry: async (code) => {
        const chain = await hierarchy.ancestry(code, '2021-09-01');
        return chain.length ? chain.map((unit) => unit.code) : null;
      },
    }),
    clock: new FixedClock('2021-08-31T17:30:00Z'), // 00:30 on 1 September in Viet Nam
    frameworks: async () => TEST_CATALOGUE,
    projections: [],
    appended: () => published.push(1),
  });
  return { store, plans, published };
}
