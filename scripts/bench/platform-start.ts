/**
 * The platform's start, step by step, as the e2e tests start it: prints figures, asserts nothing.
 *   npm run bench:platform-start
 *
 * `startPlatform` with the national list and every demo (what `startTestPlatform` runs before an
 * e2e suite) on a fresh database of the local PostgreSQL (TEST_POSTGRES_URL), the in-process bus,
 * the clock on 2025-06-16. Prints each step's line with the seconds since the start, when each
 * service's copy of the units caught up with the directory (polled beside the start), the total,
 * and the load average before and after.
 */
import { DataSource } from 'typeorm';
import { FixedClock } from '@reform/clock';
import { unitTablesDigest } from '@reform/unit-hierarchy';
import { loadAverage, runBench, startBenchPlatform } from './bench-platform';

const COPIES = ['plans', 'tasks', 'reporting', 'scoring'];

async function main(): Promise<void> {
  console.log(`load average before: ${loadAverage()}`);
  let begun = Date.now();
  const at = () => `${((Date.now() - begun) / 1000).toFixed(1).padStart(6)} s`;
  let polling: Promise<void> | null = null;
  // From the last directory step on: which copy catches up when (the start waits for all of them).
  const poll = async (url: string) => {
    const probe = new DataSource({ type: 'postgres', url, extra: { max: 1 } });
    await probe.initialize();
    try {
      const done = new Set<string>();
      while (done.size < COPIES.length) {
        const expected = await unitTablesDigest(probe.manager, 'directory');
        for (const schema of COPIES.filter((s) => !done.has(s))) {
          const digest = await unitTablesDigest(probe.manager, schema);
          if (digest.units === expected.units && digest.versions === expected.versions) {
            done.add(schema);
            console.log(`${at()}  (the copy of the units in ${schema} caught up)`);
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    } finally {
      await probe.destroy();
    }
  };
  const { close } = await startBenchPlatform('bench_platform_start', (database) => {
    begun = Date.now(); // the database is made: the start begins
    return {
      clock: new FixedClock('2025-06-16T03:00:00Z'),
      report: (line) => {
        if (/^Reorganisation [\d-]+: \d+\/\d+ events$/.test(line)) return;
        console.log(`${at()}  ${line}`);
        if (line.startsWith('Demo two-tier')) polling ??= poll(database.url);
      },
    };
  });
  console.log(`${at()}  total`);
  try {
    await polling;
  } finally {
    await close();
  }
  console.log(`load average after: ${loadAverage()}`);
}

runBench(main);
