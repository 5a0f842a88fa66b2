import { domainEventOf, RecordedEvent } from '@reform/event-store';
import { IntegrationMessage, validatedMessage } from '@reform/messaging';
import { PlanAmendedV1, PlanClosedV1, PlanIssuedV1, PublishedTask } from '@reform/contracts';
import { PlanDraft } from './domain/plan-draft';
import { parseTarget } from './domain/target';
import { PlanEvent, TaskTimeframes, TaskUnits, tasksOf } from './domain/plan.decider';
import { planUpcasters } from './domain/plan.upcasters';
import { planYears } from './domain/plan-years';

const planIdOf = (streamId: string) => streamId.slice('plan-'.length);

/** A task as the tasks service consumes it: units resolved, timeframe and due day as the event recorded them. */
function publishedTasks(draft: PlanDraft, units: Record<string, TaskUnits>, timeframes: TaskTimeframes, only?: ReadonlySet<string>): PublishedTask[] {
  return tasksOf(draft.sections)
    .filter(({ task }) => !only || only.has(task.taskId as string))
    .map(({ task, section }) => {
      const taskId = task.taskId as string;
      const { parsed: timeframe, dueOn } = timeframes[taskId];
      const resolved = units[taskId];
      return {
        taskId,
        sectionCode: section.indicator ? `${section.indicator.framework} ${section.indicator.code}` : (section.code ?? null),
        text: task.text,
        target: task.target ?? null,
        // Read here as the plan's own read model reads it (parsing is pure; the text stays the record).
        parsedTarget: task.target ? parseTarget(task.target) : null,
        timeframe: { ...timeframe },
        dueOn,
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
  // In the current shape: a v1 event gets its timeframes from the upcaster.
  const event = domainEventOf<PlanEvent>(recorded, planUpcasters);
  const planId = planIdOf(recorded.streamId);
  switch (event.type) {
    case 'PlanIssued': {
      const { draft, issuedOn, units, cascade, timeframes } = event.data;
      return validatedMessage(recorded, PlanIssuedV1, {
        planId,
        number: draft.number,
        title: draft.title,
        issuerCode: draft.issuerCode,
        issuedOn,
        year: draft.year,
        years: planYears(draft),
        implementsPlanId: draft.implementsPlanId ?? null,
        tasks: publishedTasks(draft, units, timeframes),
        cascade: cascade ? { unitCodes: cascade.unitCodes, dueOn: cascade.dueOn, text: cascade.text } : null,
        reportingRequirements: (draft.reportingRequirements ?? []).map((requirement) => ({ text: requirement.text, regimeId: requirement.regimeId ?? null })),
      });
    }
    case 'PlanAmended': {
      const { draft, units, timeframes, revision, reason, amendedOn, addedTaskIds, removedTaskIds, rescheduledTaskIds } = event.data;
      const rescheduled = publishedTasks(draft, {}, timeframes, new Set(rescheduledTaskIds));
      return validatedMessage(recorded, PlanAmendedV1, {
        planId,
        revision,
        reason,
        amendedOn,
        years: planYears(draft),
        addedTasks: publishedTasks(draft, units, timeframes, new Set(addedTaskIds)),
        removedTaskIds,
        rescheduledTasks: rescheduled.map((task) => ({ taskId: task.taskId, timeframe: task.timeframe, dueOn: task.dueOn })),
      });
    }
    case 'PlanClosed':
      return validatedMessage(recorded, PlanClosedV1, { planId, closedOn: event.data.closedOn, reason: event.data.reason });
    default:
      return null;
  }
}
