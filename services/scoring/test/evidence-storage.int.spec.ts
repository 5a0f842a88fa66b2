import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import S3rver from 's3rver';
import { DataSource } from 'typeorm';
import { serviceDataSourceOptions } from '@reform/event-store';
import { createTestDatabase, TestDatabase } from '@reform/testing';
import { scoringMigrations } from '../src/scoring-migrations';
import { SCORING_SCHEMA } from '../src/schema';
import { evidenceStorageFromEnv } from '../src/write/evidence/evidence-config';
import { EvidenceStorage, FileEvidenceStorage, PostgresEvidenceStorage } from '../src/write/evidence/evidence-storage';
import { evidenceStorageContract } from '../src/write/evidence/evidence-storage.contract';
import { S3EvidenceStorage } from '../src/write/evidence/s3-evidence-storage';

/**
 * The evidence storage adapters against their real peers: PostgreSQL (the scoring schema as
 * migrated), a directory, and an S3-compatible server (s3rver, started here on a free port:
 * signatures checked with its credentials S3RVER/S3RVER) — the same contract on each (ADR 0035).
 */
describe('evidence storage adapters', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let directory: string;
  let s3Directory: string;
  let s3: S3rver;
  let endpoint: string;
  const adapters: Record<string, EvidenceStorage> = {};
  const s3Options = () => ({ endpoint, bucket: 'reform-evidence', region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });

  beforeAll(async () => {
    database = await createTestDatabase('evidence');
    dataSource = new DataSource(
      serviceDataSourceOptions({ url: database.url, schema: SCORING_SCHEMA, migrations: scoringMigrations(), poolSize: 2, applicationName: 'evidence-test' }),
    );
    await dataSource.initialize();
    await dataSource.runMigrations();
    adapters.postgres = new PostgresEvidenceStorage(() => dataSource.manager);
    directory = mkdtempSync(join(tmpdir(), 'evidence-files-'));
    adapters.file = new FileEvidenceStorage(directory);
    s3Directory = mkdtempSync(join(tmpdir(), 'evidence-s3-'));
    s3 = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory: s3Directory,
      configureBuckets: [{ name: 'reform-evidence' }],
      vhostBuckets: false,
    });
    endpoint = `http://127.0.0.1:${(await s3.run()).port}`;
    adapters.s3 = new S3EvidenceStorage(s3Options());
  }, 60_000);

  afterAll(async () => {
    await s3?.close();
    await dataSource?.destroy();
    await database?.drop();
    for (const dir of [directory, s3Directory]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  evidenceStorageContract('PostgreSQL', () => adapters.postgres);
  evidenceStorageContract('directory', () => adapters.file);
  evidenceStorageContract('S3-compatible (s3rver)', () => adapters.s3);

  describe('S3-compatible specifics', () => {
    const bytes = Buffer.from(`%PDF-1.4 s3 ${Date.now()}`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const file = { sha256, size: bytes.length, fileName: 'a.pdf', mediaType: 'application/pdf' };

    it('keys the object by its SHA-256 under the prefix, in the bucket', async () => {
      await adapters.s3.put(file, bytes);
      expect(readdirSync(join(s3Directory, 'reform-evidence', 'evidence'))).toEqual(expect.arrayContaining([expect.stringContaining(sha256)]));
    });

    // s3rver checks the access key but does not compute Signature V4 (nor the declared payload hash): a real store does.
    it('refuses an unknown access key and a missing bucket, naming the answer; nothing is read as evidence', async () => {
      await expect(new S3EvidenceStorage({ ...s3Options(), accessKeyId: 'UNKNOWN' }).put({ ...file, sha256: '1'.repeat(64) }, bytes)).rejects.toThrow(
        /answered 403 InvalidAccessKeyId/,
      );
      await expect(new S3EvidenceStorage({ ...s3Options(), bucket: 'no-such-bucket' }).get(sha256)).rejects.toThrow(/answered 404|NoSuchBucket/);
    });

    it('does not hand out an object whose bytes no longer hash to its key', async () => {
      await adapters.s3.put(file, bytes);
      // s3rver's file store: the object's bytes in `<key>._S3rver_object`.
      writeFileSync(join(s3Directory, 'reform-evidence', 'evidence', `${sha256}._S3rver_object`), Buffer.from('%PDF-tampered'));
      await expect(adapters.s3.get(sha256)).rejects.toThrow(/does not hash to its key/);
    });
  });

  describe('chosen by the environment', () => {
    it('postgres by default, file with its directory, s3 with its endpoint, bucket and credentials', () => {
      expect(evidenceStorageFromEnv({})).toEqual({});
      expect(evidenceStorageFromEnv({ EVIDENCE_STORAGE: 'file', EVIDENCE_DIRECTORY: '/var/lib/reform/evidence' })).toEqual({
        directory: '/var/lib/reform/evidence',
      });
      expect(
        evidenceStorageFromEnv({
          EVIDENCE_STORAGE: 's3',
          S3_ENDPOINT: 'https://s3.example.vn',
          S3_BUCKET: 'b',
          S3_ACCESS_KEY_ID: 'k',
          S3_SECRET_ACCESS_KEY: 's',
        }),
      ).toEqual({
        s3: { endpoint: 'https://s3.example.vn', bucket: 'b', region: 'us-east-1', accessKeyId: 'k', secretAccessKey: 's', prefix: 'evidence/' },
      });
    });

    it('stops at start naming what is missing or wrong', () => {
      expect(() => evidenceStorageFromEnv({ EVIDENCE_STORAGE: 's3', S3_ENDPOINT: 'https://s3.example.vn' })).toThrow(
        /S3_BUCKET: is required when EVIDENCE_STORAGE=s3[\s\S]*S3_ACCESS_KEY_ID[\s\S]*S3_SECRET_ACCESS_KEY/,
      );
      expect(() => evidenceStorageFromEnv({ EVIDENCE_STORAGE: 'file' })).toThrow(/EVIDENCE_DIRECTORY: is required/);
      expect(() => evidenceStorageFromEnv({ EVIDENCE_STORAGE: 'minio' })).toThrow(/EVIDENCE_STORAGE: must be postgres, file or s3/);
      expect(() =>
        evidenceStorageFromEnv({ EVIDENCE_STORAGE: 's3', S3_ENDPOINT: 's3.example.vn', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' }),
      ).toThrow(/S3_ENDPOINT: must be a URL/);
    });
  });
});
