import { runServiceProcess } from '@reform/subgraph';
import { createDirectoryApp } from './app';

/**
 * The directory service as its own process (distributed mode, ADR 0006; variables in
 * libs/subgraph/src/lib/service-process.ts), subgraph on port 4101 by default.
 *
 * It imports no unit list by itself: an operator runs `write/import-units/cli.ts` (the scripts
 * and docker-compose.yml do, once, before this starts).
 */
runServiceProcess('directory', 4101, (options) => createDirectoryApp(options));
