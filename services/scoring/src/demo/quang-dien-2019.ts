import { DEMO_INDEX_SET } from './demo-index-set';
import { leavesOf } from '../domain/framework/index-set';

/**
 * Seed 003's situation as demo data: Quảng Điền (477) assesses its 11 communes and town for 2019;
 * the ranking published on 2020-01-15 puts Quảng Vinh (19885) 11th of 11 ("đứng vị trí thứ 11/11
 * xã, thị trấn"), which then owes the improvement plan it issued as 136/KH-UBND on 20/4/2020.
 * The self-scores are ILLUSTRATIVE (no commune's real scores were found); they are chosen so that
 * the published order ends with Quảng Vinh, as the seed says.
 */
export const QUANG_DIEN = '477';
export const QUANG_VINH = '19885';
export const QUANG_DIEN_UNITS = ['19867', '19870', '19873', '19876', '19879', '19882', '19885', '19888', '19891', '19894', '19897'];

export const DEMO_CAMPAIGN_2019 = {
  title: 'Xác định chỉ số CCHC năm 2019 của các xã, thị trấn (minh họa)',
  ownerCode: QUANG_DIEN,
  year: 2019,
  frameworkCode: DEMO_INDEX_SET.code,
  entryWindow: { from: '2019-11-15', to: '2019-12-15' },
  appraisalWindow: { from: '2019-12-16', to: '2020-01-10' },
  // No sociological survey for communes that year in the demo: its 30 points are left out and totals rescaled to 100.
  skippedCriteria: ['8.1'],
  improvement: { bottomCount: 1, withinDays: 120 },
};

/** The days the scenario runs on (Viet Nam). */
export const DEMO_DAYS = {
  open: '2019-11-14',
  entry: '2019-12-02',
  appraisal: '2019-12-20',
  answer: '2019-12-23',
  finalise: '2020-01-08',
  publish: '2020-01-15',
};

/**
 * A commune's self-scores: every self-scored criterion at a share of its maximum that falls with
 * the commune's place in the list, on the values each rule allows (yes/no: all or nothing; tiers:
 * a listed level); Quảng Vinh lowest.
 */
export function demoSelfScores(unitCode: string): Array<{ criterionCode: string; score: number }> {
  const strength = unitCode === QUANG_VINH ? 0.35 : 0.95 - QUANG_DIEN_UNITS.filter((c) => c !== QUANG_VINH).indexOf(unitCode) * 0.04;
  return leavesOf(DEMO_INDEX_SET.fields)
    .filter((leaf) => leaf.scoredBy === 'UNIT' && !DEMO_CAMPAIGN_2019.skippedCriteria.includes(leaf.code))
    .map((leaf, i) => {
      const share = Math.min(1, Math.max(0, strength + ((i % 3) - 1) * 0.05));
      switch (leaf.rule.kind) {
        case 'YES_NO':
          return { criterionCode: leaf.code, score: share >= 0.5 + (i % 4) * 0.1 ? leaf.maxScore : 0 };
        case 'TIERS': {
          const target = share * leaf.maxScore;
          const tier = [...leaf.rule.tiers].sort((a, b) => Math.abs(a.score - target) - Math.abs(b.score - target))[0];
          return { criterionCode: leaf.code, score: tier.score };
        }
        default:
          return { criterionCode: leaf.code, score: Math.round(share * leaf.maxScore * 100) / 100 };
      }
    });
}
