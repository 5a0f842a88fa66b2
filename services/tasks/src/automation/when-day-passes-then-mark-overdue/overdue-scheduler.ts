import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EVENT_STORE, PostgresEventStore, SYSTEM_ACTOR } from '@reform/event-store';
import { PeriodicTick } from '@reform/messaging';
import { DEFAULT_REMINDER_DAYS, nextDueOn, OPEN_STATUSES } from '../../domain/assignment/assignment.decider';
import { addDays } from '../../domain/assignment/schedule';
import { TASKS_SCHEMA as S } from '../../schema';
import { commandAssignments } from '../../write/common/assignment-batches';
import { TASKS_PROJECTIONS } from '../../write/common/assignment-commands';
import { CLOCK, Clock, todayOf } from '@reform/clock';
import { OpenWorkAcrossReorganisation } from '../when-unit-merged-or-split-then-pass-open-assignments/pass-open-assignments';

export interface OverdueOptions {
  /** How often to look (default 60 s); 0 turns the timer off (tests call `tick()`). */
  readonly intervalMs?: number;
  /** Remind this many days before a due day (default 3). */
  readonly reminderDays?: number;
}
export const OVERDUE_OPTIONS = Symbol('OVERDUE_OPTIONS');

const PAGE = 2_000;

/**
 * Every `intervalMs`: open assignments whose due day (a Vietnam day, UTC+7) has passed get
 * AssignmentOverdue, those whose due day is within the reminder window get ReminderIssued. Both
 * once per due day: the read model's marks keep the question small, the decider refuses a second
 * one (a restart, a second replica racing this one), so nothing is ever recorded twice.
 */
@Injectable()
export class OverdueScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OverdueScheduler');
  // One pass at a time: a tick asked for (the demo seed, tests) while the timer's pass runs
  // waits for it, or both would command the same assignments from the same versions.
  private readonly ticks = new PeriodicTick(() => this.pass(), this.logger);

  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(OVERDUE_OPTIONS) private readonly options: OverdueOptions,
    @Optional() private readonly lineage?: OpenWorkAcrossReorganisation,
  ) {}

  onApplicationBootstrap(): void {
    this.ticks.start(this.options.intervalMs ?? 60_000);
  }

  onApplicationShutdown(): Promise<void> {
    return this.ticks.stop();
  }

  /** One pass; returns how many overdue marks and reminders it recorded. */
  tick(): Promise<{ overdue: number; reminded: number }> {
    return this.ticks.tick();
  }

  private async pass(): Promise<{ overdue: number; reminded: number }> {
    // First the work of units a reorganisation ended by today: it is due from its new owner.
    await this.lineage?.passDue();
    const today = todayOf(this.clock);
    const metadata = { actor: SYSTEM_ACTOR, tenant: 'platform', correlationId: `overdue-${today}-${randomUUID()}`, causationId: null };
    const options = { store: this.store, projections: TASKS_PROJECTIONS, metadata };
    let overdue = 0;
    // Repeat: a periodic assignment that missed several periods moves to the next due day each time.
    for (;;) {
      const ids = await this.ids(`due_on < $2::date AND overdue_for IS DISTINCT FROM due_on`, [today]);
      if (ids.length === 0) break;
      const marked = await commandAssignments(
        ids,
        (state) => {
          const dueDay = nextDueOn(state);
          return dueDay ? { type: 'MarkOverdue', data: { dueDay, today } } : null;
        },
        options,
      );
      overdue += marked;
      if (marked === 0) break;
    }
    const reminderDays = this.options.reminderDays ?? DEFAULT_REMINDER_DAYS;
    const ids = await this.ids(`due_on BETWEEN $2::date AND $3::date AND reminded_for IS DISTINCT FROM due_on`, [today, addDays(today, reminderDays)]);
    const reminded = await commandAssignments(
      ids,
      (state) => {
        const dueDay = nextDueOn(state);
        return dueDay ? { type: 'Remind', data: { dueDay, today, reminderDays } } : null;
      },
      options,
    );
    if (overdue + reminded > 0) this.logger.log(`${today}: ${overdue} overdue, ${reminded} reminded`);
    return { overdue, reminded };
  }

  private async ids(condition: string, parameters: unknown[]): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM "${S}".assignments WHERE status = ANY($1::text[]) AND ${condition} ORDER BY id LIMIT ${PAGE * 50}`,
      [OPEN_STATUSES, ...parameters],
    );
    return rows.map((row) => row.id);
  }
}
