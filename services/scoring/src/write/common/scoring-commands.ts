import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@reform/clock';
import { EVENT_STORE, PostgresEventStore } from '@reform/event-store';
import { RelayControl } from '@reform/messaging';
import { ProjectingCommands } from '@reform/subgraph';
import { UNIT_HIERARCHY, UnitHierarchy } from '@reform/unit-hierarchy';
import { SCORING_PROJECTIONS } from '../../read/read-models';

/** The command shell of every scoring aggregate (libs/subgraph ProjectingCommands) over scoring's read models. */
@Injectable()
export class ScoringCommands extends ProjectingCommands {
  constructor(@Inject(EVENT_STORE) store: PostgresEventStore, @Inject(UNIT_HIERARCHY) units: UnitHierarchy, @Inject(CLOCK) clock: Clock, relay: RelayControl) {
    super(store, units, clock, relay, SCORING_PROJECTIONS);
  }
}
