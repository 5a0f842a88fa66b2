import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GraphQLTestClient } from '@reform/testing';
import { DirectoryWithDemo, startDirectoryWithDemo } from './directory-test-kit';

/**
 * Record time (ADR 0012): `unit(code, recordedAsOf)` folds the unit's own stream up to the
 * instant; `asOf` stays valid time. The instants come from the events' own `recorded_at`, so the
 * test needs no sleeping and checks that the bound is inclusive.
 */
describe('directory: a unit as recorded at an instant (recordedAsOf)', () => {
  let directory: DirectoryWithDemo;
  let app: INestApplication;
  let client: GraphQLTestClient;
  const ms = (instant: Date, delta: number) => new Date(instant.getTime() + delta).toISOString();

  /** When each event of a unit's stream was recorded, in stream order. */
  const recordedAt = async (code: string): Promise<Date[]> =>
    (await app.get(DataSource).query(`SELECT recorded_at FROM directory.events WHERE stream_id = $1 ORDER BY stream_version`, [`unit-${code}`])).map(
      (row: { recorded_at: Date }) => row.recorded_at,
    );

  beforeAll(async () => {
    directory = await startDirectoryWithDemo('directory_record_time');
    ({ app, client } = directory);
  });

  afterAll(() => directory?.stop());

  // Units are readable by any signed-in user: read as a commune's account, rename as the administrator.
  const gql = async (query: string, variables?: Record<string, unknown>) =>
    (await client.request(query, variables, await client.login('c20794'))) as { data: any; errors?: any[] };
  const unit = async (variables: Record<string, unknown>, fields = 'code name type') =>
    (
      await gql(
        `query($code: ID!, $asOf: DateTime, $recordedAsOf: DateTime) { unit(code: $code, asOf: $asOf, recordedAsOf: $recordedAsOf) { ${fields} } }`,
        variables,
      )
    ).data.unit;

  describe('a renamed commune', () => {
    let established: Date;
    let renamed: Date;

    beforeAll(async () => {
      const renaming = await client.request(
        'mutation { renameUnit(code: "20794", name: "Thị trấn Bình Dương", type: "Thị trấn", effectiveOn: "2026-07-01") { name } }',
        undefined,
        await client.login('doha'),
      );
      expect(renaming.errors).toBeUndefined();
      [established, renamed] = await recordedAt('20794');
      expect(renamed.getTime()).toBeGreaterThan(established.getTime());
    });

    it('shows the old name as recorded before the rename, the new one after and without recordedAsOf', async () => {
      expect(await unit({ code: '20794' })).toEqual({ code: '20794', name: 'Thị trấn Bình Dương', type: 'Thị trấn' });
      expect(await unit({ code: '20794', recordedAsOf: established.toISOString() })).toEqual({ code: '20794', name: 'Xã Bình Dương', type: 'Xã' });
      expect(await unit({ code: '20794', recordedAsOf: ms(renamed, -1) })).toEqual({ code: '20794', name: 'Xã Bình Dương', type: 'Xã' });
      expect(await unit({ code: '20794', recordedAsOf: renamed.toISOString() })).toEqual({ code: '20794', name: 'Thị trấn Bình Dương', type: 'Thị trấn' });
    });

    it('is null as recorded before the unit was', async () => {
      expect(await unit({ code: '20794', recordedAsOf: ms(established, -1) })).toBeNull();
      expect(await unit({ code: '99999', recordedAsOf: new Date().toISOString() })).toBeNull();
    });

    it('combines with asOf: the valid day picks the period among those recorded then', async () => {
      const now = new Date().toISOString();
      expect((await unit({ code: '20794', asOf: '2026-06-30T12:00:00Z', recordedAsOf: now })).name).toBe('Xã Bình Dương');
      expect((await unit({ code: '20794', asOf: '2026-07-01T12:00:00Z', recordedAsOf: now })).name).toBe('Thị trấn Bình Dương');
      // On a day after the rename took effect, but as recorded before it was known.
      expect((await unit({ code: '20794', asOf: '2026-07-01T12:00:00Z', recordedAsOf: ms(renamed, -1) })).name).toBe('Xã Bình Dương');
    });

    it('answers the same as the read model when recorded as of now', async () => {
      const fields = 'code name type level kind validFrom validTo dissolved parent { code name } ancestors { code } mergedInto { code }';
      for (const asOf of [undefined, '2026-06-30T12:00:00Z', '2026-07-01T12:00:00Z']) {
        expect(await unit({ code: '20794', asOf, recordedAsOf: new Date().toISOString() }, fields)).toEqual(await unit({ code: '20794', asOf }, fields));
      }
    });
  });

  describe('Nông Sơn, recorded after the national list, merged into Quế Sơn on 2025-01-01', () => {
    let listed: Date;
    let nongSonRecorded: Date;

    beforeAll(async () => {
      [listed] = await recordedAt('20656');
      [nongSonRecorded] = await recordedAt('519');
      expect(nongSonRecorded.getTime()).toBeGreaterThan(listed.getTime());
    });

    const fields = 'code name validFrom validTo dissolved mergedInto { code name } parent { code name } ancestors { code }';

    it('as of 2020, once its history was recorded: the district under Quảng Nam, merged later', async () => {
      expect(await unit({ code: '519', asOf: '2020-07-01T00:00:00Z', recordedAsOf: new Date().toISOString() }, fields)).toEqual({
        code: '519',
        name: 'Huyện Nông Sơn',
        validFrom: '2008-04-08',
        validTo: '2025-01-01',
        dissolved: false,
        mergedInto: { code: '509', name: 'Huyện Quế Sơn' },
        parent: { code: '49', name: 'Tỉnh Quảng Nam' },
        ancestors: [{ code: '49' }],
      });
      expect(await unit({ code: '519', asOf: '2025-06-01T00:00:00Z', recordedAsOf: new Date().toISOString() })).toBeNull();
    });

    it('as recorded by the national list alone: no Nông Sơn, and its communes under Quế Sơn in 2020', async () => {
      expect(await unit({ code: '519', asOf: '2020-07-01T00:00:00Z', recordedAsOf: listed.toISOString() })).toBeNull();
      expect(await unit({ code: '519', recordedAsOf: ms(nongSonRecorded, -1) })).toBeNull();
      const before = await unit(
        { code: '20656', asOf: '2020-07-01T00:00:00Z', recordedAsOf: listed.toISOString() },
        'name parent { code name } ancestors { code }',
      );
      expect(before).toEqual({ name: 'Thị trấn Trung Phước', parent: { code: '509', name: 'Huyện Quế Sơn' }, ancestors: [{ code: '509' }, { code: '49' }] });
      const after = await unit(
        { code: '20656', asOf: '2020-07-01T00:00:00Z', recordedAsOf: new Date().toISOString() },
        'name parent { code name } ancestors { code }',
      );
      expect(after).toEqual({ name: 'Thị trấn Trung Phước', parent: { code: '519', name: 'Huyện Nông Sơn' }, ancestors: [{ code: '519' }, { code: '49' }] });
      // Valid time alone (the read model) agrees with the latest record.
      expect(await unit({ code: '20656', asOf: '2020-07-01T00:00:00Z' }, 'name parent { code name } ancestors { code }')).toEqual(after);
    });

    it('keeps children on the read model for the day (documented): Nông Sơn’s six communes in 2020', async () => {
      const nongSon = await unit({ code: '519', asOf: '2020-07-01T00:00:00Z', recordedAsOf: new Date().toISOString() }, 'children { code }');
      expect(nongSon.children.map((c: { code: string }) => c.code).sort()).toEqual(['20656', '20668', '20669', '20671', '20672', '20692']);
    });
  });

  describe('a malformed recordedAsOf', () => {
    // The gateway hands arguments to the subgraph as variables named after them ($recordedAsOf);
    // the inline form through the gateway is checked in infra/platform/test/units.e2e.spec.ts.
    it('is BAD_USER_INPUT naming the argument and the value, nothing answered', async () => {
      const bad = await gql('query($recordedAsOf: DateTime) { unit(code: "519", recordedAsOf: $recordedAsOf) { name } }', { recordedAsOf: 'yesterday' });
      expect(bad.data ?? null).toBeNull();
      expect(bad.errors).toHaveLength(1);
      expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(bad.errors?.[0].extensions.field).toBe('recordedAsOf');
      expect(bad.errors?.[0].message).toMatch(/^recordedAsOf: Thời điểm /);
      expect(bad.errors?.[0].message).toContain('"yesterday"');
    });
  });
});
