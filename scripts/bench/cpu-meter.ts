/**
 * Where the CPU of a benchmark went, on a machine shared with other work: this process (all
 * services, gateway and client in the embedded composition), the PostgreSQL backends serving
 * the bench's database, and the whole machine (from /proc/stat), between start() and stop().
 * The machine's figure minus ours is what others took meanwhile; ours over the cores is the
 * floor the same work has on an idle machine. Linux only (/proc); elsewhere PostgreSQL's share
 * reads 0.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { DataSource } from 'typeorm';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function processTicks(pid: number): number | null {
  try {
    // Fields after the command (which may hold spaces), from ") ": state is 3rd, utime 14th, stime 15th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null; // ended, or not Linux
  }
}

function machineTicks(): { busy: number; total: number } {
  try {
    const [cpu] = readFileSync('/proc/stat', 'utf8').split('\n');
    const values = cpu.trim().split(/\s+/).slice(1).map(Number);
    const idle = values[3] + (values[4] ?? 0);
    const total = values.reduce((sum, n) => sum + n, 0);
    return { busy: total - idle, total };
  } catch {
    return { busy: 0, total: 0 };
  }
}

export interface CpuReport {
  readonly wallS: number;
  readonly nodeS: number;
  /** Of nodeS, the kernel's (socket writes and reads, wake-ups): on a loaded machine it also absorbs others' network work. */
  readonly nodeSystemS: number;
  /** Transactions the bench's database committed or rolled back meanwhile (pg_stat_database): round trips in autocommit. */
  readonly transactions: number;
  readonly postgresS: number;
  /** How many PostgreSQL backends postgresS sums. */
  readonly backends: number;
  readonly machineBusyS: number;
  readonly othersS: number;
  readonly cores: number;
}

export class CpuMeter {
  private readonly backends = new Map<number, { first: number; last: number }>();
  private timer: NodeJS.Timeout | null = null;
  private started = 0;
  private node = process.cpuUsage();
  private machine = machineTicks();
  private transactions = 0;

  /**
   * `applicationName` narrows PostgreSQL's share to the backends of that connection name (a bench
   * sharing its database with a running app counts only its own pool); by default, every backend of
   * the bench's database.
   */
  constructor(
    private readonly dataSource: DataSource,
    private readonly options: { readonly applicationName?: string } = {},
  ) {}

  async start(): Promise<void> {
    this.started = Date.now();
    this.node = process.cpuUsage();
    this.machine = machineTicks();
    this.transactions = await this.transactionCount();
    await this.sample(true);
    this.timer = setInterval(() => void this.sample(false).catch(() => undefined), 500);
  }

  /** Backends that exist at the start count from there; those that connect later count whole. */
  private async sample(atStart: boolean): Promise<void> {
    const { applicationName } = this.options;
    const rows: Array<{ pid: number }> = applicationName
      ? await this.dataSource.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1', [applicationName])
      : await this.dataSource.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
    for (const { pid } of rows) {
      const ticks = processTicks(pid);
      if (ticks === null) continue;
      const seen = this.backends.get(pid);
      if (seen) seen.last = ticks;
      else this.backends.set(pid, { first: atStart ? ticks : 0, last: ticks });
    }
  }

  async stop(): Promise<CpuReport> {
    if (this.timer) clearInterval(this.timer);
    await this.sample(false);
    const node = process.cpuUsage(this.node);
    const machine = machineTicks();
    const nodeS = (node.user + node.system) / 1e6;
    const wallS = (Date.now() - this.started) / 1000;
    // The statistics reach pg_stat_database when a backend is idle a moment: ask after the load.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const transactions = (await this.transactionCount()) - this.transactions;
    const postgresS = [...this.backends.values()].reduce((sum, b) => sum + b.last - b.first, 0) / TICKS_PER_SECOND;
    const machineBusyS = (machine.busy - this.machine.busy) / TICKS_PER_SECOND;
    return {
      wallS,
      nodeS,
      nodeSystemS: node.system / 1e6,
      transactions,
      postgresS,
      backends: this.backends.size,
      machineBusyS,
      othersS: Math.max(0, machineBusyS - nodeS - postgresS),
      cores: os.cpus().length,
    };
  }

  private async transactionCount(): Promise<number> {
    const [row]: Array<{ n: string }> = await this.dataSource.query(
      'SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()',
    );
    return Number(row?.n ?? 0);
  }
}

export function describeCpu(report: CpuReport): string {
  const s = (n: number) => `${n.toFixed(1)} s`;
  return (
    `CPU in ${s(report.wallS)} wall: this process ${s(report.nodeS)} (kernel ${s(report.nodeSystemS)}), PostgreSQL backends ${s(report.postgresS)} (${report.transactions.toLocaleString('en')} transactions); ` +
    `the machine's ${report.cores} cores were busy ${s(report.machineBusyS)} (${Math.round((100 * report.machineBusyS) / (report.cores * report.wallS))} %), ` +
    `${s(report.othersS)} of it other work`
  );
}
