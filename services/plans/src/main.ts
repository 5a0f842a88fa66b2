import { runServiceProcess } from '@reform/subgraph';
import { createPlansApp } from './app';

/**
 * The plans service as its own process (distributed mode, ADR 0006; variables in
 * libs/subgraph/src/lib/service-process.ts), subgraph on port 4102 by default. Its copy of the
 * units fills from the directory's events on NATS.
 */
runServiceProcess('plans', 4102, (options) => createPlansApp(options));
