import { z } from 'zod';
import { defineContract } from '../lib/contract';

/**
 * What the reporting service publishes (issue 19, target achievement): the data items of a
 * regime's form with the plan task each one measures, and the figures of each report as
 * submitted, accepted and approved. The scoring service compares a task's target with the
 * accepted figures of the items that measure it. Days are `YYYY-MM-DD`; a report id is
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

/** The numeric data items of a report (numbers, percentages, counts; yes/no as 1 or 0); text items stay inside. */
const figures = z.array(z.object({ code: id, value: z.number() }));
const reportKey = { reportId: id, regimeId: id, period: id, unitCode: id };

const submitted = z.object({ ...reportKey, figures, on: day });
export type ReportSubmittedV1 = z.infer<typeof submitted>;
/** A submission replaces the report's figures; they count once the level above accepts them. */
export const ReportSubmittedV1 = defineContract({ service: 'reporting', aggregate: 'report', eventType: 'ReportSubmitted', version: 1, schema: submitted });

const accepted = z.object({ reportId: id, on: day });
export type ReportAcceptedV1 = z.infer<typeof accepted>;
export const ReportAcceptedV1 = defineContract({ service: 'reporting', aggregate: 'report', eventType: 'ReportAccepted', version: 1, schema: accepted });

const approved = z.object({ ...reportKey, figures, on: day });
export type ReportApprovedV1 = z.infer<typeof approved>;
/** A level's own (consolidated) report approved over its children: its figures are the consolidation's, and count. */
export const ReportApprovedV1 = defineContract({ service: 'reporting', aggregate: 'report', eventType: 'ReportApproved', version: 1, schema: approved });

export const REPORT_CONTRACTS = [ReportSubmittedV1, ReportAcceptedV1, ReportApprovedV1];
