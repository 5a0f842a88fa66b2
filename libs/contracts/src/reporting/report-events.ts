import { z } from 'zod';
import { defineContract } from '../lib/contract';

/**
 * What the reporting service publishes of its reports (issue 18): a report that cites a unit's
 * assignments (its pre-fill lists them), and what became of it, so the tasks service shows it in
 * the task's timeline (ADR 0013). `ReportExpected` is published only when the report cites at
 * least one assignment; the later events carry the report's id alone (a consumer ignores a report
 * it never heard of). Days are `YYYY-MM-DD`.
 */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day YYYY-MM-DD');
const id = z.string().min(1, 'must not be empty');

const expected = z.object({
  reportId: id,
  regimeId: id,
  regimeName: z.string(),
  /** The period's key (`2021-Q3`) and its words ("quý III năm 2021"; empty for an ad hoc period). */
  period: id,
  periodLabel: z.string(),
  unitCode: id,
  dueOn: day,
  /** The assignments the report's pre-fill lists (the unit's assignments of the regime's plans). */
  assignmentIds: z.array(id).min(1, 'must cite at least one assignment'),
});
export type ReportExpectedV1 = z.infer<typeof expected>;
export const ReportExpectedV1 = defineContract({ service: 'reporting', aggregate: 'report', eventType: 'ReportExpected', version: 1, schema: expected });

const submitted = z.object({ reportId: id, on: day, late: z.boolean(), resubmission: z.boolean() });
export type ReportSubmittedV1 = z.infer<typeof submitted>;
export const ReportSubmittedV1 = defineContract({ service: 'reporting', aggregate: 'report', eventType: 'ReportSubmitted', version: 1, schema: submitted });

const returned = z.object({ reportId: id, on: day, reason: z.string() });
export type ReportReturnedV1 = z.infer<typeof returned>;
export const ReportReturnedV1 = defineContract({ service: 'reporting', aggregate: 'report', eventType: 'ReportReturned', version: 1, schema: returned });

const accepted = z.object({ reportId: id, on: day });
export type ReportAcceptedV1 = z.infer<typeof accepted>;
export const ReportAcceptedV1 = defineContract({ service: 'reporting', aggregate: 'report', eventType: 'ReportAccepted', version: 1, schema: accepted });

export const REPORT_CONTRACTS = [ReportExpectedV1, ReportSubmittedV1, ReportReturnedV1, ReportAcceptedV1];
