import { GraphQLTestClient } from './graphql-client';

/**
 * The tenancy attack matrix, shared by every service: who (a demo account) × which unit
 * (relative to the actor) × what operation, each with its designed outcome. A service adds its
 * operations (reading its data, its histories, its writes) with their expected outcomes; the
 * actors and targets stay the same, so isolation stays tested as the platform grows.
 */
export type Target = 'own' | 'child' | 'grandchild' | 'sibling' | 'siblingChild' | 'parent' | 'otherProvince' | 'predecessor' | 'formerChild';
export type Outcome = 'OK' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'BAD_USER_INPUT';

export interface MatrixActor {
  readonly username: string;
  readonly role: string;
  /** Unit codes of the demo data for each target this actor has. */
  readonly targets: Partial<Record<Target, string>>;
}

/** The demo accounts (API.md) and the units around them, in Quảng Nam (49) and Hà Giang (02). */
export const MATRIX_ACTORS: readonly MatrixActor[] = [
  { username: 'doha', role: 'PLATFORM_ADMIN at 49', targets: { own: '49', child: '513', grandchild: '20794', otherProvince: '02' } },
  {
    username: 'd513',
    role: 'UNIT_MANAGER at 513',
    targets: { own: '513', child: '20794', sibling: '509', siblingChild: '20641', parent: '49', otherProvince: '024' },
  },
  {
    username: 'c20794',
    role: 'UNIT_MANAGER at 20794',
    targets: { own: '20794', child: '20794.VPTK', sibling: '20797', siblingChild: '20797.VPTK', parent: '513', otherProvince: '00688' },
  },
  { username: 'auditor', role: 'AUDITOR at 49', targets: { own: '49', child: '513', grandchild: '20794', otherProvince: '02' } },
];

/**
 * The same accounts after the 2025 reorganisation (on a clock after 2025-07-01, ADR 0019): the new
 * Đà Nẵng's administrator; Bình Dương (20794), which kept its code and took in Bình Giang (20797);
 * Thăng Bình's (513, abolished) manager, whose old communes ended or moved under the province.
 * `predecessor`: a unit that went into the actor's; `formerChild`: one that was below the actor's
 * ended unit and continues in the new structure.
 */
export const REORGANISED_ACTORS: readonly MatrixActor[] = [
  { username: 'danang', role: 'PLATFORM_ADMIN at 48', targets: { own: '48', child: '20794', predecessor: '49', otherProvince: '08' } },
  { username: 'c20794', role: 'UNIT_MANAGER at 20794', targets: { own: '20794', child: '20794.VPTK', predecessor: '20797', sibling: '20791', parent: '48' } },
  { username: 'd513', role: 'UNIT_MANAGER at 513 (abolished 2025-07-01)', targets: { own: '513', child: '20800', formerChild: '20794' } },
];

/** A subgraph the same operation can be sent to straight, bypassing the gateway. */
export type MatrixService = 'directory' | 'plans' | 'tasks' | 'reporting' | 'scoring';

export interface MatrixOperation {
  readonly name: string;
  /** When the whole operation is answered by one subgraph: the matrix runs it there too (issue 12). */
  readonly service?: MatrixService;
  /** Runs the operation as `username` on `unitCode` and returns `extensions.code` or 'OK'. */
  run(client: GraphQLTestClient, username: string, unitCode: string): Promise<string>;
  /** The designed outcome for each actor and target. */
  readonly expected: Record<string, Partial<Record<Target, Outcome>>>;
}

/**
 * Outcomes several services design alike, for `MATRIX_ACTORS`. Reading what concerns a unit: its
 * own people and those above it (the administrator and the auditor over their province), not
 * siblings, not another province. A new object each call, for an operation to adjust.
 */
export const readLike = (): MatrixOperation['expected'] => ({
  doha: { own: 'OK', child: 'OK', grandchild: 'OK', otherProvince: 'FORBIDDEN' },
  d513: { own: 'OK', child: 'OK', sibling: 'FORBIDDEN', siblingChild: 'FORBIDDEN', parent: 'FORBIDDEN', otherProvince: 'FORBIDDEN' },
  c20794: { own: 'OK', child: 'OK', sibling: 'FORBIDDEN', siblingChild: 'FORBIDDEN', parent: 'FORBIDDEN', otherProvince: 'FORBIDDEN' },
  auditor: { own: 'OK', child: 'OK', grandchild: 'OK', otherProvince: 'FORBIDDEN' },
});

/** Changing: the unit's managers (and the administrator) over their subtree, as they read it; the auditor never. */
export const managersOnly = (): MatrixOperation['expected'] => ({
  ...readLike(),
  auditor: { own: 'FORBIDDEN', child: 'FORBIDDEN', grandchild: 'FORBIDDEN', otherProvince: 'FORBIDDEN' },
});

/** The usual read of a unit's data: `query` asked with the target unit's code as `$c`, answered by `service`. */
export function unitQuery(name: string, service: MatrixService, query: string, expected: MatrixOperation['expected']): MatrixOperation {
  return { name, service, run: (client, username, code) => client.outcome(username, query, { c: code }), expected };
}

export interface MatrixCase {
  readonly operation: string;
  readonly service?: MatrixService;
  readonly username: string;
  readonly role: string;
  readonly target: Target;
  readonly unitCode: string;
  readonly expected: Outcome;
  readonly run: (client: GraphQLTestClient) => Promise<string>;
}

/** Every (operation, actor, target) with a designed outcome; a missing expectation is an error. */
export function matrixCases(operations: readonly MatrixOperation[], actors: readonly MatrixActor[] = MATRIX_ACTORS): MatrixCase[] {
  return operations.flatMap((operation) =>
    actors.flatMap((actor) =>
      (Object.entries(actor.targets) as Array<[Target, string]>).map(([target, unitCode]) => {
        const expected = operation.expected[actor.username]?.[target];
        if (!expected) throw new Error(`Access matrix: no expected outcome for ${operation.name} by ${actor.username} on ${target}`);
        return {
          operation: operation.name,
          service: operation.service,
          username: actor.username,
          role: actor.role,
          target,
          unitCode,
          expected,
          run: (client: GraphQLTestClient) => operation.run(client, actor.username, unitCode),
        };
      }),
    ),
  );
}
