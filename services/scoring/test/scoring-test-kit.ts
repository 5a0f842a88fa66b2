import { FixedClock } from '@reform/clock';
import { SubgraphTestBed } from '@reform/subgraph/testing';
import { TEST_SIGNING_KEYS } from '@reform/testing';
import { TestUnit } from '@reform/unit-hierarchy';
import { createScoringApp, SCORING_SCHEMA } from '../src';

/** Thừa Thiên Huế (46) → Quảng Điền (477) with its 11 communes and town, as in 2019; Phong Điền (476) beside it with one commune. */
export const QUANG_DIEN_COMMUNES = ['19867', '19870', '19873', '19876', '19879', '19882', '19885', '19888', '19891', '19894', '19897'];
export const UNITS: TestUnit[] = [
  { code: '46', name: 'Tỉnh Thừa Thiên Huế', level: 'PROVINCE', parentCode: null },
  { code: '477', name: 'Huyện Quảng Điền', level: 'DISTRICT', parentCode: '46' },
  ...QUANG_DIEN_COMMUNES.map((code, i): TestUnit => ({ code, name: i === 0 ? 'Thị trấn Sịa' : `Xã ${code}`, level: 'COMMUNE', parentCode: '477' })),
  { code: '476', name: 'Huyện Phong Điền', level: 'DISTRICT', parentCode: '46' },
  { code: '19819', name: 'Xã Phong Thu', level: 'COMMUNE', parentCode: '476' },
];

/** The scoring service on a database of its own, the in-process bus, the test units replicated, a client at its subgraph. */
export class ScoringTestBed extends SubgraphTestBed {
  constructor(
    name: string,
    readonly clock: FixedClock,
  ) {
    super(name, (databaseUrl, bus) => createScoringApp({ databaseUrl, bus, signingKeys: [...TEST_SIGNING_KEYS], port: 0, logger: ['error'], clock }), {
      schema: SCORING_SCHEMA,
      units: UNITS,
    });
  }

  async events(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM scoring.events WHERE event_type <> 'AuditorQueried'`);
    return row.n;
  }
}

export { tokenFor, useTokens } from '@reform/subgraph/testing';
