import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CLOCK, Clock, todayOf } from '@reform/clock';
import { SYSTEM_ACTOR } from '@reform/event-store';
import { PeriodicTick } from '@reform/messaging';
import { addDays } from '../../domain/calendar/working-days';
import { reportDecider, reportStreamId } from '../../domain/report/report.decider';
import { REPORTING_SCHEMA as S } from '../../schema';
import { ReportingCommands } from '../../write/common/reporting-commands';

export interface ReminderOptions {
  /** How often to look (default 60 s); 0 turns the timer off (tests call `tick()`). */
  readonly intervalMs?: number;
  /** Remind this many days before a deadline (default 3). */
  readonly daysBefore?: number;
}
export const REMINDER_OPTIONS = Symbol('REMINDER_OPTIONS');

/**
 * Reminders as events (ReportReminderIssued on the report's stream), for the inbox to show:
 * BEFORE_DEADLINE within `daysBefore` days of the deadline, AFTER_DEADLINE from the day after it,
 * for reports not yet submitted. Once per kind: the decider refuses a second (a restart, a second
 * replica), so nothing is recorded twice.
 */
@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReminderScheduler');
  private readonly ticks = new PeriodicTick(() => this.pass(), this.logger);

  constructor(
    private readonly commands: ReportingCommands,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(REMINDER_OPTIONS) private readonly options: ReminderOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.ticks.start(this.options.intervalMs ?? 60_000);
  }

  onApplicationShutdown(): Promise<void> {
    return this.ticks.stop();
  }

  /** One pass (after the one under way, if any); returns how many reminders it recorded. */
  tick(): Promise<{ before: number; after: number }> {
    return this.ticks.tick();
  }

  private async pass(): Promise<{ before: number; after: number }> {
    const today = todayOf(this.clock);
    const horizon = addDays(today, this.options.daysBefore ?? 3);
    const rows: Array<{ id: string; kind: 'BEFORE_DEADLINE' | 'AFTER_DEADLINE' }> = await this.dataSource.query(
      `SELECT id, CASE WHEN due_on < $1::date THEN 'AFTER_DEADLINE' ELSE 'BEFORE_DEADLINE' END AS kind FROM "${S}".reports
       WHERE status IN ('EXPECTED', 'DRAFT', 'RETURNED') AND role = 'UNIT' AND due_on <= $2::date
         AND NOT (state->'reminders' @> jsonb_build_array(jsonb_build_object('kind', CASE WHEN due_on < $1::date THEN 'AFTER_DEADLINE' ELSE 'BEFORE_DEADLINE' END)))
       ORDER BY due_on, id LIMIT 5000`,
      [today, horizon],
    );
    const metadata = { actor: SYSTEM_ACTOR, tenant: 'platform', correlationId: `reminders-${today}-${randomUUID()}`, causationId: null };
    let before = 0;
    let after = 0;
    for (const row of rows) {
      const handled = await this.commands.execute(
        reportDecider,
        reportStreamId(row.id),
        { type: 'RemindReport', data: { kind: row.kind, on: today } },
        metadata,
      );
      if (!handled.events.length) continue;
      if (row.kind === 'BEFORE_DEADLINE') before++;
      else after++;
    }
    return { before, after };
  }
}
