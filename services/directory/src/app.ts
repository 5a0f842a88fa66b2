import { INestApplication } from '@nestjs/common';
import { createServiceApp, ServiceAppOptions } from '@reform/subgraph';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EVENT_STORE, PostgresEventStore, SYSTEM_ACTOR } from '@reform/event-store';
import { RelayControl } from '@reform/messaging';
import { DirectoryModule, DirectoryOptions } from './directory.module';
import { directoryReadModels } from './read/read-models';
import { importUnitList, ImportSummary } from './write/import-units/import-units';
import { importReorganisation, ReorganisationSummary } from './write/import-units/import-reorganisation';
import { OLD_STRUCTURE_DAY, seedDirectoryDemo, seedTwoTierDemo } from './demo/seed-demo';
import { seedDemoAccounts, seedTwoTierAccounts, DEMO_PASSWORD } from './demo/seed-accounts';

export interface DirectoryAppOptions extends DirectoryOptions, ServiceAppOptions {}

/** Boots the directory subgraph on `port` (embedded launcher, distributed main, tests). */
export function createDirectoryApp(options: DirectoryAppOptions): Promise<INestApplication> {
  return createServiceApp(DirectoryModule.forRoot(options), directoryReadModels, options);
}

/** The list shipped with the platform: GSO, as of 2025-03-01 (copied from the shared domain data into data/). */
export const NATIONAL_UNIT_LIST = join(__dirname, '..', 'data', 'vn-admin-units-2025-03.csv');
export const NATIONAL_UNIT_LIST_DATE = '2025-03-01';

export async function importNationalUnits(app: INestApplication, file = NATIONAL_UNIT_LIST, listDate = NATIONAL_UNIT_LIST_DATE): Promise<ImportSummary> {
  const store = app.get<PostgresEventStore>(EVENT_STORE);
  const summary = await importUnitList(store, await readFile(file, 'utf8'), {
    listDate,
    metadata: { actor: SYSTEM_ACTOR, tenant: 'platform', correlationId: `import-units-${listDate}`, causationId: null },
  });
  // Publish now rather than at the relay's next poll.
  if (summary.established + summary.renamed + summary.transferred > 0) app.get(RelayControl).nudge();
  return summary;
}

/** The 2025 reorganisation (data/README-2025-07.md): the two-tier list and the lineage of every old unit. */
export const REORGANISATION_2025 = {
  units: join(__dirname, '..', 'data', 'vn-admin-units-2025-07.csv'),
  lineage: join(__dirname, '..', 'data', 'vn-admin-lineage-2025-07.csv'),
  /** The March list's stale rows, ended before 2025-03-01 (with their successor where known). */
  corrections: join(__dirname, '..', 'data', 'vn-admin-units-2025-03-corrections.csv'),
  effectiveOn: '2025-07-01',
};

/**
 * The March list's corrections, then the 2025 reorganisation, after the March list. Idempotent:
 * a second run appends nothing. `progress` gets a line per committed batch.
 */
export async function importReorganisation2025(
  app: INestApplication,
  progress: (line: string) => void = () => undefined,
): Promise<{ corrections: ReorganisationSummary; reorganisation: ReorganisationSummary }> {
  const store = app.get<PostgresEventStore>(EVENT_STORE);
  const { units, lineage, corrections, effectiveOn } = REORGANISATION_2025;
  const metadata = (what: string) => ({ actor: SYSTEM_ACTOR, tenant: 'platform', correlationId: `import-${what}`, causationId: null });
  const fixed = await importReorganisation(store, null, await readFile(corrections, 'utf8'), {
    effectiveOn: '2025-03-01',
    metadata: metadata('units-2025-03-corrections'),
  });
  const reorganised = await importReorganisation(store, await readFile(units, 'utf8'), await readFile(lineage, 'utf8'), {
    effectiveOn,
    metadata: metadata(`reorganisation-${effectiveOn}`),
    progress: (done, total) => progress(`Reorganisation ${effectiveOn}: ${done}/${total} events`),
  });
  if (fixed.events + reorganised.events > 0) app.get(RelayControl).nudge();
  return { corrections: fixed, reorganisation: reorganised };
}

export { seedDirectoryDemo, seedDemoAccounts, seedTwoTierDemo, seedTwoTierAccounts, OLD_STRUCTURE_DAY, DEMO_PASSWORD };
