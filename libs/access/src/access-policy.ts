/* Pure (type:domain): the roles, actions and the rule that decides; no framework here. */
/**
 * Who may do what where. Pure: the caller supplies the target unit's ancestry (the unit itself
 * first, then its parents up to the root), taken from its own copy of the unit hierarchy.
 *
 * Every role is granted at a unit and covers that unit's subtree. A district is a tenant: its
 * subtree (offices, communes and their sections) is its data, so a grant at a district never
 * reaches a sibling district or the province above.
 */
export const ROLES = ['PLATFORM_ADMIN', 'UNIT_MANAGER', 'UNIT_OFFICER', 'AUDITOR', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

/**
 * - read: tenant data of a unit (accounts, plans, assignments, reports, scores);
 * - read-history: event histories, as-of states and timelines;
 * - act: an officer's work on its unit's own items (accept, report progress, submit a report);
 * - manage: a manager's work over the subtree (issue plans, assign, appraise, grant roles);
 * - administer: the platform's own data (units, accounts of any tenant).
 */
export const ACTIONS = ['read', 'read-history', 'act', 'manage', 'administer'] as const;
export type Action = (typeof ACTIONS)[number];

const CAPABILITIES: Record<Role, readonly Action[]> = {
  PLATFORM_ADMIN: ['read', 'read-history', 'act', 'manage', 'administer'],
  UNIT_MANAGER: ['read', 'read-history', 'act', 'manage'],
  UNIT_OFFICER: ['read', 'read-history', 'act'],
  AUDITOR: ['read', 'read-history'],
  VIEWER: ['read'],
};

export interface RoleGrant {
  readonly role: Role;
  readonly unitCode: string;
}

export interface Identity {
  readonly accountId: string;
  readonly username: string;
  /** The unit the account belongs to (acts for), e.g. the district for `d513`. */
  readonly unitCode: string;
  readonly roles: readonly RoleGrant[];
}

export function roleAllows(role: Role, action: Action): boolean {
  return CAPABILITIES[role].includes(action);
}

/** The grants of `identity` that allow `action` on a unit with this ancestry (unit first). */
export function grantsFor(identity: Identity, action: Action, targetAncestry: readonly string[]): RoleGrant[] {
  return identity.roles.filter((grant) => roleAllows(grant.role, action) && targetAncestry.includes(grant.unitCode));
}

export function isAllowed(identity: Identity, action: Action, targetAncestry: readonly string[]): boolean {
  return grantsFor(identity, action, targetAncestry).length > 0;
}

/** True when the identity may write anything at all (auditors and viewers may not). */
export function canWriteAnywhere(identity: Identity): boolean {
  return identity.roles.some((grant) => roleAllows(grant.role, 'act'));
}
