import { z } from 'zod';
import { defineContract } from '../lib/contract';

/**
 * What the plans service publishes: the tasks service fans assignments out from these, and tracks
 * the cascade obligations ("issue your implementing plan within 30 days"). Every unit reference
 * is already resolved to unit codes at the issue date (selectors such as "UBND các xã, thị trấn"
 * are expanded by the plans service and recorded in its event), so consumers never re-resolve.
 * Days are `YYYY-MM-DD`.
 */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day YYYY-MM-DD');
const code = z.string().min(1, 'must not be empty');
const id = z.string().min(1, 'must not be empty');

/**
 * The timeframe as the plans service read it when it decided the event (recorded there, not
 * parsed again); `text` is as written. Every field a consumer reads is declared here: the schema
 * strips what it does not declare, so a field dropped from this contract reaches no consumer, and
 * the consumers' contract tests (services/tasks/test/contracts) fail.
 */
export const REPORTING_PERIODS = ['month', 'quarter', 'half', 'nine-months', 'year'] as const;
const text = z.string();
/** Present when the text gave no year and the plan's year was used. */
const yearFromPlan = z.literal(true).optional();
const year = z.number().int();
export const PublishedTimeframe = z.discriminatedUnion('kind', [
  /** "Thường xuyên", "Hàng quý, 6 tháng, năm": reported each period of `every` (quarterly when absent). */
  z.object({ kind: z.literal('ongoing'), text, every: z.array(z.enum(REPORTING_PERIODS)).readonly().optional() }),
  z.object({ kind: z.literal('due'), text, yearFromPlan, on: day }),
  z.object({ kind: z.literal('range'), text, yearFromPlan, from: day, to: day }),
  z.object({ kind: z.literal('quarter'), text, yearFromPlan, year, quarter: z.number().int().min(1).max(4) }),
  z.object({ kind: z.literal('half'), text, yearFromPlan, year, half: z.number().int().min(1).max(2) }),
  z.object({ kind: z.literal('month'), text, yearFromPlan, year, month: z.number().int().min(1).max(12) }),
  /** "Tháng 12 hằng năm": due each year on the last day of `month` (the annual cut-off when absent). */
  z.object({ kind: z.literal('yearly'), text, month: z.number().int().min(1).max(12).optional() }),
  z.object({ kind: z.literal('year'), text, yearFromPlan, year }),
  z.object({ kind: z.literal('within'), text, days: z.number().int().min(0), workingDays: z.literal(true).optional(), after: z.string().optional() }),
  z.object({ kind: z.literal('relative'), text, to: z.string() }),
  z.object({ kind: z.literal('unspecified'), text }),
]);
export type PublishedTimeframe = z.infer<typeof PublishedTimeframe>;

/**
 * A task's target ("Chỉ tiêu") as the plans service read it (services/plans domain/target.ts):
 * consumers compare it with reported figures without parsing the text again.
 */
export const COMPARATORS = ['gt', 'gte', 'eq', 'lte', 'lt'] as const;
const comparator = z.enum(COMPARATORS);
const subject = z.string().optional();
export const PublishedSingleTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percentage'), text, comparator, value: z.number(), subject }),
  z.object({ kind: z.literal('count'), text, comparator, value: z.number(), unit: z.string(), per: z.enum(['year', 'quarter', 'month', 'period']), subject }),
  z.object({ kind: z.literal('coverage'), text, value: z.literal(100), of: z.string() }),
  z.object({ kind: z.literal('rank'), text, top: z.number().int(), among: z.string(), subject }),
  z.object({ kind: z.literal('text'), text }),
]);
export type PublishedSingleTarget = z.infer<typeof PublishedSingleTarget>;
export const PublishedTarget = z.union([PublishedSingleTarget, z.object({ kind: z.literal('all'), text, parts: z.array(PublishedSingleTarget).readonly() })]);
export type PublishedTarget = z.infer<typeof PublishedTarget>;

/** One task row of the appendix, with its units resolved. */
export const PublishedTask = z.object({
  taskId: id,
  /** e.g. "PAPI 1.1" — the indicator / sub-criterion the task serves, null when the plan has none. */
  sectionCode: z.string().nullable(),
  text: z.string().min(1),
  target: z.string().nullable(),
  /** The target as read when published; absent from events published before it existed (read: not parsed). */
  parsedTarget: PublishedTarget.nullable().optional(),
  timeframe: PublishedTimeframe,
  /** The day the task is due when the timeframe gives one (null: ongoing, recurring, relative, unspecified). */
  dueOn: day.nullable(),
  lead: z.array(code),
  implementing: z.array(code).min(1, 'a task needs at least one implementing unit'),
  monitoring: z.array(code),
  expectedResult: z.string().nullable(),
});
export type PublishedTask = z.infer<typeof PublishedTask>;

/**
 * The years the plan runs ("Kế hoạch ... năm 2023 và những năm tiếp theo": from 2023, to null):
 * ongoing and yearly tasks recur in each of them, and every year after while `to` is null, until
 * the plan is closed. Absent from events published before it existed: read as { from: year, to: year }.
 */
export const PlanYears = z.object({ from: z.number().int(), to: z.number().int().nullable() });
export type PlanYears = z.infer<typeof PlanYears>;

const planIssued = z.object({
  planId: id,
  number: z.string().min(1),
  title: z.string().min(1),
  issuerCode: code,
  issuedOn: day,
  year: z.number().int(),
  years: PlanYears.optional(),
  /** The plan of the level above this one implements, if any. */
  implementsPlanId: id.nullable(),
  tasks: z.array(PublishedTask),
  /** Each child unit must issue a plan implementing this one by `dueOn`. */
  cascade: z.object({ unitCodes: z.array(code), dueOn: day, text: z.string() }).nullable(),
  /**
   * The plan's reporting requirements as written; the reporting service makes a regime of each (or
   * links the one named by `regimeId`). Absent from events published before it existed: none.
   */
  reportingRequirements: z.array(z.object({ text: z.string().min(1), regimeId: id.nullable() })).optional(),
});
export type PlanIssuedV1 = z.infer<typeof planIssued>;
export const PlanIssuedV1 = defineContract({ service: 'plans', aggregate: 'plan', eventType: 'PlanIssued', version: 1, schema: planIssued });

const planAmended = z.object({
  planId: id,
  /** 2 for the first amendment, and so on. */
  revision: z.number().int().min(2),
  reason: z.string().min(1),
  amendedOn: day,
  /** As in PlanIssued: the added and rescheduled tasks recur over these years. */
  years: PlanYears.optional(),
  addedTasks: z.array(PublishedTask),
  removedTaskIds: z.array(id),
  /** Tasks whose timeframe changed: their open assignments move to the new due day. */
  rescheduledTasks: z.array(z.object({ taskId: id, timeframe: PublishedTimeframe, dueOn: day.nullable() })),
});
export type PlanAmendedV1 = z.infer<typeof planAmended>;
export const PlanAmendedV1 = defineContract({ service: 'plans', aggregate: 'plan', eventType: 'PlanAmended', version: 1, schema: planAmended });

const planClosed = z.object({ planId: id, closedOn: day, reason: z.string().nullable() });
export type PlanClosedV1 = z.infer<typeof planClosed>;
export const PlanClosedV1 = defineContract({ service: 'plans', aggregate: 'plan', eventType: 'PlanClosed', version: 1, schema: planClosed });

export const PLAN_CONTRACTS = [PlanIssuedV1, PlanAmendedV1, PlanClosedV1];
