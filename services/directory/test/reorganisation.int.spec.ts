import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { readFile } from 'node:fs/promises';
import { createTestDatabase, GraphQLTestClient, TEST_SIGNING_KEYS, TestDatabase } from '@reform/testing';
import { InProcessBus } from '@reform/messaging';
import { STANDARD_BODIES } from '@reform/unit-hierarchy';
import { createDirectoryApp, importNationalUnits, importReorganisation2025, REORGANISATION_2025, seedDemoAccounts, seedDirectoryDemo } from '../src';

/** Figures of data/README-2025-07.md, read from the file so the test checks the import, not itself. */
async function expectedCounts(): Promise<Map<string, number>> {
  const lines = (await readFile(REORGANISATION_2025.units, 'utf8')).trim().split('\n').slice(1);
  const counts = new Map<string, number>();
  for (const line of lines) {
    const [, , , level, parent] = line.split(',');
    if (level === 'commune') counts.set(parent, (counts.get(parent) ?? 0) + 1);
  }
  return counts;
}

describe('directory: the 2025 reorganisation (two tiers from 2025-07-01, lineage)', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let client: GraphQLTestClient;
  const bus = new InProcessBus();
  const count = async () => Number((await app.get(DataSource).query(`SELECT count(*) FROM directory.events`))[0].count);
  const gql = async (query: string, variables?: Record<string, unknown>) =>
    (await client.request(query, variables, await client.login('c20794'))) as { data: any; errors: any[] };

  beforeAll(async () => {
    database = await createTestDatabase('directory_reorg');
    app = await createDirectoryApp({ databaseUrl: database.url, bus, signingKeys: TEST_SIGNING_KEYS, port: 0, logger: false });
    client = new GraphQLTestClient(`${await app.getUrl()}/graphql`);
    await importNationalUnits(app);
    // The demo's offices and accounts of the old structure, as on its last day.
    await seedDirectoryDemo(app, '2025-06-30');
    await seedDemoAccounts(app, '2025-06-30');
  }, 120_000);

  afterAll(async () => {
    await app.close();
    await bus.close();
    await database.drop();
  });

  it('imports the corrections and the reorganisation as events, with progress; a second import appends nothing', async () => {
    const lines: string[] = [];
    const { corrections, reorganisation } = await importReorganisation2025(app, (line) => lines.push(line));
    // 7 stale rows merged into the commune they had joined, 5 unmapped ones ended without successor;
    // with each the demo's commune bodies of the two in demo provinces (20674 Quế Phước into
    // 20668's bodies, 20176 Hương Hòa's dissolved).
    const communeBodies = STANDARD_BODIES.COMMUNE.length;
    expect(corrections).toMatchObject({ merged: 7 + communeBodies, dissolved: 5 + communeBodies, established: 0 });
    // 6 new codes; 34 provinces and 3,315 communes keep a code (29 provinces merged into another
    // one), 691 districts abolished, 5 island districts merged into their special zone.
    expect(reorganisation.established).toBe(6);
    expect(reorganisation.split).toBe(440);
    expect(reorganisation.events).toBeGreaterThan(10_000);
    expect(reorganisation.batches).toBeGreaterThan(1);
    expect(lines.length).toBe(reorganisation.batches);
    expect(lines[lines.length - 1]).toBe(`Reorganisation 2025-07-01: ${reorganisation.events}/${reorganisation.events} events`);

    const before = await count();
    const again = await importReorganisation2025(app);
    expect(again.corrections.events + again.reorganisation.events).toBe(0);
    // Nor does the March list look changed: it is compared with the units as on its own day.
    expect(await importNationalUnits(app)).toMatchObject({ established: 0, renamed: 0, transferred: 0 });
    expect(await count()).toBe(before);
  }, 300_000);

  it('answers both structures by valid time: Quảng Nam with 17 districts on 2025-06-30, merged into Đà Nẵng on 2025-07-01', async () => {
    const query = `query($asOf: DateTime) { unit(code: "49", asOf: $asOf) { code name validTo children(level: DISTRICT) { code } } }`;
    const eve = await gql(query, { asOf: '2025-06-30T12:00:00+07:00' });
    expect(eve.errors).toBeUndefined();
    expect(eve.data.unit).toMatchObject({ name: 'Tỉnh Quảng Nam', validTo: '2025-07-01' });
    expect(eve.data.unit.children).toHaveLength(17);
    expect((await gql(query, { asOf: '2025-07-01T00:30:00+07:00' })).data.unit).toBeNull();

    const { data, errors } = await gql(`{
      quangNam: unit(code: "49") { mergedInto { code name } successors { relation effectiveOn source unit { code } } }
      daNang: unit(code: "48", asOf: "2025-07-01T12:00:00+07:00") {
        name
        children { code type }
        districts: children(level: DISTRICT) { code }
        predecessors { relation source unit { code name } }
      }
      hoangSa: unit(code: "20333", asOf: "2025-07-01T12:00:00+07:00") { name type parent { code } predecessors { unit { code name } } }
    }`);
    expect(errors).toBeUndefined();
    expect(data.quangNam.mergedInto).toEqual({ code: '48', name: 'Thành phố Đà Nẵng' });
    expect(data.quangNam.successors).toEqual([{ relation: 'MERGED_INTO', effectiveOn: '2025-07-01', source: 'NQ 202/2025/QH15', unit: { code: '48' } }]);
    expect(data.daNang.children).toHaveLength(94);
    const types = data.daNang.children.reduce((acc: Record<string, number>, c: { type: string }) => ({ ...acc, [c.type]: (acc[c.type] ?? 0) + 1 }), {});
    expect(types).toEqual({ Phường: 23, Xã: 70, 'Đặc khu': 1 });
    expect(data.daNang.districts).toEqual([]);
    expect(data.daNang.predecessors).toEqual([{ relation: 'MERGED_INTO', source: 'NQ 202/2025/QH15', unit: { code: '49', name: 'Tỉnh Quảng Nam' } }]);
    expect(data.hoangSa).toMatchObject({ name: 'Đặc khu Hoàng Sa', type: 'Đặc khu', parent: { code: '48' } });
    expect(data.hoangSa.predecessors.map((p: { unit: { code: string } }) => p.unit.code)).toEqual(['498']);
  });

  it('counts 34 provinces and 3,321 communes on 2025-07-01, per province as the README, and no district', async () => {
    const rows: Array<{ level: string; parent_code: string | null; n: number }> = await app.get(DataSource).query(
      `SELECT u.level, p.parent_code, count(*)::int AS n FROM directory.units u JOIN directory.unit_periods p USING (code)
       WHERE u.level <> 'AGENCY' AND (p.valid_from IS NULL OR p.valid_from <= '2025-07-01') AND (p.valid_to IS NULL OR '2025-07-01' < p.valid_to)
       GROUP BY u.level, p.parent_code`,
    );
    const provinces = rows.filter((r) => r.level === 'PROVINCE').reduce((n, r) => n + r.n, 0);
    const communes = new Map(rows.filter((r) => r.level === 'COMMUNE').map((r) => [r.parent_code as string, r.n]));
    expect(provinces).toBe(34);
    expect(rows.filter((r) => r.level === 'DISTRICT')).toEqual([]);
    expect([...communes.values()].reduce((a, b) => a + b, 0)).toBe(3_321);
    expect(communes).toEqual(await expectedCounts());
    expect([communes.get('48'), communes.get('01'), communes.get('79'), communes.get('46'), communes.get('08'), communes.get('22')]).toEqual([
      94, 126, 168, 40, 124, 54,
    ]);
  });

  it('follows splits and the stale rows: successors as a list, the chain of a stale row, the unmapped ones marked', async () => {
    const splitRow = (await readFile(REORGANISATION_2025.lineage, 'utf8'))
      .split('\n')
      .find((line) => line.includes(',split_into,') && !line.startsWith('00025')) as string;
    const split = splitRow.split(',')[0];
    const { data, errors } = await gql(
      `query($split: ID!) {
        split: unit(code: $split) { code validTo mergedInto { code } successors { relation unit { code } } }
        quePhuoc: unit(code: "20674") { validTo dissolved mergedInto { code mergedInto { code } } }
        dongKhe: unit(code: "16387") { validTo dissolved mergedInto { code } successors { code: relation } endSource }
      }`,
      { split },
    );
    expect(errors).toBeUndefined();
    expect(data.split.successors.length).toBeGreaterThan(1);
    expect(new Set(data.split.successors.map((s: { relation: string }) => s.relation))).toEqual(new Set(['SPLIT_INTO']));
    expect(data.quePhuoc).toEqual({ validTo: '2025-03-01', dissolved: false, mergedInto: { code: '20668', mergedInto: { code: '20669' } } });
    expect(data.dongKhe).toMatchObject({ validTo: '2025-03-01', dissolved: true, mergedInto: null, successors: [] });
    expect(data.dongKhe.endSource).toMatch(/unmapped/);
  });

  it('ends the offices of ended units with them: Quảng Nam’s Sở Nội vụ and a district’s Phòng Nội vụ', async () => {
    const { data } = await gql(`{ snv: unit(code: "49.SNV") { validTo endSource } pnv: unit(code: "513.PNV") { validTo dissolved endSource } }`);
    expect(data.snv).toMatchObject({ validTo: '2025-07-01' });
    expect(data.pnv).toMatchObject({ validTo: '2025-07-01', dissolved: true });
    expect(data.pnv.endSource).toMatch(/Luật 72\/2025\/QH15/);
  });
});
