import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Identity } from '@reform/access';
import { AccessControl } from '@reform/auth';
import { DomainError } from '@reform/decider';
import { EventMetadata, project, StreamAppend } from '@reform/event-store';
import { tenantOf, UnitView } from '@reform/unit-hierarchy';
import { DEFAULT_CALENDAR } from '../../domain/calendar/working-days';
import { CycleFacts, cycleDecider, cycleStreamId, ExpectedUnit } from '../../domain/cycle/cycle.decider';
import { deadlinesOf, LevelDeadline, REPORTING_LEVELS, ReportingLevel } from '../../domain/period/deadlines';
import { cutOffOf, parsePeriod } from '../../domain/period/period';
import { AssignmentRecord, assignmentLines, prefillContent } from '../../domain/prefill/prefill';
import { RegimeDefinition } from '../../domain/regime/regime';
import { ReportFacts, reportDecider, reportIdOf, reportStreamId } from '../../domain/report/report.decider';
import { REPORTING_PROJECTIONS } from '../../read/read-models';
import { REPORTING_SCHEMA as S } from '../../schema';
import { ReportingCommands } from '../common/reporting-commands';

/** Streams per transaction when a period opens (a country-wide regime expects 10,047 reports). */
const CHUNK = 2_000;

const levelOf = (unit: UnitView): ReportingLevel => (REPORTING_LEVELS.includes(unit.level as ReportingLevel) ? (unit.level as ReportingLevel) : 'COMMUNE');

/** The deadline of a level: its own rule's, else the nearest lower level's (a regime may give only the communes'). */
function deadlineFor(deadlines: readonly LevelDeadline[], level: ReportingLevel): LevelDeadline {
  const exact = deadlines.find((d) => d.level === level);
  if (exact) return exact;
  const rank = REPORTING_LEVELS.indexOf(level);
  const lower = deadlines.filter((d) => REPORTING_LEVELS.indexOf(d.level) < rank);
  return lower.length ? lower[lower.length - 1] : deadlines[0];
}

export interface OpenedPeriod {
  readonly cycle: CycleFacts;
  readonly expected: number;
}

/**
 * Opening a period of a regime: the reporting units resolved from the selector against the unit
 * copy on the day it opens (a unit merged since the regime was defined is not there; its successor
 * is), each level's deadline and window, and one expected report per unit plus the owner's own
 * consolidated report, each pre-filled from the unit's assignments of the regime's plans inside
 * the cut-off. Appended in chunks (the cycle with the first), each chunk one transaction.
 */
@Injectable()
export class PeriodOpening {
  constructor(
    private readonly commands: ReportingCommands,
    private readonly access: AccessControl,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async regime(regimeId: string): Promise<RegimeDefinition & { definedOn: string }> {
    const [row]: Array<{ state: RegimeDefinition & { definedOn: string } }> = await this.dataSource.query(`SELECT state FROM "${S}".regimes WHERE id = $1`, [
      regimeId,
    ]);
    if (!row) throw new DomainError('REGIME.NOT_FOUND', 'Không tìm thấy chế độ báo cáo.', { kind: 'NOT_FOUND', field: 'regimeId' });
    return row.state;
  }

  async open(identity: Identity, regimeId: string, periodKey: string): Promise<OpenedPeriod> {
    const regime = await this.regime(regimeId);
    await this.access.assert(identity, 'manage', regime.ownerCode);
    const actor = { accountId: identity.accountId, username: identity.username, unitCode: identity.unitCode };
    return this.openAs(actor, regime, periodKey);
  }

  /**
   * Without an access check: the demo's seed and the benchmark open periods as given. `on`, the
   * day it was opened when entered afterwards (the demo's 2021 acts on their own days): the units
   * are resolved as they were that day.
   */
  async openAs(actor: EventMetadata['actor'], regime: RegimeDefinition, periodKey: string, on?: string): Promise<OpenedPeriod> {
    const period = parsePeriod(periodKey);
    if (!regime.periodTypes.includes(period.type))
      throw new DomainError('CYCLE.PERIOD_TYPE', `Chế độ "${regime.name}" không có kỳ loại ${period.type}.`, { kind: 'BAD_USER_INPUT', field: 'period' });
    const today = on ?? this.commands.today();
    const cutOff = cutOffOf(period, regime.cutOff);
    const deadlines = deadlinesOf(period, cutOff, regime.deadlines, regime.lockAfterDays, DEFAULT_CALENDAR);
    const owner = await this.commands.units.unit(regime.ownerCode, today);
    if (!owner)
      throw new DomainError('CYCLE.OWNER_ENDED', `Đơn vị chủ quản ${regime.ownerCode} không còn hoạt động vào ngày ${today}.`, {
        kind: 'CONFLICT',
        field: 'regimeId',
      });
    const units = await this.resolveUnits(regime, owner, today);
    const facts: CycleFacts = {
      regimeId: regime.id,
      period: period.key,
      ownerCode: regime.ownerCode,
      cutOff,
      deadlines,
      units: units.map((u) => u.expected),
      openedOn: today,
    };
    cycleDecider.decide({ type: 'OpenCycle', data: facts }, (await this.cycleState(regime.id, period.key)) as never);

    const records = await this.assignmentRecords(regime.planIds, [...units.map((u) => u.expected.code), owner.code]);
    const reportOf = (unit: ExpectedUnit, level: ReportingLevel, role: ReportFacts['role']): ReportFacts => {
      const deadline = deadlineFor(deadlines, level);
      const lines = assignmentLines(records.get(unit.code) ?? [], cutOff);
      return {
        id: reportIdOf(regime.id, period.key, unit.code),
        regimeId: regime.id,
        regimeName: regime.name,
        period: period.key,
        unitCode: unit.code,
        unitName: unit.name,
        level,
        role,
        reviewerCode: unit.reviewerCode,
        cutOff,
        dueOn: deadline.dueOn,
        closesOn: deadline.closesOn,
        form: regime.form,
        prefill: { assignments: lines, content: prefillContent(regime.form, lines) },
      };
    };
    const ownerLevel = levelOf(owner);
    const reports = [
      ...units.map((u) => reportOf(u.expected, u.expected.level, 'UNIT')),
      reportOf({ code: owner.code, name: owner.name, level: ownerLevel, reviewerCode: owner.code }, ownerLevel, 'CONSOLIDATED'),
    ];
    const metadata: EventMetadata = { actor, tenant: await tenantOf(this.commands.units, owner.code, today), correlationId: randomUUID(), causationId: null };
    const appends: StreamAppend[] = [
      { streamId: cycleStreamId(regime.id, period.key), expectedVersion: 'no_stream', events: [{ type: 'CycleOpened', data: facts }] },
      ...reports.map((report) => ({
        streamId: reportStreamId(report.id),
        expectedVersion: 'no_stream' as const,
        events: reportDecider.decide({ type: 'ExpectReport', data: report }, reportDecider.initialState),
      })),
    ];
    for (let i = 0; i < appends.length; i += CHUNK) {
      await this.commands.store.transaction(async ({ store, manager }) => {
        const recorded = await store.appendMany(appends.slice(i, i + CHUNK), metadata);
        await project(REPORTING_PROJECTIONS, recorded, manager);
      });
    }
    return { cycle: facts, expected: units.length };
  }

  private async cycleState(regimeId: string, period: string) {
    const events = await this.commands.store.readStream(cycleStreamId(regimeId, period));
    return events.reduce((state, event) => cycleDecider.evolve(state, event as never), cycleDecider.initialState);
  }

  /**
   * The selector on `day`: the units of its levels under the owner, and the units it names (one
   * that has ended since is followed to its successors). Each reports to its nearest ancestor
   * among them, else to the owner.
   */
  private async resolveUnits(regime: RegimeDefinition, owner: UnitView, day: string): Promise<Array<{ expected: ExpectedUnit }>> {
    const found = new Map<string, UnitView>();
    for (const level of regime.selector.levels)
      for (const unit of await this.commands.units.descendants(owner.code, day, { level })) found.set(unit.code, unit);
    for (const code of regime.selector.unitCodes) {
      const current = await this.commands.units.unit(code, day);
      if (!current) {
        const last = await this.commands.units.lastKnown(code);
        for (const successor of last?.successors ?? []) {
          const next = await this.commands.units.unit(successor.code, day);
          if (next) found.set(next.code, next);
        }
        continue;
      }
      found.set(current.code, current);
    }
    found.delete(owner.code);
    const list = [...found.values()].sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
    return list.map((unit) => ({
      expected: {
        code: unit.code,
        name: unit.name,
        level: levelOf(unit),
        reviewerCode: unit.parentCode && found.has(unit.parentCode) ? unit.parentCode : owner.code,
      },
    }));
  }

  private async assignmentRecords(planIds: readonly string[], unitCodes: readonly string[]): Promise<Map<string, AssignmentRecord[]>> {
    const out = new Map<string, AssignmentRecord[]>();
    if (!planIds.length) return out;
    const rows: Array<{
      assignment_id: string;
      plan_id: string;
      unit_code: string;
      plan_number: string;
      task_text: string;
      assigned_on: string;
      happenings: AssignmentRecord['happenings'];
    }> = await this.dataSource.query(
      `SELECT assignment_id, plan_id, unit_code, plan_number, task_text, to_char(assigned_on, 'YYYY-MM-DD') AS assigned_on, happenings
       FROM "${S}".assignment_facts WHERE plan_id = ANY($1::text[]) AND unit_code = ANY($2::text[])`,
      [planIds, unitCodes],
    );
    for (const row of rows) {
      const record: AssignmentRecord = {
        assignmentId: row.assignment_id,
        planId: row.plan_id,
        planNumber: row.plan_number,
        taskText: row.task_text,
        unitCode: row.unit_code,
        assignedOn: row.assigned_on,
        happenings: row.happenings,
      };
      const list = out.get(row.unit_code);
      if (list) list.push(record);
      else out.set(row.unit_code, [record]);
    }
    return out;
  }
}
