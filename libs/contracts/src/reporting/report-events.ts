import { z } from 'zod';
import { defineContract } from '../lib/contract';

/**
 * What the reporting service publishes:
 * - of its regimes, the definition with the form's data items and the plan task each one measures
 *   (the scoring service compares a task's target with the accepted figures of those items, ADR 0036);
 * - of its reports, a report that cites a unit's assignments (its pre-fill lists them) when it is
 *   expected, then its submission (with its numeric figures), return, acceptance, and a
 *   consolidated report's approval (with the consolidation's figures): the tasks service shows them
 *   in the cited tasks' timelines (ADR 0013), scoring counts the accepted figures.
 * `ReportExpected` is published only when the report cites at least one assignment; a consumer
 * ignores a report it never heard of. Days are `YYYY-MM-DD`; a report id is
 * `<regime>~<period>~<unit>`; periods are keys as in API.md ("2021", "2021-Q3", "2021-09").
 */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day YYYY-MM-DD');
const id = z.string().min(1, 'must not be empty');

export const PublishedDataItem = z.object({
  code: id,
  name: z.string(),
  unit: z.string().nullable(),
  type: z.enum(['NUMBER', 'PERCENT', 'COUNT', 'YES_NO', 'TEXT']),
  /** The plan task whose target this item reports ("Tỷ lệ cử tri đi bầu" for the task targeting "trên 99,5%"). */
  measures: z.object({ planId: id, taskId: id }).nullable(),
});
export type PublishedDataItem = z.infer<typeof PublishedDataItem>;

const regimeDefined = z.object({ regimeId: id, ownerCode: id, name: z.string(), items: z.array(PublishedDataItem), on: day });
export type RegimeDefinedV1 = z.infer<typeof regimeDefined>;
export const RegimeDefinedV1 = defineContract({ service: 'reporting', aggregate: 'regime', eventType: 'RegimeDefined', version: 1, schema: regimeDefined });

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

/** The numeric data items of a report (numbers, percentages, counts; yes/no as 1 or 0); text items stay inside. */
const figures = z.array(z.object({ code: id, value: z.number() }));
const reportKey = { reportId: id, regimeId: id, period: id, unitCode: id };

const submitted = z.object({ ...reportKey, figures, on: day, late: z.boolean(), resubmission: z.boolean() });
export type ReportSubmittedV1 = z.infer<typeof submitted>;
/** A submission replaces the report's figures; they count once the level above accepts them. */
export const ReportSubmittedV1 = defineContract({ service: 'reporting', aggregate: 'report', eventType: 'ReportSubmitted', version: 1, schema: submitted });

const returned = z.object({ reportId: id, on: day, reason: z.string() });
export type ReportReturnedV1 = z.infer<typeof returned>;
export const ReportReturnedV1 = defineContract({ service: 'reporting', aggregate: 'report', eventType: 'ReportReturned', version: 1, schema: returned });

const accepted = z.object({ reportId: id, on: day });
export type ReportAcceptedV1 = z.infer<typeof accepted>;
export const ReportAcceptedV1 = defineContract({ service: 'reporting', aggregate: 'report', eventType: 'ReportAccepted', version: 1, schema: accepted });

const approved = z.object({ ...reportKey, figures, on: day });
export type ReportApprovedV1 = z.infer<typeof approved>;
/** A level's own (consolidated) report approved over its children: its figures are the consolidation's, and count. */
export const ReportApprovedV1 = defineContract({ service: 'reporting', aggregate: 'report', eventType: 'ReportApproved', version: 1, schema: approved });

export const REPORT_CONTRACTS = [ReportExpectedV1, ReportSubmittedV1, ReportReturnedV1, ReportAcceptedV1, ReportApprovedV1];
