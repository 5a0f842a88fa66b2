import { Inject, Injectable, Logger } from '@nestjs/common';
import { forbidden, Identity, isAllowed, UNIT_ANCESTRY, UnitAncestry } from '@reform/auth';

/**
 * Who may read a plan: roles over the issuer (its own units and those above it), and the units
 * below the issuer, who implement it (a commune reads its district's plan, a district the
 * province's). Another district's plan is not theirs to read.
 */
@Injectable()
export class PlanAccess {
  private readonly logger = new Logger('PlanAccess');

  constructor(@Inject(UNIT_ANCESTRY) private readonly units: UnitAncestry) {}

  /** A reader for one request: caches ancestries, since a list asks for the same issuers again. */
  reader(identity: Identity): (issuerCode: string) => Promise<boolean> {
    const cache = new Map<string, Promise<readonly string[] | null>>();
    const ancestry = (code: string) => {
      if (!cache.has(code)) cache.set(code, this.units.ancestry(code));
      return cache.get(code) as Promise<readonly string[] | null>;
    };
    return async (issuerCode: string) => {
      const issuerChain = await ancestry(issuerCode);
      if (issuerChain && isAllowed(identity, 'read', issuerChain)) return true;
      for (const grant of identity.roles) {
        const below = await ancestry(grant.unitCode);
        if (below?.includes(issuerCode)) return true;
      }
      return false;
    };
  }

  async assertRead(identity: Identity, issuerCode: string): Promise<void> {
    if (await this.reader(identity)(issuerCode)) return;
    this.logger.warn(`Denied reading plans of ${issuerCode} to ${identity.username}`);
    throw forbidden();
  }
}
