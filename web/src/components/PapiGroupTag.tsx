import { Tag } from 'antd';

/** PAPI's four groups of provinces (by score), each with its colour. */
const PAPI_GROUP: Record<string, [label: string, colour: string]> = {
  HIGHEST: ['Cao nhất', 'green'],
  HIGH_AVERAGE: ['Trung bình cao', 'blue'],
  LOW_AVERAGE: ['Trung bình thấp', 'orange'],
  LOWEST: ['Thấp nhất', 'red'],
};

/** A province's PAPI group as a coloured tag; "—" where it is in none (not ranked). */
export function PapiGroupTag({ group }: { group?: string | null }) {
  return group ? <Tag color={PAPI_GROUP[group]?.[1]}>{PAPI_GROUP[group]?.[0] ?? group}</Tag> : '—';
}
