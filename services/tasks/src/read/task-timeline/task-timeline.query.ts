import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Identity } from '@reform/access';
import { AccessControl, forbidden } from '@reform/auth';
import { DomainError } from '@reform/decider';
import { EVENT_STORE, EventStore } from '@reform/event-store';
import { Assignment, assignmentStreamId } from '../../domain/assignment/assignment.decider';
import { TASKS_SCHEMA as S } from '../../schema';
import { AssignmentList } from '../assignments/assignment-list';
import { planEventConcernsUnit, publishedTaskOf, ReceivedPlanEvent, ReceivedReportEvent, taskTimeline, TimelineEntry } from './task-timeline';
import { PublishedTask } from '@reform/contracts';
import { PLAN_EVENTS_QUEUE } from '../../automation/plan-event-jobs';

/**
 * Loads a task's timeline: the plan events this service received (kept with their source
 * metadata in the `jobs` of the queue `tasks.plan-events`, keyed by plan) and the events of the task's assignments, read from the event
 * store itself (not from read models), so the timeline is what was recorded.
 *
 * Who may read it is decided by the plan, never by an argument alone:
 * - the whole task: `read-history` on the plan's issuer, the task's lead or monitoring units (or
 *   a unit above them: the province's auditor);
 * - with `unitCode`, a unit's own thread: `read-history` on that unit, which must itself be an
 *   assignee of the task; it then sees its own assignments and only the plan events that
 *   concern it. A unit that is not part of the task gets nothing of the plan.
 * An unknown plan and a plan the caller cannot read get the same FORBIDDEN; NOT_FOUND (naming
 * `taskId`) is only for a task missing from a plan the caller may read.
 */
@Injectable()
export class TaskTimelineQuery {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly list: AssignmentList,
    private readonly access: AccessControl,
  ) {}

  async timeline(identity: Identity, planId: string, taskId: string, unitCode?: string | null): Promise<TimelineEntry[]> {
    const planEvents = await this.planEventsOf(planId);
    const assignments = await this.list.allOfTask(planId, taskId);
    const published = publishedTaskOf(planEvents, taskId);
    const issuer = (planEvents[0]?.data as { issuerCode?: string } | undefined)?.issuerCode ?? assignments[0]?.assignerCode;
    const wholeTask = await this.readsWholeTask(identity, issuer, assignments, published);
    if (unitCode === undefined || unitCode === null) {
      if (!wholeTask) throw forbidden();
      if (!assignments.length && !published)
        throw new DomainError('TASK.NOT_FOUND', 'Không tìm thấy nhiệm vụ này trong các kế hoạch đã ban hành.', { kind: 'NOT_FOUND', field: 'taskId' });
      const ids = assignments.map((assignment) => assignment.id);
      return taskTimeline(taskId, planEvents, await this.store.readStreams(ids.map(assignmentStreamId)), await this.reportEventsCiting(ids));
    }
    const mine = assignments.filter((assignment) => assignment.unitCode === unitCode);
    // The unit's thread: the caller reads the unit's history, and the unit is an assignee of this task.
    if (!wholeTask && !(mine.length > 0 && (await this.access.allows(identity, 'read-history', unitCode)))) throw forbidden();
    if (!assignments.length && !published)
      throw new DomainError('TASK.NOT_FOUND', 'Không tìm thấy nhiệm vụ này trong các kế hoạch đã ban hành.', { kind: 'NOT_FOUND', field: 'taskId' });
    const ids = mine.map((assignment) => assignment.id);
    const events = await this.store.readStreams(ids.map(assignmentStreamId));
    return taskTimeline(
      taskId,
      planEvents.filter((event) => planEventConcernsUnit(event, taskId, unitCode)),
      events,
      await this.reportEventsCiting(ids),
    );
  }

  private async planEventsOf(planId: string): Promise<ReceivedPlanEvent[]> {
    const rows: Array<{ name: string; data: unknown; message: { eventId: string; metadata: ReceivedPlanEvent['metadata'] } }> = await this.dataSource.query(
      `SELECT name, data, meta AS message FROM "${S}".jobs WHERE queue = $1 AND key = $2 ORDER BY seq`,
      [PLAN_EVENTS_QUEUE, planId],
    );
    return rows.map((row) => ({ name: row.name, data: row.data, eventId: row.message.eventId, metadata: row.message.metadata }));
  }

  /** The events of the reports that cite these assignments, as received from the reporting service (one entry per event, under the first assignment it cites). */
  private async reportEventsCiting(assignmentIds: readonly string[]): Promise<ReceivedReportEvent[]> {
    if (!assignmentIds.length) return [];
    const rows: Array<{
      name: string;
      data: unknown;
      meta: { eventId: string; metadata: ReceivedPlanEvent['metadata'] };
      assignment_id: string;
      unit_code: string;
      regime_name: string;
      period: string;
      period_label: string;
    }> = await this.dataSource.query(
      `SELECT DISTINCT ON (e.seq) e.name, e.data, e.meta, c.assignment_id, c.unit_code, c.regime_name, c.period, c.period_label
       FROM "${S}".report_citations c JOIN "${S}".report_events e ON e.report_id = c.report_id
       WHERE c.assignment_id = ANY($1::text[]) ORDER BY e.seq, c.assignment_id`,
      [assignmentIds],
    );
    return rows.map((row) => ({
      name: row.name,
      data: row.data,
      eventId: row.meta.eventId,
      metadata: row.meta.metadata,
      citation: { assignmentId: row.assignment_id, unitCode: row.unit_code, regimeName: row.regime_name, period: row.period, periodLabel: row.period_label },
    }));
  }

  private async readsWholeTask(
    identity: Identity,
    issuer: string | undefined,
    assignments: readonly Assignment[],
    published: PublishedTask | null,
  ): Promise<boolean> {
    const owners = new Set([
      ...(issuer ? [issuer] : []),
      ...(assignments[0]?.leadCodes ?? []),
      ...(assignments[0]?.monitoringCodes ?? []),
      ...(published?.lead ?? []),
      ...(published?.monitoring ?? []),
    ]);
    for (const code of owners) if (await this.access.allows(identity, 'read-history', code)) return true;
    return false;
  }
}
