import { Inject, Injectable, Logger } from '@nestjs/common';
import { Action, Identity, isAllowed } from '@reform/access';
import { forbidden } from './access.errors';

/** Each service answers from its own copy of the unit hierarchy. */
export interface UnitAncestry {
  /** The unit itself first, then its parents up to the root; null when the unit is unknown. */
  ancestry(unitCode: string): Promise<readonly string[] | null>;
}

export const UNIT_ANCESTRY = Symbol('UNIT_ANCESTRY');

@Injectable()
export class AccessControl {
  private readonly logger = new Logger('AccessControl');

  constructor(@Inject(UNIT_ANCESTRY) private readonly units: UnitAncestry) {}

  async allows(identity: Identity, action: Action, unitCode: string): Promise<boolean> {
    const ancestry = await this.units.ancestry(unitCode);
    // An unknown unit is outside everyone's scope; answering FORBIDDEN (not NOT_FOUND) does not
    // tell a caller which codes exist in other tenants.
    return ancestry !== null && isAllowed(identity, action, ancestry);
  }

  async assert(identity: Identity, action: Action, unitCode: string): Promise<void> {
    if (await this.allows(identity, action, unitCode)) return;
    this.logger.warn(`Denied ${action} on unit ${unitCode} to ${identity.username}`);
    throw forbidden();
  }
}
