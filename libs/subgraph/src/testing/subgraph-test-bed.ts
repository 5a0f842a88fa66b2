import { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Identity, Role, TokenService } from '@reform/auth';
import { InProcessBus, MessageBus } from '@reform/messaging';
import { createTestDatabase, eventually, GraphQLTestClient, TEST_SIGNING_KEYS, TestDatabase } from '@reform/testing';
import { publishUnits, TestUnit } from '@reform/unit-hierarchy';

/*
 * The services' integration tests' harness (test code only: `@reform/subgraph/testing`, never
 * exported by `@reform/subgraph`, whose build leaves libs/testing out).
 */

/** The subgraph endpoint of a test's app (the client dials IPv4 where Nest reports [::1]). */
export const subgraphUrlOf = async (app: INestApplication): Promise<string> => `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/graphql`;

/** Publishes the directory's events for `units` on `bus` and waits until the service's copy (`<schema>.units`) holds them all. */
export async function replicateTestUnits(bus: MessageBus, dataSource: DataSource, schema: string, units: readonly TestUnit[]): Promise<void> {
  await publishUnits(bus, units);
  await eventually(async () => {
    const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM "${schema}".units`);
    expect(row.n).toBe(units.length);
  });
}

/**
 * A service on a database of its own with the in-process bus, the test units replicated, and a
 * client at its subgraph (sessions survive a restart). `boot` starts the service's app on the
 * database and bus as its test kit wants it. `start` in beforeAll, `stop` in afterAll.
 */
export class SubgraphTestBed {
  readonly bus = new InProcessBus();
  db!: TestDatabase;
  app!: INestApplication;
  dataSource!: DataSource;
  client!: GraphQLTestClient;

  constructor(
    private readonly name: string,
    private readonly boot: (databaseUrl: string, bus: InProcessBus) => Promise<INestApplication>,
    private readonly units: { readonly schema: string; readonly units: readonly TestUnit[] },
  ) {}

  async start(): Promise<this> {
    this.db = await createTestDatabase(this.name);
    await this.open();
    await replicateTestUnits(this.bus, this.dataSource, this.units.schema, this.units.units);
    return this;
  }

  /** Closes the app and starts it again on the same database and bus. */
  async restart(): Promise<void> {
    await this.app.close();
    await this.open();
  }

  async stop(): Promise<void> {
    await this.app?.close();
    await this.bus.close();
    await this.db?.drop();
  }

  private async open(): Promise<void> {
    this.app = await this.boot(this.db.url, this.bus);
    this.dataSource = this.app.get<DataSource>(getDataSourceToken());
    const url = await subgraphUrlOf(this.app);
    this.client = this.client ? this.client.at(url) : new GraphQLTestClient(url);
  }
}

const tokens = new TokenService([...TEST_SIGNING_KEYS]);

/** A session token for `username` with the given grants (its own unit: the first grant's), as the directory would issue it. */
export async function tokenFor(username: string, grants: Array<[Role, string]>): Promise<string> {
  const identity: Identity = { accountId: `acc-${username}`, username, unitCode: grants[0][1], roles: grants.map(([role, unitCode]) => ({ role, unitCode })) };
  return (await tokens.issue(identity)).token;
}

/** Minted tokens for the given users, in the client (a service other than the directory has no login of its own). */
export async function useTokens(client: GraphQLTestClient, users: Record<string, Array<[Role, string]>>): Promise<void> {
  for (const [username, grants] of Object.entries(users)) client.useToken(username, await tokenFor(username, grants));
}
