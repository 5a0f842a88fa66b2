import { runServiceProcess } from '@reform/subgraph';
import { createTasksApp } from './app';

/**
 * The tasks service as its own process (distributed mode, ADR 0006; variables in
 * libs/subgraph/src/lib/service-process.ts), subgraph on port 4103 by default. Its copy of the
 * units and the plans it assigns arrive as events on NATS.
 */
runServiceProcess('tasks', 4103, (options) => createTasksApp(options));
