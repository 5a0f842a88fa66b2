import { DataSource } from 'typeorm';
import { importNationalUnits } from '@reform/directory';
import { RunningPlatform } from '../src/platform';
import { PLATFORM_START_MS, startTestPlatform, TestPlatform } from './test-platform';

/** The walking skeleton's acceptance, through the gateway, as `npm start` composes it. */
describe('units through the gateway (embedded composition)', () => {
  let test: TestPlatform;
  let platform: RunningPlatform;

  beforeAll(async () => {
    test = await startTestPlatform('e2e_units');
    platform = test.platform;
  }, PLATFORM_START_MS);
  afterAll(() => test?.stop());

  // Any signed-in user may read the units: a Thăng Bình commune's account here.
  const gql = (query: string) => test.client.as('c20794', query);

  it('shows Tỉnh Quảng Nam with its 17 districts', async () => {
    const { unit } = await gql('{ unit(code: "49") { name children { code } } }');
    expect(unit.name).toBe('Tỉnh Quảng Nam');
    expect(unit.children).toHaveLength(17);
    expect(unit.children.map((c: { code: string }) => c.code)).not.toContain('519');
  });

  it('shows Huyện Thăng Bình with 20 communes', async () => {
    const { unit } = await gql('{ unit(code: "513") { name level children { code level } } }');
    expect(unit).toMatchObject({ name: 'Huyện Thăng Bình', level: 'DISTRICT' });
    expect(unit.children).toHaveLength(20);
    expect(new Set(unit.children.map((c: { level: string }) => c.level))).toEqual(new Set(['COMMUNE']));
  });

  it('finds Huyện Nông Sơn as of 2020 under Quảng Nam with six communes, and merged into 509 today', async () => {
    const { then, today } = await gql(`{
      then: unit(code: "519", asOf: "2020-07-01T00:00:00Z") { name parent { code name } children { code } }
      today: unit(code: "519") { name validTo mergedInto { code name } }
    }`);
    expect(then.name).toBe('Huyện Nông Sơn');
    expect(then.parent).toEqual({ code: '49', name: 'Tỉnh Quảng Nam' });
    expect(then.children).toHaveLength(6);
    expect(today).toEqual({ name: 'Huyện Nông Sơn', validTo: '2025-01-01', mergedInto: { code: '509', name: 'Huyện Quế Sơn' } });
  });

  it('answers record time (recordedAsOf, ADR 0012) beside valid time, and names a malformed instant', async () => {
    const { before, now } = await gql(`{
      before: unit(code: "519", asOf: "2020-07-01T00:00:00Z", recordedAsOf: "2020-07-01T00:00:00Z") { name }
      now: unit(code: "519", asOf: "2020-07-01T00:00:00Z", recordedAsOf: "${new Date().toISOString()}") { name parent { code } mergedInto { code } }
    }`);
    // The platform's records begin with its first start: in 2020 nothing was recorded yet.
    expect(before).toBeNull();
    expect(now).toEqual({ name: 'Huyện Nông Sơn', parent: { code: '49' }, mergedInto: { code: '509' } });
    const bad = await test.client.request('{ unit(code: "519", recordedAsOf: "2020-13-01") { name } }', undefined, await test.client.login('c20794'));
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].message).toContain('recordedAsOf');
    expect(bad.errors?.[0].message).toContain('"2020-13-01"');
  });

  it('imports the national list again without appending an event', async () => {
    const events = async () => Number((await platform.directory.get(DataSource).query('SELECT count(*) FROM directory.events'))[0].count);
    const before = await events();
    const summary = await importNationalUnits(platform.directory);
    expect(summary).toMatchObject({ established: 0, renamed: 0, transferred: 0, unchanged: 10_806 });
    expect(await events()).toBe(before);
  });

  it('composes the supergraph with the Unit entity', () => {
    expect(platform.gateway.supergraphSdl).toMatch(/type Unit[^{]*@join__type\(graph: DIRECTORY, key: "code"\)/);
  });
});
