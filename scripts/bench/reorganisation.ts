/**
 * The 2025 reorganisation's import, timed: prints figures, asserts nothing (speed is not a test).
 *   npm run bench:reorganisation   (TEST_POSTGRES_URL: a PostgreSQL where a database may be created)
 *
 * On a fresh database of the local PostgreSQL: the directory's migrations, the March 2025 list
 * (10,806 units), then the March list's corrections and the reorganisation of 2025-07-01 (the
 * two-tier list and the lineage, `services/directory/data/`) through `importReorganisation`,
 * exactly as `npm start` and `import-units --reorganisation-2025` run it (batches of 2,000 events,
 * each with the read model); then the same files again (nothing to append). The directory alone:
 * no demo offices (they add their own ending events) and no other service folding the events.
 * The database is dropped at the end.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { PostgresEventStore, runMigrations, serviceDataSourceOptions, SYSTEM_ACTOR } from '@reform/event-store';
import { createTestDatabase } from '@reform/testing';
import { directoryMigrations, DIRECTORY_SCHEMA, NATIONAL_UNIT_LIST, NATIONAL_UNIT_LIST_DATE, REORGANISATION_2025 } from '@reform/directory';
import { importUnitList } from '../../services/directory/src/write/import-units/import-units';
import { importReorganisation } from '../../services/directory/src/write/import-units/import-reorganisation';

const metadata = { actor: SYSTEM_ACTOR, tenant: 'platform', correlationId: 'bench-reorganisation', causationId: null };

async function main(): Promise<void> {
  const cpus = os.cpus();
  console.log(
    `machine: ${cpus[0]?.model.trim()} × ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, node ${process.version}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const database = await createTestDatabase('bench_reorganisation');
  const dataSource = new DataSource(
    serviceDataSourceOptions({
      url: database.url,
      schema: DIRECTORY_SCHEMA,
      migrations: directoryMigrations(),
      poolSize: 4,
      applicationName: 'bench-reorganisation',
    }),
  );
  try {
    await runMigrations(dataSource);
    const store = new PostgresEventStore(dataSource, DIRECTORY_SCHEMA);
    let started = performance.now();
    const march = await importUnitList(store, await readFile(NATIONAL_UNIT_LIST, 'utf8'), { listDate: NATIONAL_UNIT_LIST_DATE, metadata });
    console.log(`March list:        ${march.established} units established in ${(performance.now() - started).toFixed(0)} ms`);
    const files = {
      units: await readFile(REORGANISATION_2025.units, 'utf8'),
      lineage: await readFile(REORGANISATION_2025.lineage, 'utf8'),
      corrections: await readFile(REORGANISATION_2025.corrections, 'utf8'),
    };
    for (const run of ['first', 'second']) {
      started = performance.now();
      const corrections = await importReorganisation(store, null, files.corrections, { effectiveOn: NATIONAL_UNIT_LIST_DATE, metadata });
      const correctedAt = performance.now();
      let lastProgress = correctedAt;
      const batches: string[] = [];
      const reorganisation = await importReorganisation(store, files.units, files.lineage, {
        effectiveOn: REORGANISATION_2025.effectiveOn,
        metadata,
        progress: (done, total) => {
          const now = performance.now();
          batches.push(`${done}/${total} (+${(now - lastProgress).toFixed(0)} ms)`);
          lastProgress = now;
        },
      });
      const total = performance.now() - started;
      const events = corrections.events + reorganisation.events;
      console.log(
        `${run} import:      ${events} events (${corrections.events} corrections; ${reorganisation.established} established, ${reorganisation.reorganised} reorganised, ` +
          `${reorganisation.merged} merged, ${reorganisation.split} split, ${reorganisation.dissolved} dissolved) in ${total.toFixed(0)} ms` +
          (events ? ` = ${Math.round(events / (total / 1000))} events/s; corrections ${(correctedAt - started).toFixed(0)} ms` : ''),
      );
      if (batches.length) console.log(`                   batches: ${batches.join(', ')}`);
    }
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM "${DIRECTORY_SCHEMA}".events`);
    console.log(
      `events in the store: ${n}; rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB; load average after ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
