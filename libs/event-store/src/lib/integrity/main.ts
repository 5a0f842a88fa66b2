import { runIntegrityCommand } from './cli';

// Entry point: integrity verify | digest | check-digest (see INTEGRITY_USAGE in ./cli).
runIntegrityCommand(process.argv.slice(2), process.env).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
