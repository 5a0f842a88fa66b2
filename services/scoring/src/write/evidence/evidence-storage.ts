import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EntityManager } from 'typeorm';
import { DomainError } from '@reform/decider';
import { EvidenceFile } from '../../domain/assessment/assessment.decider';
import { SCORING_SCHEMA as S } from '../../schema';

/**
 * Where evidence files live: content-addressed by SHA-256, so the assessment's event carries the
 * hash and size and the bytes can sit anywhere. `put` may join the caller's transaction (the
 * PostgreSQL adapter does: a refused score stores no file); an adapter that cannot (a file
 * system, an S3-compatible store) writes first — the same bytes always land under the same name,
 * so a retry or a refusal leaves at most an unreferenced file, never a wrong one.
 */
export interface EvidenceStorage {
  put(file: EvidenceFile, bytes: Buffer, manager?: EntityManager): Promise<void>;
  get(sha256: string): Promise<Buffer | null>;
}
export const EVIDENCE_STORAGE = Symbol('EVIDENCE_STORAGE');

/** The embedded mode's store: a table in the service's schema. */
export class PostgresEvidenceStorage implements EvidenceStorage {
  constructor(private readonly manager: () => EntityManager) {}

  async put(file: EvidenceFile, bytes: Buffer, manager: EntityManager = this.manager()): Promise<void> {
    await manager.query(`INSERT INTO "${S}".evidence_files (sha256, size, media_type, content) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING`, [
      file.sha256,
      file.size,
      file.mediaType,
      bytes,
    ]);
  }

  async get(sha256: string): Promise<Buffer | null> {
    const [row]: Array<{ content: Buffer }> = await this.manager().query(`SELECT content FROM "${S}".evidence_files WHERE sha256 = $1`, [sha256]);
    return row?.content ?? null;
  }
}

/** Files under a directory, `<root>/<first two hex digits>/<sha256>`, written through a temporary name. */
export class FileEvidenceStorage implements EvidenceStorage {
  constructor(private readonly root: string) {}

  async put(file: EvidenceFile, bytes: Buffer): Promise<void> {
    const dir = join(this.root, file.sha256.slice(0, 2));
    await mkdir(dir, { recursive: true });
    const temporary = join(dir, `${file.sha256}.${process.pid}.tmp`);
    await writeFile(temporary, bytes);
    await rename(temporary, join(dir, file.sha256));
  }

  async get(sha256: string): Promise<Buffer | null> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
    try {
      return await readFile(join(this.root, sha256.slice(0, 2), sha256));
    } catch {
      return null;
    }
  }
}

/** What an evidence upload may be: size and the kinds officials scan and write, recognised by their first bytes too. */
export interface EvidenceLimits {
  readonly maxBytes: number;
}
export const DEFAULT_EVIDENCE_LIMITS: EvidenceLimits = { maxBytes: 1024 * 1024 };
export const EVIDENCE_LIMITS = Symbol('EVIDENCE_LIMITS');

const KINDS: ReadonlyArray<{ mediaType: string; extensions: readonly string[]; magic: (b: Buffer) => boolean; label: string }> = [
  { mediaType: 'application/pdf', extensions: ['pdf'], magic: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-', label: 'PDF' },
  { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff, label: 'JPEG' },
  {
    mediaType: 'image/png',
    extensions: ['png'],
    magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
    label: 'PNG',
  },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    magic: (b) => b[0] === 0x50 && b[1] === 0x4b,
    label: 'Word (.docx)',
  },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    magic: (b) => b[0] === 0x50 && b[1] === 0x4b,
    label: 'Excel (.xlsx)',
  },
];
export const ALLOWED_EVIDENCE = KINDS.map((k) => k.label).join(', ');

const bad = (code: string, message: string, field: string) => new DomainError(code, message, { kind: 'BAD_USER_INPUT', field });
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;

/** Checks an upload (base64 content) and names it by its hash; refusals name `field` and the rule. */
export function acceptUpload(
  upload: { fileName: string; mediaType: string; content: string },
  limits: EvidenceLimits,
  field: string,
): { file: EvidenceFile; bytes: Buffer } {
  const fileName = upload.fileName.trim();
  if (!fileName || fileName.length > 255 || /[/\\]/.test(fileName))
    throw bad('EVIDENCE.FILE_NAME', `${field}.fileName: tên tệp không hợp lệ.`, `${field}.fileName`);
  if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(upload.content))
    throw bad('EVIDENCE.NOT_BASE64', `${field}.content: nội dung tệp phải ở dạng base64.`, `${field}.content`);
  // The decoded size from the base64 length, before decoding anything large.
  const approximate = Math.floor((upload.content.replace(/\s/g, '').length * 3) / 4);
  if (approximate > limits.maxBytes + 2)
    throw bad(
      'EVIDENCE.TOO_LARGE',
      `${field}.content: tệp "${fileName}" khoảng ${mib(approximate)}, vượt giới hạn ${mib(limits.maxBytes)}.`,
      `${field}.content`,
    );
  const bytes = Buffer.from(upload.content, 'base64');
  if (bytes.length === 0) throw bad('EVIDENCE.EMPTY', `${field}.content: tệp "${fileName}" rỗng.`, `${field}.content`);
  if (bytes.length > limits.maxBytes)
    throw bad('EVIDENCE.TOO_LARGE', `${field}.content: tệp "${fileName}" ${mib(bytes.length)}, vượt giới hạn ${mib(limits.maxBytes)}.`, `${field}.content`);
  const extension = fileName.includes('.') ? fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase() : '';
  const kind = KINDS.find((k) => k.mediaType === upload.mediaType.trim().toLowerCase());
  if (!kind || !kind.extensions.includes(extension))
    throw bad(
      'EVIDENCE.FORBIDDEN_TYPE',
      `${field}.mediaType: loại tệp "${upload.mediaType}" (.${extension}) không được nhận; chỉ nhận ${ALLOWED_EVIDENCE}.`,
      `${field}.mediaType`,
    );
  if (!kind.magic(bytes)) throw bad('EVIDENCE.CONTENT_MISMATCH', `${field}.content: nội dung tệp "${fileName}" không phải ${kind.label}.`, `${field}.content`);
  return { file: { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, fileName, mediaType: kind.mediaType }, bytes };
}
