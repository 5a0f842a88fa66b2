-- Runs once, when the PostgreSQL container initialises an empty data volume
-- (/docker-entrypoint-initdb.d). One database for the platform; each service creates its own
-- schema in it through its migrations (directory, plans, ...), so no service reads another's
-- tables. A managed PostgreSQL gets the same statement from its operator.
CREATE DATABASE reform;
