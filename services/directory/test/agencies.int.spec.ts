import { DirectoryWithDemo, startDirectoryWithDemo } from './directory-test-kit';

/** A province's administrator keeps its own bodies: add, give aliases, close — no release needed. */
describe('directory: agencies administered through the API', () => {
  let directory: DirectoryWithDemo;
  const UNIT = `query($code: ID!, $asOf: DateTime) { unit(code: $code, asOf: $asOf) { code name kind level validFrom validTo dissolved aliases parent { code } } }`;

  beforeAll(async () => {
    directory = await startDirectoryWithDemo('directory_agencies');
  }, 300_000);
  afterAll(() => directory?.stop());

  it('the demo bodies carry the abbreviations officials write', async () => {
    const { unit } = await directory.client.as('doha', UNIT, { code: '49.SLDTBXH' });
    expect(unit).toMatchObject({ name: 'Sở Lao động - Thương binh và Xã hội', kind: 'Sở', aliases: ['Sở LĐ-TB&XH', 'Sở LĐTBXH'] });
    const commune = await directory.client.as('doha', UNIT, { code: '20794.BTTND' });
    expect(commune.unit).toMatchObject({ name: 'Ban Thanh tra nhân dân', parent: { code: '20794' } });
  });

  it('adds a body from a day, with aliases; it does not exist before that day', async () => {
    const { establishAgency } = await directory.client.as(
      'doha',
      'mutation { establishAgency(parentCode: "49", abbreviation: "SDL", name: "Sở Du lịch", kind: "Sở", validFrom: "2023-01-01", aliases: [" Sở  DL ", "Sở DL"]) { code validFrom aliases } }',
    );
    expect(establishAgency).toEqual({ code: '49.SDL', validFrom: '2023-01-01', aliases: ['Sở DL'] });
    expect((await directory.client.as('doha', UNIT, { code: '49.SDL', asOf: '2022-12-31T05:00:00Z' })).unit).toBeNull();
    expect((await directory.client.as('doha', UNIT, { code: '49.SDL', asOf: '2023-06-01T05:00:00Z' })).unit).toMatchObject({
      name: 'Sở Du lịch',
      level: 'AGENCY',
    });
    const again = await directory.client.outcome(
      'doha',
      'mutation { establishAgency(parentCode: "49", abbreviation: "SDL", name: "Sở Du lịch", kind: "Sở", validFrom: "2023-01-01") { code } }',
    );
    expect(again).toBe('CONFLICT');
  });

  it('replaces its aliases, refusing an empty one by its place in the list', async () => {
    const { setUnitAliases } = await directory.client.as(
      'doha',
      'mutation { setUnitAliases(code: "49.SDL", aliases: ["SDL", "Sở Du lịch tỉnh"]) { aliases } }',
    );
    expect(setUnitAliases.aliases).toEqual(['SDL', 'Sở Du lịch tỉnh']);
    const empty = await directory.client.request(
      'mutation { setUnitAliases(code: "49.SDL", aliases: ["SDL", " "]) { aliases } }',
      undefined,
      await directory.client.login('doha'),
    );
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'aliases[1]' });
  });

  it('closes it from a day: valid before, gone after; a territorial unit is not closed this way', async () => {
    const { closeAgency } = await directory.client.as('doha', 'mutation { closeAgency(code: "49.SDL", effectiveOn: "2025-07-01") { validTo dissolved } }');
    expect(closeAgency).toEqual({ validTo: '2025-07-01', dissolved: true });
    expect((await directory.client.as('doha', UNIT, { code: '49.SDL', asOf: '2025-06-30T05:00:00Z' })).unit).toMatchObject({ code: '49.SDL' });
    expect((await directory.client.as('doha', UNIT, { code: '49.SDL', asOf: '2025-07-01T05:00:00Z' })).unit).toBeNull();
    const territorial = await directory.client.request(
      'mutation { closeAgency(code: "20794", effectiveOn: "2025-07-01") { code } }',
      undefined,
      await directory.client.login('doha'),
    );
    expect(territorial.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'UNIT.NOT_AN_AGENCY' });
  });

  it('refuses a malformed abbreviation by its field, and anyone who does not administer the unit', async () => {
    const bad = await directory.client.request(
      'mutation { establishAgency(parentCode: "513", abbreviation: "phòng dân tộc", name: "Phòng Dân tộc", kind: "Phòng", validFrom: "2023-01-01") { code } }',
      undefined,
      await directory.client.login('doha'),
    );
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'abbreviation' });
    expect(
      await directory.client.outcome(
        'd513',
        'mutation { establishAgency(parentCode: "513", abbreviation: "PDT", name: "Phòng Dân tộc", kind: "Phòng", validFrom: "2023-01-01") { code } }',
      ),
    ).toBe('FORBIDDEN');
    expect(await directory.client.outcome('d513', 'mutation { setUnitAliases(code: "513.PNV", aliases: ["PNV"]) { code } }')).toBe('FORBIDDEN');
  });
});
