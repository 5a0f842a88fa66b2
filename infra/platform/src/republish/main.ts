import { runRepublishCommand } from './republish-command';

// Entry point: npm run republish -- <directory|plans|tasks> --from-position X/Y | --from-instant ISO (see REPUBLISH_USAGE).
runRepublishCommand(process.argv.slice(2), process.env).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
