/** The tasks service's PostgreSQL schema: its event store, inbox, unit copy and read models. */
export const TASKS_SCHEMA = 'tasks';
