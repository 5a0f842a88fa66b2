import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createTestDatabase, eventually, GraphQLTestClient, TEST_SIGNING_KEYS, TestDatabase, uniqueName } from '@reform/testing';
import { InProcessBus, IntegrationMessage } from '@reform/messaging';
import { UnitMergedV1 } from '@reform/contracts';
import { createDirectoryApp, importNationalUnits, seedDemoAccounts, seedDirectoryDemo, UnitListRejected } from '../src';
import { AccountDirectory } from '../src/read/accounts/account-directory';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('directory: national list, history and the units subgraph', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let client: GraphQLTestClient;
  const bus = new InProcessBus();
  const count = async () => Number((await app.get(DataSource).query(`SELECT count(*) FROM directory.events`))[0].count);

  beforeAll(async () => {
    database = await createTestDatabase('directory');
    app = await createDirectoryApp({ databaseUrl: database.url, bus, signingKeys: TEST_SIGNING_KEYS, port: 0, logger: false });
    client = new GraphQLTestClient(`${await app.getUrl()}/graphql`);
  });

  afterAll(async () => {
    await app.close();
    await bus.close();
    await database.drop();
  });

  // Units are readable by any signed-in user: the tests read as a commune's account.
  const gql = async (query: string, variables?: Record<string, unknown>) =>
    (await client.request(query, variables, await client.login('c20794'))) as { data: any; errors: any[] };

  it('imports the national list: 63 provinces, 696 districts, 10,047 communes; a second import appends nothing', async () => {
    const first = await importNationalUnits(app);
    expect(first).toMatchObject({ rows: 10_806, established: 10_806, renamed: 0, transferred: 0 });
    const levels = await app.get(DataSource).query(`SELECT level, count(*)::int AS n FROM directory.units GROUP BY level ORDER BY level`);
    expect(levels).toEqual([
      { level: 'COMMUNE', n: 10_047 },
      { level: 'DISTRICT', n: 696 },
      { level: 'PROVINCE', n: 63 },
    ]);
    const before = await count();
    expect(await importNationalUnits(app)).toMatchObject({ established: 0, renamed: 0, transferred: 0, unchanged: 10_806 });
    expect(await count()).toBe(before);
  });

  it('rejects a file with a malformed row, naming its line, and appends nothing', async () => {
    const file = join(tmpdir(), `units-${process.pid}.csv`);
    await writeFile(file, 'code,name,type,level,parent_code\n99,Tỉnh Mới,Tỉnh,province,\n999,Huyện Mới,Huyện,district,99\n99999,,Xã,commune,999\n');
    const before = await count();
    const error = await importNationalUnits(app, file).catch((e) => e);
    expect(error).toBeInstanceOf(UnitListRejected);
    expect(error.problems).toEqual([{ line: 4, field: 'name', rule: 'không được để trống' }]);
    expect(await count()).toBe(before);
    expect(Number((await app.get(DataSource).query(`SELECT count(*) FROM directory.units WHERE code = '99'`))[0].count)).toBe(0);
  });

  it('records Nông Sơn’s history and the standard offices, idempotently', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const seeded = await seedDirectoryDemo(app, today);
    expect(seeded.events).toBeGreaterThan(4_000);
    expect(await seedDirectoryDemo(app, today)).toEqual({ events: 0 });
    expect((await seedDemoAccounts(app, today)).accounts).toBeGreaterThan(500);
    expect(await seedDemoAccounts(app, today)).toEqual({ accounts: 0 });
    // The seed's check at every start: the taken usernames among many, in one query.
    expect(await app.get(AccountDirectory).takenUsernames(['doha', 'd513', 'c20794', 'nobody-here'])).toEqual(new Set(['doha', 'd513', 'c20794']));
  });

  it("pages the country's communes (issue 15): the plain list refuses to be cut, naming limit; unitPage goes to the end with the total", async () => {
    const refused = await gql('{ units(level: COMMUNE) { code } }');
    expect(refused.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit', max: 1_000 });
    const total: number = refused.errors[0].extensions.total;
    const today = new Date().toISOString().slice(0, 10);
    const inForce = Number(
      (
        await app.get(DataSource).query(
          `SELECT count(DISTINCT u.code) FROM directory.units u JOIN directory.unit_periods p USING (code)
           WHERE u.level = 'COMMUNE' AND (p.valid_from IS NULL OR p.valid_from <= $1::date) AND (p.valid_to IS NULL OR $1::date < p.valid_to)`,
          [today],
        )
      )[0].count,
    );
    expect(inForce).toBeGreaterThan(10_000);
    expect(total).toBe(inForce);
    const seen = new Set<string>();
    let page: { total: number; hasNextPage: boolean; items: Array<{ code: string }> };
    do {
      page = (await gql('query($o: Int) { unitPage(level: COMMUNE, offset: $o, limit: 1000) { total hasNextPage items { code } } }', { o: seen.size })).data
        .unitPage;
      expect(page.total).toBe(total);
      for (const item of page.items) seen.add(item.code);
    } while (page.hasNextPage && page.items.length > 0);
    expect(seen.size).toBe(total);
    expect((await gql('{ units(level: COMMUNE, limit: 1001) { code } }')).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
    expect((await gql('{ units(level: COMMUNE, offset: 10000, limit: 1000) { code } }')).data.units).toHaveLength(total - 10_000);
  });

  it('publishes every unit event once through the relay, as its contract (account events stay inside)', async () => {
    const delivered: IntegrationMessage[] = [];
    const subscription = await bus.subscribe({ consumer: uniqueName('directory_units_probe'), subjects: ['directory.>'] }, async (message) => {
      delivered.push(message);
    });
    try {
      const unitEvents = Number((await app.get(DataSource).query(`SELECT count(*) FROM directory.events WHERE stream_id LIKE 'unit-%'`))[0].count);
      await eventually(() => expect(delivered.length).toBe(unitEvents), { timeoutMs: 30_000 });
      expect(new Set(delivered.map((m) => m.eventId)).size).toBe(unitEvents);
      expect(delivered.every((m) => m.subject.startsWith('directory.unit.'))).toBe(true);
      const nongSon = delivered
        .filter((m) => m.metadata.stream === 'unit-519')
        .map((m) => [m.subject, UnitMergedV1.name === m.name ? UnitMergedV1.validate(m.data) : m.data]);
      expect(nongSon).toEqual([
        ['directory.unit.UnitEstablished', expect.objectContaining({ code: '519', parentCode: '49', validFrom: '2008-04-08' })],
        ['directory.unit.UnitMerged', { code: '519', intoCode: '509', effectiveOn: '2025-01-01' }],
      ]);
    } finally {
      await subscription.stop();
    }
  });

  it('answers the acceptance queries', async () => {
    const quangNam = await gql('{ unit(code: "49") { name level children { code } } }');
    expect(quangNam.data.unit.name).toBe('Tỉnh Quảng Nam');
    expect(quangNam.data.unit.children).toHaveLength(17);
    const thangBinh = await gql('{ unit(code: "513") { name children { code level } agencies { code name } } }');
    expect(thangBinh.data.unit.name).toBe('Huyện Thăng Bình');
    expect(thangBinh.data.unit.children).toHaveLength(20);
    expect(thangBinh.data.unit.agencies.map((a: { code: string }) => a.code)).toContain('513.PNV');
    const then = await gql('{ unit(code: "519", asOf: "2020-07-01T00:00:00Z") { name parent { code name } children { code name } } }');
    expect(then.data.unit.name).toBe('Huyện Nông Sơn');
    expect(then.data.unit.parent).toEqual({ code: '49', name: 'Tỉnh Quảng Nam' });
    expect(then.data.unit.children.map((c: { code: string }) => c.code).sort()).toEqual(['20656', '20668', '20669', '20671', '20672', '20692']);
    const now = await gql('{ unit(code: "519") { name validFrom validTo mergedInto { code name } children { code } } }');
    expect(now.data.unit).toEqual({
      name: 'Huyện Nông Sơn',
      validFrom: '2008-04-08',
      validTo: '2025-01-01',
      mergedInto: { code: '509', name: 'Huyện Quế Sơn' },
      children: [],
    });
    expect((await gql('{ unit(code: "519", asOf: "2025-06-01T00:00:00Z") { name } }')).data.unit).toBeNull();
    const nongSonThen = await gql('{ unit(code: "519", asOf: "2020-07-01T00:00:00Z") { agencies { code name } } }');
    expect(nongSonThen.data.unit.agencies).toContainEqual({ code: '519.PNV', name: 'Phòng Nội vụ' });
    expect(nongSonThen.data.unit.agencies).toContainEqual({ code: '519.VP', name: 'Văn phòng HĐND và UBND huyện Nông Sơn' });
    expect(nongSonThen.data.unit.agencies).toContainEqual({ code: '519.MC', name: 'Bộ phận Tiếp nhận và Trả kết quả huyện Nông Sơn' });
    const officeNow = await gql('{ unit(code: "519.PNV") { validTo mergedInto { code name parent { code } } } }');
    expect(officeNow.data.unit).toEqual({ validTo: '2025-01-01', mergedInto: { code: '509.PNV', name: 'Phòng Nội vụ', parent: { code: '509' } } });
    expect((await gql('{ unit(code: "519.PNV", asOf: "2025-06-01T00:00:00Z") { code } }')).data.unit).toBeNull();
    const queLoc = await gql('{ unit(code: "20671", asOf: "2020-07-01T00:00:00Z") { ancestors { code } } }');
    expect(queLoc.data.unit.ancestors).toEqual([{ code: '519' }, { code: '49' }]);
  });

  it('lists units by parent and level, and refuses a malformed date', async () => {
    const districts = await gql('{ units(parentCode: "02", level: DISTRICT) { code } }');
    expect(districts.data.units.length).toBe(11);
    const bad = await gql('query($asOf: DateTime) { unit(code: "519", asOf: $asOf) { name } }', { asOf: 'yesterday' });
    expect(bad.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.errors[0].message).toContain('yesterday');
  });
});
