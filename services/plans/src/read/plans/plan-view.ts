import { planYears } from '../../domain/plan-years';
import { PlanCell, PlanSection, PlanState } from '../../domain/plan.decider';
import { dueDate } from '../../domain/timeframe';
import { planStatus } from './plans.projection';
import { PlanSectionType, PlanStatus, PlanType, PlanUnitCellType } from './plan.types';

export type Plan = Exclude<PlanState, { status: 'absent' }>;

/** A plan's state as the GraphQL Plan type shows it (units as references the directory resolves). */
export function planView(state: Plan): PlanType {
  const issued = state.status === 'draft' ? null : state;
  const draft = state.draft;
  const cell = (value: PlanCell | null): PlanUnitCellType | null =>
    value
      ? {
          text: value.text,
          unitCodes: [...value.unitCodes],
          units: (value.resolved?.unitCodes ?? []).map((code) => ({ code })),
          unresolved: value.resolved?.unresolved ?? [],
        }
      : null;
  const section = (s: PlanSection): PlanSectionType => ({
    code: s.code,
    title: s.title,
    indicator: s.indicator ? { framework: s.indicator.framework, code: s.indicator.code, year: draft.year } : null,
    tasks: s.tasks.map((task) => ({
      id: task.taskId,
      ordinal: task.ordinal,
      text: task.text,
      target: task.target ? { text: task.target.text, kind: task.target.parsed.kind, parsed: task.target.parsed } : null,
      timeframe: task.timeframe
        ? {
            text: task.timeframe.text,
            kind: task.timeframe.parsed.kind,
            parsed: task.timeframe.parsed,
            dueOn: dueDate(task.timeframe.parsed, { year: draft.year, since: issued?.issuedOn }),
          }
        : null,
      lead: cell(task.lead),
      implementing: cell(task.implementing),
      monitoring: cell(task.monitoring),
      expectedResult: task.expectedResult,
    })),
    sections: s.sections.map(section),
  });
  const cascade = issued?.cascade
    ? { text: issued.cascade.text, dueOn: issued.cascade.dueOn, units: issued.cascade.unitCodes.map((code) => ({ code })) }
    : draft.cascade
      ? { text: draft.cascade.text, dueOn: draft.cascade.dueOn ?? null, units: [] }
      : null;
  return {
    id: state.planId,
    number: draft.number,
    title: draft.title,
    issuer: { code: draft.issuerCode },
    issuerCode: draft.issuerCode,
    documentDate: draft.documentDate ?? null,
    issuedOn: issued?.issuedOn ?? null,
    year: draft.year,
    endYear: planYears(draft).to,
    status: planStatus(state) as PlanStatus,
    revision: issued?.revision ?? null,
    frameworks: [...draft.frameworks],
    implementsPlanId: draft.implementsPlanId ?? null,
    implementsText: draft.implementsText ?? null,
    purposes: draft.purposes ?? null,
    requirements: draft.requirements ?? null,
    columns: draft.columns
      ? {
          lead: draft.columns.lead ?? null,
          implementing: draft.columns.implementing ?? null,
          monitoring: draft.columns.monitoring ?? null,
          leadMonitors: draft.columns.leadMonitors === true,
        }
      : null,
    sections: state.sections.map(section),
    cascade,
    reportingRequirements: (draft.reportingRequirements ?? []).map((requirement) => ({ text: requirement.text, regimeId: requirement.regimeId ?? null })),
    amendments: issued ? issued.amendments.map((a) => ({ ...a })) : [],
    closedOn: state.status === 'closed' ? state.closedOn : null,
    closeReason: state.status === 'closed' ? state.closeReason : null,
  };
}
