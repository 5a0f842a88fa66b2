/**
 * What a user types in when drafting a plan, shaped after the real plans in
 * docs/domain/seeds: every text is kept exactly as written; parsed forms are computed beside it
 * (timeframe.ts, target.ts) and unit cells are resolved to units when the plan is issued.
 * Pure types: the GraphQL inputs, the demo data and the Plan decider all use these.
 */

/** A cell naming units, as written: "Phòng Nội vụ", "UBMT TQ huyện, UBND các xã, thị trấn". */
export interface UnitCell {
  readonly text: string;
  /**
   * Units the drafter picked explicitly (codes). Added to what the text resolves to; the way to
   * name a body the text alone does not identify ("Các cơ quan, đơn vị liên quan").
   */
  readonly unitCodes?: readonly string[];
}

/** One row of the appendix. */
export interface DraftTask {
  /** Stable within the plan; the decider assigns one ("t1", "t2"...) when absent. */
  readonly taskId?: string;
  /** The row's number as written ("1.1", "-", "a"), if any. */
  readonly ordinal?: string | null;
  readonly text: string;
  readonly target?: string | null;
  /** "Đơn vị chủ trì" / "Đầu mối chủ trì": answerable for the task. */
  readonly lead?: UnitCell | null;
  /** "Đơn vị thực hiện" / "Cơ quan thực hiện": each unit gets an assignment. */
  readonly implementing?: UnitCell | null;
  /** "Cơ quan theo dõi": follows and checks; answerable where the plan names no lead. */
  readonly monitoring?: UnitCell | null;
  readonly timeframe?: string | null;
  readonly expectedResult?: string | null;
}

/** A section of the appendix: an indicator or sub-criterion ("1", "Tham gia của người dân ở cấp cơ sở"). */
export interface DraftSection {
  /** The number as written ("1", "1.1", "I", "A"), if any. */
  readonly code?: string | null;
  readonly title: string;
  /** The framework indicator it serves, from the framework catalogue: e.g. { framework: 'PAPI', code: '1.1' }. */
  readonly indicator?: { readonly framework: string; readonly code: string } | null;
  readonly tasks: readonly DraftTask[];
  readonly sections?: readonly DraftSection[];
}

/** The appendix's column headings as the plan has them (plans differ). */
export interface AppendixColumns {
  /** e.g. "Đầu mối chủ trì" (seed 000), "Đơn vị chủ trì theo dõi" (seed 001: lead and monitor in one). */
  readonly lead?: string | null;
  readonly implementing?: string | null;
  readonly monitoring?: string | null;
  /** True when one column names the lead that also monitors (seed 001). */
  readonly leadMonitors?: boolean;
}

/** "Trong vòng 30 ngày…" (seed 002) or a date (seed 001): children issue their implementing plans. */
export interface CascadeRequirement {
  readonly text: string;
  readonly withinDays?: number | null;
  readonly dueOn?: string | null;
  /** Which children must issue one: communes, agencies (offices) or both (default: both). */
  readonly levels?: ReadonlyArray<'COMMUNE' | 'DISTRICT' | 'AGENCY'>;
}

/**
 * A reporting requirement as the plan writes it ("… báo cáo kết quả về UBND huyện định kỳ hằng
 * quý, 6 tháng, 9 tháng và năm", "báo cáo sơ kết … trước ngày 15/9/2021"). When the plan is issued
 * the reporting service makes a regime of it (owned by the issuer, the plan's implementing units
 * reporting), or links the regime it names.
 */
export interface ReportingRequirement {
  readonly text: string;
  /** An existing regime of the reporting service that this requirement is (linked, not created). */
  readonly regimeId?: string | null;
}

export interface PlanDraft {
  /** "154/KH-UBND" */
  readonly number: string;
  readonly title: string;
  readonly issuerCode: string;
  /** The date the document bears, when known at drafting; issuing records the actual day. */
  readonly documentDate?: string | null;
  readonly year: number;
  /**
   * The plan's last year: absent, read from the title (plan-years.ts); null, no end year ("năm 2023
   * và những năm tiếp theo": ongoing tasks recur until the plan is closed).
   */
  readonly endYear?: number | null;
  /** Framework codes from the catalogue: PAPI, PAR_INDEX, SIPAS, ICT_INDEX, DDCI, OTHER. */
  readonly frameworks: readonly string[];
  /** The plan of a unit above that this one implements (its id on the platform). */
  readonly implementsPlanId?: string | null;
  /** The reference as written: "Kế hoạch số 4055/KH-UBND ngày 10/7/2020 của UBND tỉnh Quảng Nam". */
  readonly implementsText?: string | null;
  readonly purposes?: string | null;
  readonly requirements?: string | null;
  readonly columns?: AppendixColumns | null;
  readonly sections: readonly DraftSection[];
  readonly cascade?: CascadeRequirement | null;
  readonly reportingRequirements?: readonly ReportingRequirement[] | null;
}
