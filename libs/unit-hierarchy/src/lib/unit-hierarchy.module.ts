import { DynamicModule, Inject, Injectable, Module } from '@nestjs/common';
import { getEntityManagerToken } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { DIRECTORY_UNIT_CONTRACTS } from '@reform/contracts';
import { afterCommit, IntegrationItem, OnIntegrationEvent } from '@reform/messaging';
import { CachedUnitHierarchy } from './cached-unit-hierarchy';
import { PostgresUnitHierarchy } from './postgres-unit-hierarchy';
import { UNIT_HIERARCHY } from './unit-hierarchy.port';
import { unitFactOf } from './unit-facts';
import { applyUnitFacts, unitTablesMigrations } from './unit-tables';

const REPLICA_OPTIONS = Symbol('UNIT_REPLICA_OPTIONS');

interface UnitReplicaOptions {
  readonly schema: string;
  /** How long an answer is believed when no change was applied here (default UNIT_COPY_FRESH_MS). */
  readonly freshMs?: number;
}

/**
 * Keeps the service's copy of the hierarchy from the directory's unit events: one durable
 * consumer for all of them, so a unit's facts arrive in the order the directory recorded them;
 * each fact carries its stream version, so a redelivered or replayed one changes nothing.
 */
@Injectable()
export class UnitReplica {
  constructor(
    @Inject(REPLICA_OPTIONS) private readonly options: UnitReplicaOptions,
    @Inject(CachedUnitHierarchy) private readonly units: CachedUnitHierarchy,
  ) {}

  // The durable consumer is `<service>.UnitReplica.apply`: renaming the class or method would
  // start a new consumer (a full replay, harmless: facts at known versions are skipped).
  // Batches: a first start catches up on the whole national list (~16,000 units with the demo's
  // offices); one transaction per unit would take half a minute.
  @OnIntegrationEvent(DIRECTORY_UNIT_CONTRACTS, { batch: 500 })
  async apply(items: ReadonlyArray<IntegrationItem<{ code: string }>>, manager: EntityManager): Promise<void> {
    await applyUnitFacts(
      manager,
      this.options.schema,
      items.map(({ data, message }) => ({ code: data.code, version: message.metadata.streamVersion, event: unitFactOf(message.name, data) })),
    );
    // What the service remembered of the copy is dropped now and again once the change is visible.
    this.units.forget();
    afterCommit(manager, () => this.units.forget());
  }
}

/** Migrations of the copy's tables; add them to the service's own migrations. */
export const unitHierarchyMigrations = (schema: string) => unitTablesMigrations(schema);

/**
 * A service's own copy of the unit hierarchy: the UNIT_HIERARCHY port (CachedUnitHierarchy: what
 * every request asks again is remembered, forgotten when the replica applies a change) and the
 * replica consumer.
 * Needs the service's TypeORM data source and MessagingModule.forService in the same application.
 */
@Module({})
export class UnitHierarchyModule {
  static forService(options: UnitReplicaOptions): DynamicModule {
    return {
      module: UnitHierarchyModule,
      providers: [
        { provide: REPLICA_OPTIONS, useValue: options },
        UnitReplica,
        {
          provide: CachedUnitHierarchy,
          inject: [getEntityManagerToken()],
          useFactory: (manager: EntityManager) => new CachedUnitHierarchy(new PostgresUnitHierarchy(manager, options.schema), options.freshMs),
        },
        { provide: UNIT_HIERARCHY, useExisting: CachedUnitHierarchy },
      ],
      exports: [UNIT_HIERARCHY],
    };
  }
}
