import { z } from 'zod';
import { ConfigError, loadConfig } from '@reform/config';
import { S3EvidenceOptions } from './s3-evidence-storage';

/**
 * Where evidence files go, from the environment (ADR 0035): EVIDENCE_STORAGE = postgres (the
 * service's schema, the default), file (EVIDENCE_DIRECTORY) or s3 (S3_ENDPOINT, S3_BUCKET,
 * S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_REGION default us-east-1, S3_PREFIX default
 * `evidence/`). A missing variable stops the process naming it.
 */
export const evidenceStorageConfig = {
  EVIDENCE_STORAGE: z.enum(['postgres', 'file', 's3'], { message: 'must be postgres, file or s3' }).default('postgres'),
  EVIDENCE_DIRECTORY: z.string().optional(),
  S3_ENDPOINT: z
    .string()
    .refine((value) => /^https?:\/\/[^\s/]+/.test(value), { message: 'must be a URL starting with http:// or https://' })
    .optional(),
  S3_BUCKET: z.string().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_PREFIX: z.string().default('evidence/'),
};

export type EvidenceStorageChoice = { readonly directory?: string; readonly s3?: S3EvidenceOptions };

export function evidenceStorageFromEnv(env: Record<string, string | undefined> = process.env): EvidenceStorageChoice {
  const config = loadConfig(evidenceStorageConfig, env);
  if (config.EVIDENCE_STORAGE === 'postgres') return {};
  if (config.EVIDENCE_STORAGE === 'file') {
    if (!config.EVIDENCE_DIRECTORY) throw new ConfigError(['EVIDENCE_DIRECTORY: is required when EVIDENCE_STORAGE=file']);
    return { directory: config.EVIDENCE_DIRECTORY };
  }
  const missing = (['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const).filter((name) => !config[name]);
  if (missing.length) throw new ConfigError(missing.map((name) => `${name}: is required when EVIDENCE_STORAGE=s3`));
  return {
    s3: {
      endpoint: config.S3_ENDPOINT as string,
      bucket: config.S3_BUCKET as string,
      region: config.S3_REGION,
      accessKeyId: config.S3_ACCESS_KEY_ID as string,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY as string,
      prefix: config.S3_PREFIX,
    },
  };
}
