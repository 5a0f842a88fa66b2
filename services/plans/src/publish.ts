import { RecordedEvent } from '@reform/event-store';
import { IntegrationMessage, toIntegrationMessage } from '@reform/messaging';
import { PlanAmendedV1, PlanClosedV1, PlanIssuedV1, PublishedTask } from '@reform/contracts';
import { PlanDraft } from './domain/plan-draft';
import { PlanEvent, TaskUnits, tasksOf } from './domain/plan.decider';
import { dueDate, parseTimeframe } from './domain/timeframe';
import { planYears } from './domain/plan-years';

const planIdOf = (streamId: string) => streamId.slice('plan-'.length);

/** A task as the tasks service consumes it: units resolved, due day computed from the plan's year and issue day. */
function publishedTasks(draft: PlanDraft, units: Record<string, TaskUnits>, issuedOn: string, only?: ReadonlySet<string>): PublishedTask[] {
  return tasksOf(draft.sections)
    .filter(({ task }) => !only || only.has(task.taskId as string))
    .map(({ task, section }) => {
      const taskId = task.taskId as string;
      const timeframe = parseTimeframe(task.timeframe ?? '', { planYear: draft.year });
      const resolved = units[taskId];
      return {
        taskId,
        sectionCode: section.indicator ? `${section.indicator.framework} ${section.indicator.code}` : (section.code ?? null),
        text: task.text,
        target: task.target ?? null,
        timeframe: { ...timeframe },
        // A yearly task ("Tháng 12 hằng năm") recurs: no one due day (the tasks service schedules each year's).
        dueOn: timeframe.kind === 'yearly' ? null : dueDate(timeframe, { year: draft.year, since: issuedOn }),
        lead: resolved?.lead.unitCodes ?? [],
        implementing: resolved?.implementing.unitCodes ?? [],
        monitoring: resolved?.monitoring.unitCodes ?? [],
        expectedResult: task.expectedResult ?? null,
      };
    });
}

/**
 * Which stored events leave the plans service, and as what: issuing, amending and closing, each
 * validated against its contract. Drafts stay private (nobody acts on a draft).
 */
export function publishPlanEvent(recorded: RecordedEvent): IntegrationMessage | null {
  if (!recorded.streamId.startsWith('plan-')) return null;
  const event = { type: recorded.type, data: recorded.data } as PlanEvent;
  const planId = planIdOf(recorded.streamId);
  switch (event.type) {
    case 'PlanIssued': {
      const { draft, issuedOn, units, cascade } = event.data;
      return toIntegrationMessage(
        recorded,
        PlanIssuedV1,
        PlanIssuedV1.validate({
          planId,
          number: draft.number,
          title: draft.title,
          issuerCode: draft.issuerCode,
          issuedOn,
          year: draft.year,
          years: planYears(draft),
          implementsPlanId: draft.implementsPlanId ?? null,
          tasks: publishedTasks(draft, units, issuedOn),
          cascade: cascade ? { unitCodes: cascade.unitCodes, dueOn: cascade.dueOn, text: cascade.text } : null,
        }),
      );
    }
    case 'PlanAmended': {
      const { draft, issuedOn, units, revision, reason, amendedOn, addedTaskIds, removedTaskIds, rescheduledTaskIds } = event.data;
      const rescheduled = publishedTasks(draft, {}, issuedOn, new Set(rescheduledTaskIds));
      return toIntegrationMessage(
        recorded,
        PlanAmendedV1,
        PlanAmendedV1.validate({
          planId,
          revision,
          reason,
          amendedOn,
          years: planYears(draft),
          addedTasks: publishedTasks(draft, units, issuedOn, new Set(addedTaskIds)),
          removedTaskIds,
          rescheduledTasks: rescheduled.map((task) => ({ taskId: task.taskId, timeframe: task.timeframe, dueOn: task.dueOn })),
        }),
      );
    }
    case 'PlanClosed':
      return toIntegrationMessage(recorded, PlanClosedV1, PlanClosedV1.validate({ planId, closedOn: event.data.closedOn, reason: event.data.reason }));
    default:
      return null;
  }
}
