import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@reform/clock';
import { EVENT_STORE, PostgresEventStore } from '@reform/event-store';
import { RelayControl } from '@reform/messaging';
import { ProjectingCommands } from '@reform/subgraph';
import { UNIT_HIERARCHY, UnitHierarchy } from '@reform/unit-hierarchy';
import { REPORTING_PROJECTIONS } from '../../read/read-models';

/** The command shell of every reporting aggregate (libs/subgraph ProjectingCommands) over reporting's read models. */
@Injectable()
export class ReportingCommands extends ProjectingCommands {
  constructor(@Inject(EVENT_STORE) store: PostgresEventStore, @Inject(UNIT_HIERARCHY) units: UnitHierarchy, @Inject(CLOCK) clock: Clock, relay: RelayControl) {
    super(store, units, clock, relay, REPORTING_PROJECTIONS);
  }
}
