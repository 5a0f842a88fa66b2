import { runServiceProcess } from '@reform/subgraph';
import { createScoringApp } from './app';

/**
 * The scoring service as its own process (distributed mode, ADR 0006; variables in
 * libs/subgraph/src/lib/service-process.ts), subgraph on port 4105 by default (4104 is left to
 * the reporting service). Its copy of the units arrives as events on NATS.
 */
runServiceProcess('scoring', 4105, (options) => createScoringApp(options));
