import type { PlanDraft } from '../../domain/plan-draft';
import { HA_GIANG_PAPI_2021, QUANG_NAM_PAPI_2020, QUANG_NAM_PAR_2021 } from './provincial';
import { NONG_SON_PAPI_2020 } from './seed-000-nong-son-papi-2020';
import { VI_XUYEN_PAPI_2021 } from './seed-001-vi-xuyen-papi-2021';
import { THANG_BINH_PAR_2021 } from './seed-002-thang-binh-par-2021';
import { DA_NANG_PAR_2026 } from './two-tier';

export { DA_NANG_PAR_2026, HA_GIANG_PAPI_2021, NONG_SON_PAPI_2020, QUANG_NAM_PAPI_2020, QUANG_NAM_PAR_2021, THANG_BINH_PAR_2021, VI_XUYEN_PAPI_2021 };

export interface DemoPlan {
  readonly key: string;
  readonly draft: PlanDraft;
  /** The key of the (provincial) demo plan this one implements. */
  readonly implementsKey?: string;
  /** The day the document was issued (YYYY-MM-DD). */
  readonly issuedOn: string;
}

/**
 * The demo plans in the order they are issued: each provincial plan before the district plan that
 * implements it. Seed 000 leaves its day blank ("ngày      tháng 7 năm 2020"): it is issued on the
 * last day of July 2020, after 4055/KH-UBND (20/7/2020) and before its units' deadline (31/8/2020).
 */
export const DEMO_PLANS: readonly DemoPlan[] = [
  { key: 'quang-nam-papi-2020', draft: QUANG_NAM_PAPI_2020, issuedOn: '2020-07-20' },
  { key: 'nong-son-papi-2020', draft: NONG_SON_PAPI_2020, implementsKey: 'quang-nam-papi-2020', issuedOn: '2020-07-31' },
  { key: 'quang-nam-par-2021', draft: QUANG_NAM_PAR_2021, issuedOn: '2020-12-31' },
  { key: 'thang-binh-par-2021', draft: THANG_BINH_PAR_2021, implementsKey: 'quang-nam-par-2021', issuedOn: '2021-01-14' },
  { key: 'ha-giang-papi-2021', draft: HA_GIANG_PAPI_2021, issuedOn: '2021-05-24' },
  { key: 'vi-xuyen-papi-2021', draft: VI_XUYEN_PAPI_2021, implementsKey: 'ha-giang-papi-2021', issuedOn: '2021-05-31' },
];

/**
 * The two-tier side (2025 reorganisation): the new Đà Nẵng's plan to its communes, wards and
 * special zone, issued after the units of 2025-07-01 are imported.
 */
export const TWO_TIER_DEMO_PLANS: readonly DemoPlan[] = [{ key: 'da-nang-par-2026', draft: DA_NANG_PAR_2026, issuedOn: '2026-01-20' }];
