/** The scoring service's PostgreSQL schema: its event store, inbox, unit copy, evidence files and read models. */
export const SCORING_SCHEMA = 'scoring';
