import { createHash } from 'node:crypto';
import { EvidenceFile } from '../../domain/assessment/assessment.decider';
import { EvidenceStorage } from './evidence-storage';

const fileOf = (bytes: Buffer, mediaType = 'application/pdf'): EvidenceFile => ({
  sha256: createHash('sha256').update(bytes).digest('hex'),
  size: bytes.length,
  fileName: 'minh-chung.pdf',
  mediaType,
});

/**
 * What every evidence storage adapter does (PostgreSQL, directory, S3-compatible: ADR 0035),
 * run by each adapter's test against its real peer: bytes come back as put under their SHA-256,
 * an unknown or malformed key is absent, the same content put twice is one file.
 */
export function evidenceStorageContract(name: string, storage: () => EvidenceStorage): void {
  describe(`evidence storage contract: ${name}`, () => {
    it('gives back the bytes put under their SHA-256, every byte value intact', async () => {
      const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(Array.from({ length: 256 }, (_, i) => i)), Buffer.from(`${name} ${Date.now()}`)]);
      const file = fileOf(bytes);
      await storage().put(file, bytes);
      expect((await storage().get(file.sha256))?.equals(bytes)).toBe(true);
    });

    it('answers null for a hash never put, and for a key that is not a SHA-256', async () => {
      expect(await storage().get(createHash('sha256').update(`never ${name} ${Date.now()}`).digest('hex'))).toBeNull();
      for (const key of ['', '../../etc/passwd', 'ABC', `${'0'.repeat(63)}/`]) expect(await storage().get(key)).toBeNull();
    });

    it('keeps one file for the same content put twice (a retry, the same scan in two criteria)', async () => {
      const bytes = Buffer.from(`%PDF-1.7 twice ${name} ${Date.now()}`);
      const file = fileOf(bytes);
      await storage().put(file, bytes);
      await storage().put(file, bytes);
      expect((await storage().get(file.sha256))?.equals(bytes)).toBe(true);
    });

    it('keeps different contents apart, the empty-looking and the large alike', async () => {
      const small = Buffer.from(`%PDF-a ${name} ${Date.now()}`);
      const large = Buffer.alloc(900 * 1024, 7);
      large.write(`%PDF-b ${name} ${Date.now()}`);
      await Promise.all([storage().put(fileOf(small), small), storage().put(fileOf(large), large)]);
      expect((await storage().get(fileOf(small).sha256))?.equals(small)).toBe(true);
      expect((await storage().get(fileOf(large).sha256))?.equals(large)).toBe(true);
    });
  });
}
