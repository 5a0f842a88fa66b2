import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Identity, Role, TokenService } from '@reform/auth';
import { FixedClock } from '@reform/clock';
import { InProcessBus } from '@reform/messaging';
import { createTestDatabase, eventually, GraphQLTestClient, TEST_SIGNING_KEYS, TestDatabase } from '@reform/testing';
import { publishUnits, TestUnit } from '@reform/unit-hierarchy';
import { createScoringApp } from '../src';

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
export class ScoringTestBed {
  readonly bus = new InProcessBus();
  db!: TestDatabase;
  app!: INestApplication;
  dataSource!: DataSource;
  client!: GraphQLTestClient;

  constructor(
    private readonly name: string,
    readonly clock: FixedClock,
  ) {}

  async start(): Promise<this> {
    this.db = await createTestDatabase(this.name);
    this.app = await createScoringApp({
      databaseUrl: this.db.url,
      bus: this.bus,
      signingKeys: [...TEST_SIGNING_KEYS],
      port: 0,
      logger: ['error'],
      clock: this.clock,
    });
    this.dataSource = this.app.get<DataSource>(getDataSourceToken());
    this.client = new GraphQLTestClient(`${(await this.app.getUrl()).replace('[::1]', '127.0.0.1')}/graphql`);
    await publishUnits(this.bus, UNITS);
    await eventually(async () => {
      const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM scoring.units`);
      expect(row.n).toBe(UNITS.length);
    });
    return this;
  }

  async stop(): Promise<void> {
    await this.app?.close();
    await this.bus.close();
    await this.db?.drop();
  }

  async events(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM scoring.events WHERE event_type <> 'AuditorQueried'`);
    return row.n;
  }
}

const tokens = new TokenService([...TEST_SIGNING_KEYS]);
export async function tokenFor(username: string, grants: Array<[Role, string]>): Promise<string> {
  const identity: Identity = { accountId: `acc-${username}`, username, unitCode: grants[0][1], roles: grants.map(([role, unitCode]) => ({ role, unitCode })) };
  return (await tokens.issue(identity)).token;
}

export async function useTokens(client: GraphQLTestClient, users: Record<string, Array<[Role, string]>>): Promise<void> {
  for (const [username, grants] of Object.entries(users)) client.useToken(username, await tokenFor(username, grants));
}
