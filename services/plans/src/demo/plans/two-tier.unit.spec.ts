import type { UnitView } from '@reform/unit-hierarchy';
import { planDeciderFor } from '../../domain/plan.decider';
import { TEST_CATALOGUE } from '../../domain/testing/test-catalogue';
import { IssuerNeighbourhood, resolveCell } from '../../domain/unit-references';
import { DA_NANG_PAR_2026, TWO_TIER_DEMO_PLANS } from '.';

const day = '2026-01-20';
const unit = (code: string, name: string, level: UnitView['level'], parentCode: string | null, type: string, kind: string | null = null): UnitView => ({
  code,
  name,
  level,
  kind,
  type,
  parentCode,
  validFrom: null,
  validTo: null,
  mergedInto: null,
  dissolved: false,
  aliases: [],
  successors: [],
  day,
});
/** The new Đà Nẵng on the plan's day, as the directory demo has it: its offices and (three of) its communes directly below. */
const communes = [
  unit('20194', 'Phường Hải Châu', 'COMMUNE', '48', 'Phường'),
  unit('20794', 'Xã Thăng Bình', 'COMMUNE', '48', 'Xã'),
  unit('20333', 'Đặc khu Hoàng Sa', 'COMMUNE', '48', 'Đặc khu'),
];
const daNang: IssuerNeighbourhood = {
  issuer: unit('48', 'Thành phố Đà Nẵng', 'PROVINCE', null, 'Thành phố Trung ương'),
  subtree: [
    unit('48.SNV', 'Sở Nội vụ', 'AGENCY', '48', 'Sở', 'Sở'),
    unit('48.STP', 'Sở Tư pháp', 'AGENCY', '48', 'Sở', 'Sở'),
    ...communes,
    unit('20794.MC', 'Bộ phận Tiếp nhận và Trả kết quả', 'AGENCY', '20794', 'Bộ phận', 'Bộ phận'),
  ],
  ancestors: [],
  aboveAgencies: [],
  named: [],
};

describe('the demo plan of the two-tier structure (new Đà Nẵng, 2026)', () => {
  const tasks = DA_NANG_PAR_2026.sections.flatMap((section) => section.tasks);

  it('assigns every task to the communes, wards and special zone directly, monitored by Sở Nội vụ', () => {
    for (const task of tasks) {
      const implementing = resolveCell(task.implementing, 'implementing', daNang).unitCodes;
      expect(implementing).toEqual(expect.arrayContaining(['20194', '20794', '20333']));
      expect(implementing.filter((code) => /^\d{3}$/.test(code))).toEqual([]); // no district: there are none
      expect(resolveCell(task.monitoring, 'monitoring', daNang).unitCodes).toEqual(['48.SNV']);
    }
  });

  it('is issued by the Plan decider on its day', () => {
    const { decide, evolve, initialState } = planDeciderFor(TEST_CATALOGUE);
    const [plan] = TWO_TIER_DEMO_PLANS;
    const drafted = decide({ type: 'DraftPlan', data: { planId: plan.key, draft: plan.draft } }, initialState).reduce(evolve, initialState);
    const [issued] = decide({ type: 'IssuePlan', data: { issuedOn: plan.issuedOn, units: daNang } }, drafted);
    expect(issued.type).toBe('PlanIssued');
  });
});
