import { runRebuildCommand } from './rebuild-command';

// Entry point: npm run rebuild -- <directory|plans|tasks|reporting|scoring> (see REBUILD_USAGE in ./rebuild-command).
runRebuildCommand(process.argv.slice(2), process.env).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
