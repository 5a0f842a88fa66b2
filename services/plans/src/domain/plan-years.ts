import type { PlanDraft } from './plan-draft';

/** The years a plan runs; `to` null: no end year ("năm 2023 và những năm tiếp theo"), until the plan is closed. */
export interface PlanYears {
  readonly from: number;
  readonly to: number | null;
}

const OPEN = /(và|&)\s+(những|các)\s+năm\s+tiếp\s+theo|từ\s+năm\s+\d{4}\s+trở\s+đi/u;
const RANGE = /(\d{4})\s*[-–—]\s*(\d{4})/u;

/**
 * From the draft: `endYear` when given (null: no end), else read from the title as written —
 * "... năm 2023 và những năm tiếp theo" has no end, "giai đoạn 2021 – 2025" ends in 2025, any
 * other title is a plan of its one year. Pure.
 */
export function planYears(draft: Pick<PlanDraft, 'year' | 'title' | 'endYear'>): PlanYears {
  if (draft.endYear !== undefined) return { from: draft.year, to: draft.endYear };
  const title = draft.title.normalize('NFC').toLowerCase();
  if (OPEN.test(title)) return { from: draft.year, to: null };
  const range = RANGE.exec(title);
  if (range && Number(range[1]) === draft.year && Number(range[2]) > draft.year) return { from: draft.year, to: Number(range[2]) };
  return { from: draft.year, to: draft.year };
}
