import { z } from 'zod';
import { defineContract } from '../lib/contract';

/**
 * What the scoring service publishes of its framework catalogue (ADR 0034): scoring owns the
 * index frameworks (PAPI editions, provinces' PAR index sets, the frameworks a plan may cite
 * without itemised criteria); the plans service keeps a replica of them to check the indicator
 * each plan section cites. One message per published version; a version never changes.
 */
const code = z.string().min(1, 'must not be empty');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day YYYY-MM-DD');

export const PublishedIndicator = z.object({
  /** "1" for a dimension or field, "1.1" below it. */
  code,
  name: z.string(),
});

export const FrameworkVersionPublishedV1 = defineContract({
  service: 'scoring',
  aggregate: 'framework',
  eventType: 'FrameworkVersionPublished',
  version: 1,
  schema: z.object({
    code,
    version: z.number().int().min(1),
    /** PAPI_EDITION (survey editions by year), PAR_INDEX_SET (one province's set for a year), LISTED (cited, not itemised). */
    kind: z.enum(['PAPI_EDITION', 'PAR_INDEX_SET', 'LISTED']),
    name: z.string().min(1, 'must not be empty'),
    /** Oldest first, each valid from its year until the next; empty: any indicator code is accepted. */
    editions: z.array(z.object({ fromYear: z.number().int(), indicators: z.array(PublishedIndicator) })),
    /** The unit that issued a PAR index set; null otherwise. */
    issuerCode: z.string().nullable(),
    publishedOn: day,
  }),
});
export type FrameworkVersionPublishedV1 = ReturnType<typeof FrameworkVersionPublishedV1.validate>;
