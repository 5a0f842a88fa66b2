import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Identity } from '@reform/access';
import { AccessControl, forbidden } from '@reform/auth';
import { DomainError } from '@reform/decider';
import { EVENT_STORE, PostgresEventStore } from '@reform/event-store';
import { Assignment, assignmentStreamId } from '../../domain/assignment/assignment.decider';
import { TASKS_SCHEMA as S } from '../../schema';
import { AssignmentList } from '../assignments/assignment-list';
import { ReceivedPlanEvent, taskTimeline, TimelineEntry } from './task-timeline';

/**
 * Loads a task's timeline: the plan events this service received (kept with their source
 * metadata in `plan_event_jobs`) and the events of the task's assignments, read from the event
 * store itself (not from read models), so the timeline is what was recorded.
 *
 * Who may read it: `read-history` on the plan's issuer, the task's lead or monitoring units (or a
 * unit above them: the province's auditor); with `unitCode`, also `read-history` on that unit,
 * which then sees its own assignment's thread of the task.
 */
@Injectable()
export class TaskTimelineQuery {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly list: AssignmentList,
    private readonly access: AccessControl,
  ) {}

  async timeline(identity: Identity, planId: string, taskId: string, unitCode?: string | null): Promise<TimelineEntry[]> {
    const planEvents = await this.planEventsOf(planId);
    const assignments = await this.list.ofTask(planId, taskId);
    const task = assignments[0];
    const published = planEvents.some((event) => (event.data as { tasks?: Array<{ taskId: string }> }).tasks?.some((candidate) => candidate.taskId === taskId));
    if (!task && !published) throw new DomainError('TASK.NOT_FOUND', 'Không tìm thấy nhiệm vụ này trong các kế hoạch đã ban hành.', { kind: 'NOT_FOUND', field: 'taskId' });
    await this.assertRead(identity, planEvents, task, unitCode);
    const mine = unitCode ? assignments.filter((assignment) => assignment.unitCode === unitCode) : assignments;
    const events = await this.store.readStreams(mine.map((assignment) => assignmentStreamId(assignment.id)));
    return taskTimeline(taskId, planEvents, events);
  }

  private async planEventsOf(planId: string): Promise<ReceivedPlanEvent[]> {
    const rows: Array<{ name: string; data: unknown; message: { eventId: string; metadata: ReceivedPlanEvent['metadata'] } }> = await this.dataSource.query(
      `SELECT name, data, message FROM "${S}".plan_event_jobs WHERE data->>'planId' = $1 ORDER BY seq`,
      [planId],
    );
    return rows.map((row) => ({ name: row.name, data: row.data, eventId: row.message.eventId, metadata: row.message.metadata }));
  }

  private async assertRead(identity: Identity, planEvents: readonly ReceivedPlanEvent[], task: Assignment | undefined, unitCode?: string | null): Promise<void> {
    const issuer = (planEvents[0]?.data as { issuerCode?: string } | undefined)?.issuerCode ?? task?.assignerCode;
    const owners = new Set([...(issuer ? [issuer] : []), ...(task?.leadCodes ?? []), ...(task?.monitoringCodes ?? []), ...(unitCode ? [unitCode] : [])]);
    for (const code of owners) if (await this.access.allows(identity, 'read-history', code)) return;
    throw forbidden();
  }
}
