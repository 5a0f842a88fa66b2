import { Inject, Logger } from '@nestjs/common';
import { Args, Context, Field, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { LoginThrottle, Public, TOKEN_SERVICE, TokenService, UNMATCHABLE_HASH, verifyPassword, RequestWithIdentity } from '@reform/auth';
import { DateTimeScalar } from '@reform/subgraph';
import { AccountDirectory } from '../../read/accounts/account-directory';
import { AccountType, toAccountType } from '../../read/accounts/account.graphql';
import { DIRECTORY_GRAPHQL_TYPES } from '../../graphql-types';

@ObjectType('Session', { registerIn: DIRECTORY_GRAPHQL_TYPES, description: 'Phiên đăng nhập: mã truy cập (Bearer) và thời điểm hết hạn.' })
export class SessionType {
  @Field() token!: string;
  @Field(() => DateTimeScalar) expiresAt!: Date;
  @Field(() => AccountType) account!: AccountType;
}

export const LOGIN_THROTTLE = Symbol('LOGIN_THROTTLE');

/** The header in which the gateway seals the client's address (TokenService.sealForwarded). */
export const FORWARDED_HEADER = 'x-reform-forwarded';

/**
 * The client's address: the one the gateway sealed (it trusts only its configured proxies'
 * X-Forwarded-For), else the socket's. A client's own X-Forwarded-For is never believed.
 */
function clientAddress(req: RequestWithIdentity & { socket?: { remoteAddress?: string } }, tokens: TokenService): string {
  return tokens.openForwarded(req.headers[FORWARDED_HEADER]) ?? req.socket?.remoteAddress ?? 'unknown';
}

@Resolver()
export class LoginResolver {
  private readonly logger = new Logger('Login');

  constructor(
    private readonly accounts: AccountDirectory,
    @Inject(TOKEN_SERVICE) private readonly tokens: TokenService,
    @Inject(LOGIN_THROTTLE) private readonly throttle: LoginThrottle,
  ) {}

  @Public()
  @Mutation(() => SessionType, { description: 'Đăng nhập; trả về mã truy cập có thời hạn.' })
  async login(@Args('username') username: string, @Args('password') password: string, @Context() context: { req: RequestWithIdentity }): Promise<SessionType> {
    const address = clientAddress(context.req, this.tokens);
    const wait = await this.throttle.retryAfterMs(username, address);
    if (wait > 0) {
      this.logger.warn(`Login throttled for ${JSON.stringify(username.slice(0, 64))} from ${address}`);
      throw new GraphQLError(`Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(wait / 60_000)} phút.`, {
        extensions: { code: 'UNAUTHENTICATED', retryAfterSeconds: Math.ceil(wait / 1000) },
      });
    }
    const account = await this.accounts.byUsername(username);
    // Unknown user, wrong password and disabled account look the same, and cost the same time.
    const matches = await verifyPassword(password, account?.passwordHash ?? UNMATCHABLE_HASH);
    if (!account || !matches || account.status !== 'active') {
      await this.throttle.recordFailure(username, address);
      this.logger.warn(`Failed login for ${JSON.stringify(username.slice(0, 64))} from ${address}`);
      throw new GraphQLError('Tên đăng nhập hoặc mật khẩu không đúng.', { extensions: { code: 'UNAUTHENTICATED' } });
    }
    await this.throttle.recordSuccess(username);
    const { token, expiresAt } = await this.tokens.issue({
      accountId: account.accountId,
      username: account.username,
      unitCode: account.unitCode,
      roles: account.roles,
    });
    return { token, expiresAt, account: toAccountType(account) };
  }
}
