import { Inject, Injectable, Logger } from '@nestjs/common';
import { Action, Identity, isAllowed } from '@reform/access';
import { forbidden } from './access.errors';

/** Each service answers from its own copy of the unit hierarchy. */
export interface UnitAncestry {
  /** The unit itself first, then its parents up to the root; null when the unit is unknown. */
  ancestry(unitCode: string): Promise<readonly string[] | null>;
  /** Whether the unit is in force today; a service that cannot tell leaves it out. */
  inForce?(unitCode: string): Promise<boolean>;
}

/** What changes something: refused to an account whose unit has ended, and through grants at ended units. */
const WRITES: readonly Action[] = ['act', 'manage', 'administer'];

export const UNIT_ANCESTRY = Symbol('UNIT_ANCESTRY');

@Injectable()
export class AccessControl {
  private readonly logger = new Logger('AccessControl');

  constructor(@Inject(UNIT_ANCESTRY) private readonly units: UnitAncestry) {}

  async allows(identity: Identity, action: Action, unitCode: string): Promise<boolean> {
    const ancestry = await this.units.ancestry(unitCode);
    // An unknown unit is outside everyone's scope; answering FORBIDDEN (not NOT_FOUND) does not
    // tell a caller which codes exist in other tenants.
    if (ancestry === null) return false;
    if (!WRITES.includes(action) || !this.units.inForce) return isAllowed(identity, action, ancestry);
    return isAllowed(await this.actingIdentity(identity), action, ancestry);
  }

  /**
   * The identity as it may act today (2025 reorganisation, ADR 0019): none of its grants when its
   * own unit has ended, and not those at ended units, until an administrator moves or ends them
   * by an explicit act. Reading is not affected: the records stay readable within scope.
   */
  async actingIdentity(identity: Identity): Promise<Identity> {
    const inForce = this.units.inForce;
    if (!inForce) return identity;
    if (!(await inForce.call(this.units, identity.unitCode))) return { ...identity, roles: [] };
    const roles = [];
    for (const grant of identity.roles) if (await inForce.call(this.units, grant.unitCode)) roles.push(grant);
    return roles.length === identity.roles.length ? identity : { ...identity, roles };
  }

  /**
   * Those of the units on which the identity may do the action: for answers that hold figures of
   * several units (a plan's target achievement), each unit's entries shown only where the same
   * rule that guards that unit's own records (a report: `read` on its unit) would show them.
   */
  async allowedUnits(identity: Identity, action: Action, unitCodes: Iterable<string>): Promise<Set<string>> {
    const allowed = new Set<string>();
    for (const code of new Set(unitCodes)) if (await this.allows(identity, action, code)) allowed.add(code);
    return allowed;
  }

  async assert(identity: Identity, action: Action, unitCode: string): Promise<void> {
    if (await this.allows(identity, action, unitCode)) return;
    this.logger.warn(`Denied ${action} on unit ${unitCode} to ${identity.username}`);
    throw forbidden();
  }
}
