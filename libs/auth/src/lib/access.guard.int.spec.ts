import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { GraphQLModule, Resolver, Query, Args, ID, ObjectType, Field, ResolveField, Parent, Directive, ResolveReference, Mutation } from '@nestjs/graphql';
import { ApolloFederationDriver, ApolloFederationDriverConfig } from '@nestjs/apollo';
import { AuthModule } from './auth.module';
import { AccessCheckedInResolver, AccessToUnitArgument, CurrentIdentity, Public, SignedIn } from './access.decorators';
import { AccessControl } from './access-control';
import { Identity } from '@reform/access';
import { TokenService } from './tokens';
import { findResolversWithoutAccessRule } from './undeclared-resolvers';

// A throwaway subgraph exercising each rule; the hierarchy is a fixed map (pure lookup).
const PARENT: Record<string, string | null> = { '49': null, '513': '49', '509': '49', '20437': '513', '20593': '509' };
const ancestry = async (code: string) => {
  if (!(code in PARENT)) return null;
  const chain = [code];
  for (let parent = PARENT[code]; parent; parent = PARENT[parent]) chain.push(parent);
  return chain;
};

@ObjectType()
@Directive('@key(fields: "code")')
class Unit {
  @Field(() => ID) code!: string;
}

@Resolver(() => Unit)
class UnitResolver {
  constructor(private readonly access: AccessControl) {}

  @Query(() => String) @Public() health() {
    return 'ok';
  }
  @Query(() => Unit) @SignedIn() unit(@Args('code', { type: () => ID }) code: string) {
    return { code };
  }
  @Query(() => String) @AccessToUnitArgument('read', 'unitCode') secrets(@Args('unitCode', { type: () => ID }) unitCode: string) {
    return `secrets of ${unitCode}`;
  }
  @Mutation(() => String) @AccessToUnitArgument('act', 'unitCode') act(
    @Args('unitCode', { type: () => ID }) unitCode: string,
    @CurrentIdentity() who: Identity,
  ) {
    return `${who.username} acted for ${unitCode}`;
  }
  @Query(() => String) forgotten() {
    return 'should never be served';
  }

  @ResolveField(() => String)
  @AccessCheckedInResolver('read')
  async accounts(@Parent() unit: Unit, @CurrentIdentity() who: Identity) {
    await this.access.assert(who, 'read', unit.code);
    return `accounts of ${unit.code}`;
  }

  // With parameter decorators, the reference must be taken with @Parent() (the first argument).
  @ResolveReference()
  @AccessCheckedInResolver('read')
  async resolveReference(@Parent() reference: { code: string }, @CurrentIdentity() who: Identity) {
    await this.access.assert(who, 'read', reference.code);
    return { code: reference.code };
  }
}

const KEY = { kid: 'test', secret: 'a-test-secret-long-enough-for-hs256-keys' };
const tokens = new TokenService([KEY]);

describe('AccessGuard on a federated subgraph', () => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        GraphQLModule.forRoot<ApolloFederationDriverConfig>({
          driver: ApolloFederationDriver,
          autoSchemaFile: { federation: 2 },
          fieldResolverEnhancers: ['guards'],
          context: ({ req }: { req: unknown }) => ({ req }),
        }),
        AuthModule.forRoot({
          signingKeys: [KEY],
          unitAncestry: { useValue: { ancestry } },
          accountStatus: { useValue: { isCurrent: async ({ identity }: { identity: { accountId: string } }) => identity.accountId !== 'disabled-account' } },
        }),
      ],
      providers: [UnitResolver],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    url = `${await app.getUrl()}/graphql`;
  });

  afterAll(() => app.close());

  const tokenFor = async (username: string, role: Identity['roles'][number]['role'], unitCode: string) =>
    (await tokens.issue({ accountId: username, username, unitCode, roles: [{ role, unitCode }] })).token;

  async function gql(query: string, token?: string, variables?: unknown) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as {
      data?: Record<string, unknown> | null;
      errors?: Array<{ message: string; extensions: { code: string; stacktrace?: unknown } }>;
    };
  }
  const code = (result: Awaited<ReturnType<typeof gql>>) => result.errors?.[0]?.extensions.code ?? 'OK';

  it('serves public operations without a token and refuses the rest', async () => {
    expect((await gql('{ health }')).data).toEqual({ health: 'ok' });
    expect(code(await gql('{ unit(code: "513") { code } }'))).toBe('UNAUTHENTICATED');
    expect(code(await gql('{ unit(code: "513") { code } }', 'garbage'))).toBe('UNAUTHENTICATED');
  });

  it('refuses the token of a disabled account', async () => {
    const token = await tokenFor('disabled-account', 'UNIT_MANAGER', '513');
    expect(code(await gql('{ unit(code: "513") { code } }', token))).toBe('UNAUTHENTICATED');
  });

  it('refuses an operation that declares no rule, even to the administrator', async () => {
    const admin = await tokenFor('doha', 'PLATFORM_ADMIN', '49');
    expect(code(await gql('{ forgotten }', admin))).toBe('FORBIDDEN');
    expect(findResolversWithoutAccessRule(app)).toEqual(['UnitResolver.forgotten']);
  });

  it('scopes by the unit argument', async () => {
    const district = await tokenFor('d513', 'UNIT_MANAGER', '513');
    expect((await gql('{ secrets(unitCode: "20437") }', district)).data).toEqual({ secrets: 'secrets of 20437' });
    expect(code(await gql('{ secrets(unitCode: "20593") }', district))).toBe('FORBIDDEN');
    expect(code(await gql('{ secrets(unitCode: "49") }', district))).toBe('FORBIDDEN');
    expect(code(await gql('{ secrets(unitCode: "does-not-exist") }', district))).toBe('FORBIDDEN');
  });

  it('guards field resolvers and federation references', async () => {
    const district = await tokenFor('d513', 'UNIT_MANAGER', '513');
    expect((await gql('{ unit(code: "20437") { accounts } }', district)).data).toEqual({ unit: { accounts: 'accounts of 20437' } });
    expect(code(await gql('{ unit(code: "509") { accounts } }', district))).toBe('FORBIDDEN');
    const entities = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Unit { code } } }';
    expect(code(await gql(entities, district, { r: [{ __typename: 'Unit', code: '20593' }] }))).toBe('FORBIDDEN');
    expect((await gql(entities, district, { r: [{ __typename: 'Unit', code: '20437' }] })).data).toEqual({ _entities: [{ code: '20437' }] });
  });

  it('lets an auditor read but never write, and leaks no stack trace', async () => {
    const auditor = await tokenFor('auditor', 'AUDITOR', '49');
    expect((await gql('{ secrets(unitCode: "20593") }', auditor)).data).toEqual({ secrets: 'secrets of 20593' });
    const denied = await gql('mutation { act(unitCode: "20593") }', auditor);
    expect(code(denied)).toBe('FORBIDDEN');
    expect(denied.errors?.[0].extensions.stacktrace).toBeUndefined();
    const commune = await tokenFor('c20437', 'UNIT_OFFICER', '20437');
    expect((await gql('mutation { act(unitCode: "20437") }', commune)).data).toEqual({ act: 'c20437 acted for 20437' });
    expect(code(await gql('mutation { act(unitCode: "513") }', commune))).toBe('FORBIDDEN');
  });
});
