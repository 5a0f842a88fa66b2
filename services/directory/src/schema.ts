/** The directory's PostgreSQL schema: its event store, inbox, checkpoints and read models. */
export const DIRECTORY_SCHEMA = 'directory';
