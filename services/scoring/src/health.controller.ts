import { healthController } from '@reform/subgraph';

/** GET /health: PostgreSQL, NATS and the process guard (libs/subgraph readiness). */
export const HealthController = healthController('scoring');
