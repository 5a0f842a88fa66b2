import { runServiceProcess } from '@reform/subgraph';
import { createScoringApp } from './app';
import { evidenceStorageFromEnv } from './write/evidence/evidence-config';

/**
 * The scoring service as its own process (distributed mode, ADR 0006; variables in
 * libs/subgraph/src/lib/service-process.ts), subgraph on port 4105 by default (4104 is left to
 * the reporting service). Its copy of the units arrives as events on NATS. Evidence files go where
 * EVIDENCE_STORAGE says (postgres, file or s3; write/evidence/evidence-config.ts, ADR 0035).
 */
runServiceProcess('scoring', 4105, (options) => createScoringApp({ ...options, evidence: evidenceStorageFromEnv(process.env) }));
