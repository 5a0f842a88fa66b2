/**
 * Hostile queries benchmark (issue 12, finding 4): prints figures, asserts nothing (ADR 0005).
 *   npm run bench:hostile-queries
 *
 * The embedded composition (startPlatform with the national list and the demo data, in this
 * process) on a fresh database of the local PostgreSQL (TEST_POSTGRES_URL). While BENCH_ATTACKERS
 * (default 8) clients send, back to back for BENCH_SECONDS (default 20), the attack set of the
 * issue as d513 — the six-level `unit { ancestors { children … } }`, 1,000 aliases of
 * `assignments` and of `plan { history }`, 100 aliases of each, a list-of-lists — another user
 * (c20794) asks `{ me { username } assignments(unitCode: "20794") { id } }` once a second.
 * Printed: the attacks sent and how they were answered, the other user's latencies (median,
 * max; and alone for 5 s before, the peer) and the process's peak RSS (every service and the gateway are in it), beside the load.
 */
import os from 'node:os';
import { GraphQLTestClient } from '@reform/testing';
import { loadAverage, runBench, startBenchPlatform } from './bench-platform';

const ATTACKERS = Number(process.env.BENCH_ATTACKERS ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

async function main(): Promise<void> {
  const { platform, close } = await startBenchPlatform('bench_hostile');
  try {
    const client = new GraphQLTestClient(platform.gatewayUrl);
    const planId = (await client.as('d513', '{ plans(issuerCode: "513") { id } }')).plans[0].id;
    const aliases = (count: number, field: string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
    const attacks = [
      '{ unit(code: "49") { ancestors { children { ancestors { children { ancestors { children { ancestors { children { code name } } } } } } } } } }',
      aliases(1_000, 'assignments(unitCode: "513") { id }'),
      aliases(1_000, `plan(id: "${planId}") { history { version } }`),
      aliases(100, 'assignments(unitCode: "513") { id }'),
      aliases(100, `plan(id: "${planId}") { history { version } }`),
      '{ units(level: DISTRICT) { children { ancestors { children { code } } } } }',
    ];
    await client.login('c20794');
    // The peer: the same query, alone, for 5 s before the attack.
    const quiet: number[] = [];
    for (const stop = Date.now() + 5_000; Date.now() < stop;) {
      const started = performance.now();
      await client.as('c20794', '{ me { username } assignments(unitCode: "20794") { id } }');
      quiet.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    quiet.sort((a, b) => a - b);
    console.log(
      `another user's query alone: ${quiet.length} answered, median ${Math.round(quiet[Math.floor(quiet.length / 2)])} ms, max ${Math.round(quiet[quiet.length - 1])} ms`,
    );
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    const answered = new Map<string, number>();
    const until = Date.now() + SECONDS * 1000;
    const attacker = async (offset: number) => {
      for (let i = offset; Date.now() < until; i++) {
        const code = await client.outcome('d513', attacks[i % attacks.length]);
        answered.set(code, (answered.get(code) ?? 0) + 1);
      }
    };
    const latencies: number[] = [];
    const other = async () => {
      while (Date.now() < until) {
        const started = performance.now();
        await client.as('c20794', '{ me { username } assignments(unitCode: "20794") { id } }');
        latencies.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    };
    await Promise.all([...Array.from({ length: ATTACKERS }, (_, i) => attacker(i)), other()]);
    clearInterval(sampler);
    latencies.sort((a, b) => a - b);
    const total = [...answered.values()].reduce((a, b) => a + b, 0);
    console.log(`hostile queries: ${ATTACKERS} attackers for ${SECONDS} s sent ${total} (${[...answered].map(([code, n]) => `${code} ${n}`).join(', ')})`);
    console.log(
      `another user's query during the attack: ${latencies.length} answered, median ${Math.round(latencies[Math.floor(latencies.length / 2)])} ms, max ${Math.round(latencies[latencies.length - 1])} ms`,
    );
    console.log(`peak RSS of the embedded process: ${Math.round(peakRss / 1024 / 1024)} MB; load average ${loadAverage()} on ${os.cpus().length} cores`);
  } finally {
    await close();
  }
}

runBench(main);
