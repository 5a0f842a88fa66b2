import { STANDARD_BODIES } from '@reform/unit-hierarchy';

/**
 * The offices and bodies the directory's demo gives each district and province
 * (libs/unit-hierarchy's STANDARD_BODIES, which the directory's demo seeds), as [code suffix, kind, name for the place]: what the
 * demo plans' unit cells must resolve against. Shared by the plans' tests; the plans service does
 * not read the directory, so its tests build the issuers' neighbourhood from this.
 */
const tuples = (level: 'PROVINCE' | 'DISTRICT') =>
  STANDARD_BODIES[level].map((body): [string, string, (place: string) => string] => [body.abbreviation, body.kind, body.name]);
export const DEMO_DISTRICT_OFFICES = tuples('DISTRICT');
export const DEMO_PROVINCE_OFFICES = tuples('PROVINCE');

export const DEMO_PROVINCES: Record<string, string> = { '49': 'Quảng Nam', '02': 'Hà Giang' };
