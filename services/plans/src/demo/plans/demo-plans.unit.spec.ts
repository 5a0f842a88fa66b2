import { existsSync, readdirSync, readFileSync } from 'fs';
import { dirname, join } from 'path';
import type { UnitLevel, UnitView } from '@reform/unit-hierarchy';
import type { DraftSection, DraftTask, PlanDraft, UnitCell } from '../../domain/plan-draft';
import { planDeciderFor } from '../../domain/plan.decider';
import { TEST_CATALOGUE } from '../../domain/testing/test-catalogue';
import { CellRole, IssuerNeighbourhood, resolveCell } from '../../domain/unit-references';
import { DEMO_PLANS } from './index';
import { HA_GIANG_PAPI_2021, QUANG_NAM_PAPI_2020, QUANG_NAM_PAR_2021 } from './provincial';
import { NONG_SON_PAPI_2020 } from './seed-000-nong-son-papi-2020';
import { VI_XUYEN_PAPI_2021 } from './seed-001-vi-xuyen-papi-2021';
import { THANG_BINH_PAR_2021 } from './seed-002-thang-binh-par-2021';
import {
  DEMO_DISTRICT_OFFICES as DISTRICT_OFFICES,
  DEMO_PROVINCE_OFFICES as PROVINCE_OFFICES,
  DEMO_PROVINCES as PROVINCES,
} from '../../domain/testing/demo-offices';

/** The repository root (holds nx.json); the seeds are copied into docs/domain/seeds. */
function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'nx.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('nx.json not found above ' + __dirname);
    dir = up;
  }
  return dir;
}

const SEEDS = join(repositoryRoot(), 'docs', 'domain', 'seeds');
const seed = (prefix: string): string => {
  const file = readdirSync(SEEDS).find((name) => name.startsWith(`${prefix}_`) && name.endsWith('.txt'));
  if (!file) throw new Error(`seed ${prefix} not found in ${SEEDS}`);
  return readFileSync(join(SEEDS, file), 'utf8');
};

/**
 * Whitespace only: the extraction breaks cells over lines, and also inside words and after "/"
 * ("đợt/ \n\nnăm", "Quý \n\nIV/2020"), so all whitespace is dropped on both sides.
 */
const noSpace = (s: string) => s.normalize('NFC').replace(/\s+/gu, '');
/** For texts beside targets and timeframes: seed 001's markup (<b>, <i>, **) dropped as well. */
const plain = (s: string) => noSpace(s.replace(/<\/?[bi]>/gu, '').replace(/\*/gu, ''));

const allSections = (sections: readonly DraftSection[]): DraftSection[] => sections.flatMap((s) => [s, ...allSections(s.sections ?? [])]);
const allTasks = (draft: PlanDraft): DraftTask[] => allSections(draft.sections).flatMap((s) => s.tasks);
const cells = (t: DraftTask): UnitCell[] => [t.lead, t.implementing, t.monitoring].filter((c): c is UnitCell => !!c);

const SEEDED: Array<{ name: string; draft: PlanDraft; seed: string; top: number; sub: number; tasks: number }> = [
  // I–VII and IX (no VIII): 1 + 7 + 5 + 5 + 5 + 5 + 2 + 4 rows.
  { name: 'seed 000 Nông Sơn PAPI 2020', draft: NONG_SON_PAPI_2020, seed: '000', top: 8, sub: 0, tasks: 34 },
  // 8 dimensions; 4 + 4 + 3 + 6 + 3 (5.2–5.4) + 7 (6.3 in four parts) + 3 + 3 sub-criteria; 5 + 4 + 4 + 9 + 3 + 10 + 3 + 3 rows.
  { name: 'seed 001 Vị Xuyên PAPI 2021', draft: VI_XUYEN_PAPI_2021, seed: '001', top: 8, sub: 33, tasks: 41 },
  // III. NHIỆM VỤ: 7 areas of 9 + 4 + 9 + 3 + 6 + 3 + 7 paragraphs (the appendix is not in the seed).
  { name: 'seed 002 Thăng Bình PAR 2021', draft: THANG_BINH_PAR_2021, seed: '002', top: 7, sub: 0, tasks: 41 },
];

describe('demo plans entered from the seeds', () => {
  describe.each(SEEDED)('$name', ({ draft, seed: prefix, top, sub, tasks }) => {
    const text = seed(prefix);
    const seedNoSpace = noSpace(text);
    const seedPlain = plain(text);

    it('has the counts of sections and tasks of the seed', () => {
      expect(draft.sections).toHaveLength(top);
      expect(allSections(draft.sections).length - top).toBe(sub);
      expect(allTasks(draft)).toHaveLength(tasks);
    });

    it('gives every task a text and an implementing cell', () => {
      for (const task of allTasks(draft)) {
        expect(task.text.trim()).not.toBe('');
        expect(task.implementing?.text.trim()).toBeTruthy();
      }
    });

    it('takes every target and timeframe verbatim from the seed', () => {
      const missing = allTasks(draft)
        .flatMap((t) => [t.target, t.timeframe])
        .filter((s): s is string => !!s)
        .filter((s) => !seedNoSpace.includes(noSpace(s)));
      expect(missing).toEqual([]);
    });

    it('takes task texts, cells, results, section titles and the references verbatim from the seed', () => {
      const texts = [
        draft.title,
        draft.implementsText,
        draft.purposes,
        draft.requirements,
        draft.cascade?.text,
        ...(draft.reportingRequirements ?? []).map((requirement) => requirement.text),
        ...allSections(draft.sections).map((s) => s.title),
        ...allTasks(draft).flatMap((t) => [t.text, t.expectedResult, ...cells(t).map((c) => c.text)]),
      ].filter((s): s is string => !!s);
      // A cell that runs over a page break comes in two parts (the next page repeats the header row
      // and the other cells of the row come between).
      const found = (s: string) => {
        const whole = plain(s);
        if (seedPlain.includes(whole)) return true;
        const words = s.split(/\s+/u);
        return words.some((_, i) => i > 0 && seedPlain.includes(plain(words.slice(0, i).join(' '))) && seedPlain.includes(plain(words.slice(i).join(' '))));
      };
      expect(texts.filter((s) => !found(s))).toEqual([]);
    });

    it('is NFC', () => {
      expect(JSON.stringify(draft)).toBe(JSON.stringify(draft).normalize('NFC'));
    });
  });

  it('indicates PAPI dimensions and sub-criteria by code', () => {
    expect(NONG_SON_PAPI_2020.sections.map((s) => s.indicator?.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(NONG_SON_PAPI_2020.sections.map((s) => s.code)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'IX']);
    expect(VI_XUYEN_PAPI_2021.sections.map((s) => s.indicator?.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    for (const dimension of VI_XUYEN_PAPI_2021.sections) {
      for (const criterion of dimension.sections ?? []) expect(criterion.indicator?.code.startsWith(`${dimension.code}.`)).toBe(true);
    }
  });

  it('records the cascade each district plan requires', () => {
    expect(NONG_SON_PAPI_2020.cascade).toMatchObject({ dueOn: '2020-08-31', levels: ['AGENCY', 'COMMUNE'] });
    expect(VI_XUYEN_PAPI_2021.cascade).toMatchObject({ dueOn: '2021-06-15', levels: ['AGENCY', 'COMMUNE'] });
    expect(VI_XUYEN_PAPI_2021.columns).toEqual({ lead: 'Đơn vị chủ trì theo dõi', implementing: 'Đơn vị thực hiện', leadMonitors: true });
    expect(THANG_BINH_PAR_2021.cascade).toMatchObject({ withinDays: 30, levels: ['AGENCY', 'COMMUNE'] });
  });

  it('has short provincial plans of implementing and monitoring bodies, without lead', () => {
    for (const [draft, sections, tasks] of [
      [QUANG_NAM_PAPI_2020, 3, 5],
      [HA_GIANG_PAPI_2021, 2, 4],
      [QUANG_NAM_PAR_2021, 3, 4],
    ] as const) {
      expect(draft.sections).toHaveLength(sections);
      expect(allTasks(draft)).toHaveLength(tasks);
      expect(draft.columns?.lead ?? null).toBeNull();
      for (const task of allTasks(draft)) {
        expect(task.lead ?? null).toBeNull();
        expect(task.implementing?.text).toBeTruthy();
        expect(task.monitoring?.text).toBeTruthy();
      }
    }
  });

  it('lists every plan once, each provincial plan before the plans that implement it, issued on or after its date', () => {
    const keys = DEMO_PLANS.map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
    DEMO_PLANS.forEach((plan, i) => {
      expect(plan.issuedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (plan.draft.documentDate) expect(plan.issuedOn).toBe(plan.draft.documentDate);
      if (plan.implementsKey) {
        const above = DEMO_PLANS.findIndex((p) => p.key === plan.implementsKey);
        expect(above).toBeGreaterThanOrEqual(0);
        expect(above).toBeLessThan(i);
        expect(plan.issuedOn >= DEMO_PLANS[above].issuedOn).toBe(true);
      }
    });
    expect(DEMO_PLANS.filter((p) => p.implementsKey).map((p) => p.draft)).toEqual([NONG_SON_PAPI_2020, THANG_BINH_PAR_2021, VI_XUYEN_PAPI_2021]);
  });

  describe("resolves against the directory demo's offices", () => {
    it.each(DEMO_PLANS.map((p) => [p.key, p] as const))('%s: every task has an implementing unit and an answerable one, explicit codes exist', (_, plan) => {
      const units = neighbourhood(plan.draft.issuerCode);
      const problems: string[] = [];
      for (const task of allTasks(plan.draft)) {
        const resolve = (role: CellRole) => {
          const r = resolveCell(task[role], role, units);
          r.problems.forEach((p) => problems.push(`${task.text.slice(0, 40)}: ${role} ${p.code} ${p.problem}`));
          return r.unitCodes;
        };
        const lead = resolve('lead');
        const monitoring = resolve('monitoring');
        if (resolve('implementing').length === 0) problems.push(`${task.text.slice(0, 40)}: no implementing unit`);
        if (lead.length === 0 && monitoring.length === 0) problems.push(`${task.text.slice(0, 40)}: no lead or monitor`);
      }
      expect(problems).toEqual([]);
    });

    it.each(DEMO_PLANS.map((p) => [p.key, p] as const))('%s: is drafted and issued by the Plan decider', (_, plan) => {
      const { decide, evolve, initialState } = planDeciderFor(TEST_CATALOGUE);
      const drafted = decide({ type: 'DraftPlan', data: { planId: plan.key, draft: plan.draft } }, initialState).reduce(evolve, initialState);
      const [issued] = decide({ type: 'IssuePlan', data: { issuedOn: plan.issuedOn, units: neighbourhood(plan.draft.issuerCode) } }, drafted);
      expect(issued.type).toBe('PlanIssued');
      if (issued.type === 'PlanIssued') expect(Object.keys(issued.data.units)).toHaveLength(allTasks(plan.draft).length);
    });
  });
});

// ── the directory demo's units around each issuer (names as services/directory/src/demo/seed-demo.ts makes them) ──

const view = (code: string, name: string, level: UnitLevel, parentCode: string | null, kind: string | null = null): UnitView => ({
  code,
  name,
  level,
  kind,
  type: kind ?? { PROVINCE: 'Tỉnh', DISTRICT: 'Huyện', COMMUNE: 'Xã', AGENCY: '' }[level],
  parentCode,
  validFrom: null,
  validTo: null,
  mergedInto: null,
  dissolved: false,
  aliases: [],
  successors: [],
  day: '2021-01-01',
});

/** The seeds' districts; Vị Xuyên with its communes of the 2025-03 list (seed 001 picks them by code). */
const DISTRICTS: Record<string, { name: string; province: string; communes: string[] }> = {
  '519': { name: 'Nông Sơn', province: '49', communes: ['20656', '20668'] },
  '513': { name: 'Thăng Bình', province: '49', communes: ['20794', '20797'] },
  '030': {
    name: 'Vị Xuyên',
    province: '02',
    communes: [
      '00703',
      '00706',
      '00709',
      '00913',
      '00916',
      '00919',
      '00922',
      '00925',
      '00928',
      '00931',
      '00934',
      '00937',
      '00940',
      '00943',
      '00952',
      '00955',
      '00958',
      '00961',
      '00964',
      '00967',
      '00970',
      '00973',
      '00976',
      '00979',
    ],
  },
};

function provinceUnits(code: string): { province: UnitView; agencies: UnitView[] } {
  const place = `tỉnh ${PROVINCES[code]}`;
  return {
    province: view(code, `Tỉnh ${PROVINCES[code]}`, 'PROVINCE', null),
    agencies: PROVINCE_OFFICES.map(([abbr, kind, name]) => view(`${code}.${abbr}`, name(place), 'AGENCY', code, kind)),
  };
}

function districtUnits(code: string): UnitView[] {
  const { name, province, communes } = DISTRICTS[code];
  const place = `huyện ${name}`;
  return [
    view(code, `Huyện ${name}`, 'DISTRICT', province),
    ...DISTRICT_OFFICES.map(([abbr, kind, officeName]) => view(`${code}.${abbr}`, officeName(place), 'AGENCY', code, kind)),
    ...communes.flatMap((c) => [view(c, `Xã ${c}`, 'COMMUNE', code), view(`${c}.CA`, `Công an xã ${c}`, 'AGENCY', c, 'Công an')]),
  ];
}

function neighbourhood(issuerCode: string): IssuerNeighbourhood {
  if (PROVINCES[issuerCode]) {
    const { province, agencies } = provinceUnits(issuerCode);
    const below = Object.keys(DISTRICTS)
      .filter((d) => DISTRICTS[d].province === issuerCode)
      .flatMap(districtUnits);
    return { issuer: province, subtree: [...agencies, ...below], ancestors: [], aboveAgencies: [], named: [] };
  }
  const [district, ...below] = districtUnits(issuerCode);
  const { province, agencies } = provinceUnits(DISTRICTS[issuerCode].province);
  return { issuer: district, subtree: below, ancestors: [province], aboveAgencies: agencies, named: [] };
}
