import { TEST_FRAMEWORKS } from '@reform/contracts';
import { FrameworkCatalogue } from '../frameworks/catalogue';

/**
 * The catalogue the plans tests decide against: the test frameworks as the scoring service would
 * publish them (libs/contracts TEST_FRAMEWORKS), mapped as the replica maps them (read/frameworks), the plans service holding no catalogue of its own (ADR 0034).
 */
export const TEST_CATALOGUE: FrameworkCatalogue = TEST_FRAMEWORKS.map(({ code, name, kind, editions }) => ({
  code,
  name,
  editions,
  openSubItems: kind === 'PAPI_EDITION',
}));
