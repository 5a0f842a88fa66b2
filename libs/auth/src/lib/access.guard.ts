import { CanActivate, ExecutionContext, Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ACCESS_RULE, AccessRule, requestOf } from './access.decorators';
import { AccessControl } from './access-control';
import { Identity, roleAllows } from '@reform/access';
import { forbidden, unauthenticated } from './access.errors';
import { TokenRejectedError, TokenService, bearerToken } from './tokens';
import { ACCESS_RECORDER, AccessRecorder, isAuditor } from './access-record';

export const TOKEN_SERVICE = Symbol('TOKEN_SERVICE');

/** A verified token: who, and when it was issued. */
export interface Session {
  readonly identity: Identity;
  readonly issuedAt: Date;
}

/**
 * Whether a session may still act. A token outlives a disablement, a revoked role or a changed
 * password by at most its lifetime unless the service checks: the directory answers from its
 * accounts, every other service from its copy of the directory's account contracts
 * (`ReplicatedAccountStatus`, ADR 0021), so the old token is refused at once everywhere.
 */
export interface AccountStatus {
  isCurrent(session: Session): Promise<boolean>;
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
    @Optional() @Inject(ACCESS_RECORDER) private readonly accessRecord?: AccessRecorder | null,
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
        const session = await this.tokens.verifySession(bearerToken(request.headers['authorization']));
        if (this.accounts && !(await this.accounts.isCurrent(session))) throw new TokenRejectedError('session-revoked');
        request.identity = session.identity;
      } catch (error) {
        if (error instanceof TokenRejectedError) {
          this.logger.debug(error.message);
          throw unauthenticated();
        }
        throw error;
      }
    }
    const identity = request.identity;
    const root = this.accessRecord && isAuditor(identity) ? rootField(context) : null;
    if (!root) return this.decide(context, rule, identity);
    // An auditor's query is recorded, allowed or refused, before it is answered: no record, no answer.
    let allowed = false;
    try {
      allowed = await this.decide(context, rule, identity);
      return allowed;
    } finally {
      await this.accessRecord?.record(identity, { ...root, outcome: allowed ? 'allowed' : 'refused' });
    }
  }

  private async decide(context: ExecutionContext, rule: AccessRule, identity: Identity): Promise<boolean> {
    switch (rule.kind) {
      case 'signed-in':
        return true;
      case 'public':
        return true;
      case 'checked-in-resolver':
        // A write needs a grant that may act today (ADR 0019); reading keeps every grant.
        if (
          (rule.action === 'read' || rule.action === 'read-history' ? identity : await this.access.actingIdentity(identity)).roles.some((grant) =>
            roleAllows(grant.role, rule.action),
          )
        )
          return true;
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

/**
 * The header in which the gateway passes the client's operation name to each subgraph: its query
 * planner names the operations it sends (ADR 0040). Only a GraphQL name is taken from it.
 */
export const CLIENT_OPERATION_HEADER = 'x-client-operation';
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,127}$/;

/** The root field of a GraphQL request (`plan`, `_entities`...), or null for a nested field or HTTP. */
function rootField(
  context: ExecutionContext,
): { operation: 'query' | 'mutation'; field: string; arguments: Record<string, unknown>; operationName: string | null } | null {
  if (context.getType<string>() !== 'graphql') return null;
  const gql = GqlExecutionContext.create(context);
  const info = gql.getInfo<{ parentType?: { name: string }; fieldName: string; operation?: { operation: string; name?: { value: string } } }>();
  const operation = info?.operation?.operation;
  if (!info?.parentType || (operation !== 'query' && operation !== 'mutation') || info.parentType.name !== (operation === 'query' ? 'Query' : 'Mutation'))
    return null;
  const forwarded = gql.getContext<{ req?: { headers?: Record<string, string | string[] | undefined> } }>()?.req?.headers?.[CLIENT_OPERATION_HEADER];
  const operationName = typeof forwarded === 'string' && GRAPHQL_NAME.test(forwarded) ? forwarded : (info.operation?.name?.value ?? null);
  return { operation, field: info.fieldName, arguments: { ...(gql.getArgs() ?? {}) }, operationName };
}
