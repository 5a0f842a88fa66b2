/** The plans service's PostgreSQL schema: its event store, inbox, checkpoints, unit copy and read models. */
export const PLANS_SCHEMA = 'plans';
