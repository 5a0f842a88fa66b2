/** The reporting service's PostgreSQL schema: its event store, inbox, unit copy and read models. */
export const REPORTING_SCHEMA = 'reporting';
