import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { UnitMergedV1, UnitSplitV1 } from '@reform/contracts';
import { EVENT_STORE, PostgresEventStore, SYSTEM_ACTOR } from '@reform/event-store';
import { IntegrationItem, OnIntegrationEvent } from '@reform/messaging';
import { tenantOf, UNIT_HIERARCHY, UnitHierarchy } from '@reform/unit-hierarchy';
import { CLOCK, Clock, todayOf } from '@reform/clock';
import { AssignmentCommand, OPEN_STATUSES } from '../../domain/assignment/assignment.decider';
import { TASKS_SCHEMA as S } from '../../schema';
import { commandAssignments } from '../../write/common/assignment-batches';
import { TASKS_PROJECTIONS } from '../../write/common/assignment-commands';

/** An ended unit as this service's copy of the hierarchy holds it, with its lineage. */
export interface EndedUnit {
  readonly code: string;
  readonly mergedInto: string | null;
  readonly successors: ReadonlyArray<{ code: string; relation: 'MERGED_INTO' | 'SPLIT_INTO'; effectiveOn: string; source: string | null }>;
  readonly endedOn: string;
}

/**
 * What the end of a unit asks of its open assignments (pure): a merged unit's pass to the unit
 * that took it, by an event citing the act; a split unit's are offered to its successors for the
 * issuer to allocate. A dissolved unit without successor leaves its work where it is (the
 * issuer decides). Closed work stays with the unit that did it (the decider skips it).
 */
export function commandFor(unit: EndedUnit): AssignmentCommand | null {
  const ending = unit.successors.filter((successor) => successor.effectiveOn === unit.endedOn);
  const source = ending[0]?.source ?? null;
  if (unit.mergedInto) return { type: 'PassToSuccessor', data: { fromUnitCode: unit.code, toUnitCode: unit.mergedInto, source, on: unit.endedOn } };
  const parts = ending.filter((successor) => successor.relation === 'SPLIT_INTO').map((successor) => successor.code);
  if (parts.length === 0) return null;
  return { type: 'OfferToSuccessors', data: { fromUnitCode: unit.code, toUnitCodes: parts, source, on: unit.endedOn } };
}

/**
 * Open work crosses a reorganisation. When the directory's UnitMerged or UnitSplit is received,
 * and on each of the scheduler's ticks (a change imported before its day takes effect on it),
 * every open assignment of a unit that has ended by today with a successor is passed on or
 * offered. Driven by the state (the copy of the hierarchy and the assignments), not by the
 * message alone: idempotent, and a merger followed by another (a stale row's chain) is followed
 * to the end.
 */
@Injectable()
export class OpenWorkAcrossReorganisation {
  private readonly logger = new Logger('OpenWorkAcrossReorganisation');

  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(UNIT_HIERARCHY) private readonly units: UnitHierarchy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  // The copy of the hierarchy may apply the same events a moment later: the next tick catches up.
  @OnIntegrationEvent([UnitMergedV1, UnitSplitV1], { consumer: 'tasks.OpenWorkAcrossReorganisation.received', batch: 500 })
  async received(items: ReadonlyArray<IntegrationItem>, manager: EntityManager): Promise<void> {
    void items;
    void manager;
    await this.passDue();
  }

  /** One pass for today; returns how many assignments were passed on or offered. */
  async passDue(): Promise<number> {
    const today = todayOf(this.clock);
    let total = 0;
    for (let round = 0; round < 5; round++) {
      const rows: Array<{ id: string; code: string; merged_into: string | null; successors: EndedUnit['successors']; ended_on: string }> =
        await this.dataSource.query(
          `SELECT a.id, u.code, u.merged_into, u.successors, u.valid_to::text AS ended_on
           FROM "${S}".assignments a JOIN "${S}".units u ON u.code = a.unit_code
          WHERE a.status = ANY($1::text[]) AND u.valid_to <= $2::date AND jsonb_array_length(u.successors) > 0
            AND (a.state->'offeredTo' IS NULL OR a.state->'offeredTo' = 'null'::jsonb)
          ORDER BY a.id`,
          [OPEN_STATUSES, today],
        );
      if (rows.length === 0) break;
      let passed = 0;
      const byUnit = new Map<string, { unit: EndedUnit; ids: string[] }>();
      for (const row of rows) {
        const entry = byUnit.get(row.code) ?? {
          unit: { code: row.code, mergedInto: row.merged_into, successors: row.successors, endedOn: row.ended_on },
          ids: [],
        };
        entry.ids.push(row.id);
        byUnit.set(row.code, entry);
      }
      for (const { unit, ids } of byUnit.values()) {
        const command = commandFor(unit);
        if (!command) continue;
        const owner = unit.mergedInto ?? unit.code;
        const done = await commandAssignments(ids, () => command, {
          store: this.store,
          projections: TASKS_PROJECTIONS,
          metadata: {
            actor: SYSTEM_ACTOR,
            tenant: await tenantOf(this.units, owner, today),
            correlationId: `lineage-${unit.code}-${unit.endedOn}`,
            causationId: null,
          },
        });
        if (done)
          this.logger.log(
            `${unit.code} ended on ${unit.endedOn}: ${done} open assignments ${unit.mergedInto ? `passed to ${unit.mergedInto}` : 'offered to its successors'}`,
          );
        passed += done;
      }
      total += passed;
      if (passed === 0) break;
    }
    return total;
  }
}
