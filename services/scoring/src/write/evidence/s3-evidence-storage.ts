import { createHash } from 'node:crypto';
import { AwsClient } from 'aws4fetch';
import { EvidenceFile } from '../../domain/assessment/assessment.decider';
import { EvidenceStorage } from './evidence-storage';

/** Where and as whom: an S3-compatible endpoint (AWS, MinIO, Ceph, a cloud's object storage), path-style URLs. */
export interface S3EvidenceOptions {
  /** `https://s3.example.vn` (no bucket in it). */
  readonly endpoint: string;
  readonly bucket: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Keys are `<prefix><sha256>`; default `evidence/`. */
  readonly prefix?: string;
}

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Production's store (ADR 0035): one object per content, keyed by its SHA-256, signed with AWS
 * Signature V4 by aws4fetch over Node's fetch. The upload declares the hash as the payload's
 * (`x-amz-content-sha256`), so the store itself refuses bytes that are not the ones named; a read
 * is checked against its key too, so a changed object is an error, never wrong evidence.
 */
export class S3EvidenceStorage implements EvidenceStorage {
  private readonly client: AwsClient;
  private readonly base: string;
  private readonly prefix: string;

  constructor(options: S3EvidenceOptions) {
    this.client = new AwsClient({
      accessKeyId: options.accessKeyId,
      secretAccessKey: options.secretAccessKey,
      service: 's3',
      region: options.region,
      retries: 2,
    });
    this.base = `${options.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(options.bucket)}/`;
    this.prefix = options.prefix ?? 'evidence/';
  }

  private url(sha256: string): string {
    return `${this.base}${this.prefix}${sha256}`;
  }

  async put(file: EvidenceFile, bytes: Buffer): Promise<void> {
    if (!SHA256.test(file.sha256)) throw new Error(`evidence storage: "${file.sha256}" is not a SHA-256`);
    // Content-addressed: an object under this key already holds these bytes (a retry, the same file twice).
    if ((await this.client.fetch(this.url(file.sha256), { method: 'HEAD' })).ok) return;
    const response = await this.client.fetch(this.url(file.sha256), {
      method: 'PUT',
      body: new Uint8Array(bytes),
      headers: { 'content-type': file.mediaType, 'content-length': String(bytes.length), 'x-amz-content-sha256': file.sha256 },
    });
    if (!response.ok) throw new Error(`evidence storage: PUT ${this.prefix}${file.sha256} answered ${response.status} ${await errorOf(response)}`);
  }

  async get(sha256: string): Promise<Buffer | null> {
    if (!SHA256.test(sha256)) return null;
    const response = await this.client.fetch(this.url(sha256), { method: 'GET' });
    if (response.status === 404) {
      // No such key is an absent file; no such bucket is a misconfigured store, not a missing file.
      const code = await errorOf(response);
      if (code === 'NoSuchKey' || code === '') return null;
      throw new Error(`evidence storage: GET ${this.prefix}${sha256} answered 404 ${code}`);
    }
    if (!response.ok) throw new Error(`evidence storage: GET ${this.prefix}${sha256} answered ${response.status} ${await errorOf(response)}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    if (createHash('sha256').update(bytes).digest('hex') !== sha256)
      throw new Error(`evidence storage: the object ${this.prefix}${sha256} does not hash to its key`);
    return bytes;
  }
}

/** S3's error code from its XML answer (`NoSuchBucket`, `SignatureDoesNotMatch`...), for the log. */
async function errorOf(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  return /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? '';
}
