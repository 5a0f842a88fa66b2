import { CanActivate, ExecutionContext, Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ACCESS_RULE, AccessRule, requestOf } from './access.decorators';
import { AccessControl } from './access-control';
import { roleAllows } from '@reform/access';
import { forbidden, unauthenticated } from './access.errors';
import { TokenRejectedError, TokenService, bearerToken } from './tokens';

export const TOKEN_SERVICE = Symbol('TOKEN_SERVICE');

/**
 * Whether an account may still act. A token outlives a disablement by at most its lifetime
 * unless the service checks: services that know accounts (directory, and the others through
 * its AccountDisabled events) provide this so a disabled account is refused at once.
 */
export interface AccountStatus {
  isActive(accountId: string): Promise<boolean>;
}
export const ACCOUNT_STATUS = Symbol('ACCOUNT_STATUS');

/**
 * The one gate of every subgraph. It verifies the bearer token itself (a header forwarded by
 * the gateway is never trusted unsigned) and applies the resolver's declared rule; a resolver
 * that declares none is refused.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('AccessGuard');

  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_SERVICE) private readonly tokens: TokenService,
    private readonly access: AccessControl,
    @Optional() @Inject(ACCOUNT_STATUS) private readonly accounts?: AccountStatus,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    if (!rule) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no access rule: refused`);
      throw forbidden();
    }
    if (rule.kind === 'public') return true;

    const request = requestOf(context);
    if (!request) throw unauthenticated();
    if (!request.identity) {
      try {
        const identity = await this.tokens.verify(bearerToken(request.headers['authorization']));
        if (this.accounts && !(await this.accounts.isActive(identity.accountId))) throw new TokenRejectedError('account-disabled');
        request.identity = identity;
      } catch (error) {
        if (error instanceof TokenRejectedError) {
          this.logger.debug(error.message);
          throw unauthenticated();
        }
        throw error;
      }
    }
    const identity = request.identity;

    switch (rule.kind) {
      case 'signed-in':
        return true;
      case 'checked-in-resolver':
        if (identity.roles.some((grant) => roleAllows(grant.role, rule.action))) return true;
        throw forbidden();
      case 'unit-argument': {
        const args = context.getType<string>() === 'graphql' ? GqlExecutionContext.create(context).getArgs() : {};
        const unitCode = args[rule.argument];
        if (typeof unitCode !== 'string') throw forbidden();
        await this.access.assert(identity, rule.action, unitCode);
        return true;
      }
    }
  }
}
