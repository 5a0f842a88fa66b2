import { schemaMigration } from '@reform/event-store';
import { SCORING_SCHEMA as S } from '../../schema';

export const assessmentsReadModelMigrations = [
  schemaMigration(
    S,
    1765000200000,
    'CreateFrameworksCampaignsAssessments',
    [
      `CREATE TABLE "${S}".frameworks (code text NOT NULL, version int NOT NULL, kind text NOT NULL, name text NOT NULL, year int, issuer_code text, definition jsonb NOT NULL, source jsonb, published_on date NOT NULL, PRIMARY KEY (code, version))`,
      `CREATE TABLE "${S}".campaigns (id text PRIMARY KEY, owner_code text NOT NULL, year int NOT NULL, status text NOT NULL, state jsonb NOT NULL, version int NOT NULL)`,
      `CREATE INDEX campaigns_owner_year ON "${S}".campaigns (owner_code, year)`,
      `CREATE TABLE "${S}".assessments (id text PRIMARY KEY, campaign_id text NOT NULL, unit_code text NOT NULL, owner_code text NOT NULL, year int NOT NULL, status text NOT NULL, state jsonb NOT NULL, version int NOT NULL)`,
      `CREATE INDEX assessments_campaign ON "${S}".assessments (campaign_id)`,
      `CREATE INDEX assessments_unit ON "${S}".assessments (unit_code, year)`,
      // Evidence files of the embedded mode's storage adapter (content-addressed; not a read model).
      `CREATE TABLE "${S}".evidence_files (sha256 text PRIMARY KEY, size int NOT NULL, media_type text NOT NULL, content bytea NOT NULL, stored_at timestamptz NOT NULL DEFAULT now())`,
    ],
    [`DROP TABLE "${S}".evidence_files`, `DROP TABLE "${S}".assessments`, `DROP TABLE "${S}".campaigns`, `DROP TABLE "${S}".frameworks`],
  ),
];
