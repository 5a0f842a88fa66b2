import { runServiceProcess } from '@reform/subgraph';
import { createReportingApp } from './app';

/**
 * The reporting service as its own process (distributed mode, ADR 0006; variables in
 * libs/subgraph/src/lib/service-process.ts), subgraph on port 4104 by default. Its copy of the
 * units and the assignments it pre-fills reports from arrive as events on NATS.
 */
runServiceProcess('reporting', 4104, (options) => createReportingApp(options));
