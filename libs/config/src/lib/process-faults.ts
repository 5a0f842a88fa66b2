/**
 * Faults the process-level guard caught (an unhandled promise rejection): the process goes on,
 * but its readiness check fails and names them, so an orchestrator or an operator sees a process
 * that is no longer whole instead of one that died silently or limps on unseen.
 */
export interface ProcessFault {
  readonly at: string;
  readonly kind: 'unhandledRejection';
  readonly message: string;
}

const faults: ProcessFault[] = [];
let installed = false;

/** The faults caught so far (oldest first; at most the last 20). */
export function processFaults(): readonly ProcessFault[] {
  return faults;
}

export function recordProcessFault(fault: ProcessFault): void {
  faults.push(fault);
  faults.splice(0, faults.length - 20);
}

/** Test support: forget the faults caught so far. */
export function clearProcessFaults(): void {
  faults.splice(0);
}

/**
 * Installs the guard once per process: an unhandled rejection is logged (English, with its stack)
 * and recorded as a fault instead of ending the process, which is Node's default. A background
 * loop that lets a database error escape must not take the whole service down with it; it must
 * show. (An uncaught exception still ends the process: the state after a synchronous throw out of
 * an event handler is not known, and the launcher or the orchestrator restarts it.)
 */
export function installProcessGuard(name: string, log: (line: string) => void = (line) => console.error(line)): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', (reason) => {
    const message = reason instanceof Error ? (reason.stack ?? reason.message) : String(reason);
    log(`[${name}] unhandled rejection (the process goes on; readiness now fails): ${message}`);
    recordProcessFault({ at: new Date().toISOString(), kind: 'unhandledRejection', message: reason instanceof Error ? reason.message : String(reason) });
  });
}
