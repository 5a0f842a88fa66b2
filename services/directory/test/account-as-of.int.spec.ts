import { DataSource } from 'typeorm';
import { GraphQLTestClient } from '@reform/testing';
import { DirectoryWithDemo, startDirectoryWithDemo } from './directory-test-kit';

/** `account(id, asOf)`: the account's stream folded up to the instant (roles granted, revoked, disabled), within the reader's scope. */
describe('directory: an account as of an instant', () => {
  let directory: DirectoryWithDemo;
  let client: GraphQLTestClient;
  const ACCOUNT = 'query($id: ID!, $asOf: DateTime) { account(id: $id, asOf: $asOf) { username status roles { role unit { code } } } }';
  let id: string;
  let recorded: Date[];

  beforeAll(async () => {
    directory = await startDirectoryWithDemo('directory_account_as_of');
    client = directory.client;
    const { me } = await client.as('c20797', '{ me { id } }');
    id = me.id;
    await client.as('doha', 'mutation { grantRole(username: "c20797", role: VIEWER, unitCode: "513") { username } }');
    await client.as('doha', 'mutation { disableAccount(username: "c20797", reason: "Chuyển công tác") { username } }');
    recorded = (
      await directory.app.get(DataSource).query(`SELECT recorded_at FROM directory.events WHERE stream_id = $1 ORDER BY stream_version`, [`account-${id}`])
    ).map((row: { recorded_at: Date }) => row.recorded_at);
  });

  afterAll(() => directory?.stop());

  const at = (instant: Date, deltaMs = 0) => new Date(instant.getTime() + deltaMs).toISOString();

  it('shows the roles and status as recorded at each instant, and null before the account existed', async () => {
    const last = recorded.length - 1;
    const now = (await client.as('d513', ACCOUNT, { id })).account;
    expect(now).toMatchObject({ username: 'c20797', status: 'DISABLED' });
    expect(now.roles).toContainEqual({ role: 'VIEWER', unit: { code: '513' } });
    // Before the grant (the event before last) the VIEWER role is not there; before the disabling it is active.
    const beforeGrant = (await client.as('d513', ACCOUNT, { id, asOf: at(recorded[last - 1], -1) })).account;
    expect(beforeGrant.status).toBe('ACTIVE');
    expect(beforeGrant.roles).not.toContainEqual({ role: 'VIEWER', unit: { code: '513' } });
    const beforeDisabling = (await client.as('d513', ACCOUNT, { id, asOf: at(recorded[last], -1) })).account;
    expect(beforeDisabling.status).toBe('ACTIVE');
    expect(beforeDisabling.roles).toContainEqual({ role: 'VIEWER', unit: { code: '513' } });
    expect((await client.as('d513', ACCOUNT, { id, asOf: at(recorded[0], -1) })).account).toBeNull();
  });

  it('shows its history and its hash chain without the password hash, to the readers of its district only', async () => {
    const HISTORY =
      'query($id: ID!) { account(id: $id) { history { type data state } historyPage(offset: 1, limit: 1) { total items { type } } integrity { ok checkedEvents } } }';
    const { account } = await client.as('d513', HISTORY, { id });
    expect(account.history.map((entry: { type: string }) => entry.type)).toEqual(expect.arrayContaining(['AccountCreated', 'RoleGranted', 'AccountDisabled']));
    const created = account.history[0];
    expect({ type: created.type, data: created.data.passwordHash, state: created.state.passwordHash }).toEqual({
      type: 'AccountCreated',
      data: '(ẩn)',
      state: '(ẩn)',
    });
    const hashes = account.history.flatMap((entry: { data: object; state: object }) =>
      [entry.data, entry.state].map((v) => (v as { passwordHash?: string }).passwordHash),
    );
    expect(new Set(hashes.filter(Boolean))).toEqual(new Set(['(ẩn)']));
    expect(account.historyPage).toEqual({ total: recorded.length, items: [{ type: account.history[1].type }] });
    expect(account.integrity).toEqual({ ok: true, checkedEvents: recorded.length });
    expect(await client.outcome('d509', HISTORY, { id })).toBe('FORBIDDEN');
  });

  it('is tenant data: another district is refused, an unknown id is NOT_FOUND naming id', async () => {
    expect(await client.outcome('d509', ACCOUNT, { id })).toBe('FORBIDDEN');
    expect(await client.outcome('d509', ACCOUNT, { id, asOf: at(recorded[0], 1) })).toBe('FORBIDDEN');
    const unknown = await client.request(ACCOUNT, { id: 'no-such-account' }, await client.login('doha'));
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });
});
