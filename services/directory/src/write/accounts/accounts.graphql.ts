import { Inject } from '@nestjs/common';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { Identity, Role } from '@reform/access';
import { AccessCheckedInResolver, AccessControl, CurrentIdentity, forbidden, hashPassword, verifyPassword } from '@reform/auth';
import { DomainError } from '@reform/decider';
import { accountDecider, accountStreamId, UnitFate } from '../../domain/account/account.decider';
import { AccountDirectory, AccountView } from '../../read/accounts/account-directory';
import { AccountType, RoleEnum, toAccountType } from '../../read/accounts/account.graphql';
import { UnitDirectory } from '../../read/units/unit-directory';
import { DirectoryCommands } from '../shared/directory-commands';
import { DIRECTORY_GRAPHQL_TYPES } from '../../graphql-types';
import { CLOCK, Clock, todayOf } from '@reform/clock';

@InputType({ registerIn: DIRECTORY_GRAPHQL_TYPES })
export class CreateAccountInput {
  @Field() username!: string;
  @Field() displayName!: string;
  @Field(() => ID) unitCode!: string;
  @Field({ description: 'Ít nhất 8 ký tự.' }) password!: string;
}

const MIN_PASSWORD = 8;
function checkPassword(password: string, field: string): void {
  if (password.length < MIN_PASSWORD) throw new DomainError('ACCOUNT.WEAK_PASSWORD', `Mật khẩu phải có ít nhất ${MIN_PASSWORD} ký tự.`, { field });
}


/**
 * Managing accounts: the platform administrator, within the units it administers. A role can
 * only be granted at a unit the administrator administers, to an account of such a unit.
 */
@Resolver(() => AccountType)
export class AccountAdministrationResolver {
  constructor(
    private readonly commands: DirectoryCommands,
    private readonly accounts: AccountDirectory,
    private readonly units: UnitDirectory,
    private readonly access: AccessControl,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @AccessCheckedInResolver('administer')
  @Mutation(() => AccountType, { description: 'Tạo tài khoản cho một đơn vị (quản trị nền tảng).' })
  async createAccount(@Args('input') input: CreateAccountInput, @CurrentIdentity() identity: Identity): Promise<AccountType> {
    await this.access.assert(identity, 'administer', input.unitCode);
    checkPassword(input.password, 'input.password');
    const username = input.username.trim().toLowerCase();
    const accountId = randomUUID();
    await this.commands.execute(accountDecider, accountStreamId(accountId), {
      type: 'CreateAccount',
      data: {
        accountId,
        username,
        displayName: input.displayName,
        unitCode: input.unitCode,
        passwordHash: await hashPassword(input.password),
        usernameTaken: await this.accounts.usernameTaken(username),
        unitExists: (await this.units.existing([input.unitCode])).has(input.unitCode),
      },
    }, await this.commands.metadataFor(identity, input.unitCode));
    return toAccountType(await this.load(username));
  }

  @AccessCheckedInResolver('administer')
  @Mutation(() => AccountType, { description: 'Giao vai trò tại một đơn vị (có hiệu lực với các đơn vị trực thuộc).' })
  async grantRole(
    @Args('username') username: string,
    @Args('role', { type: () => RoleEnum }) role: Role,
    @Args('unitCode', { type: () => ID }) unitCode: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<AccountType> {
    const account = await this.administered(identity, username);
    await this.access.assert(identity, 'administer', unitCode);
    await this.commands.execute(accountDecider, accountStreamId(account.accountId), {
      type: 'GrantRole',
      data: { role, unitCode, unitExists: (await this.units.unit(unitCode, todayOf(this.clock), todayOf(this.clock))) !== null },
    }, await this.commands.metadataFor(identity, account.unitCode));
    return toAccountType(await this.load(username));
  }

  @AccessCheckedInResolver('administer')
  @Mutation(() => AccountType, { description: 'Thu hồi vai trò.' })
  async revokeRole(
    @Args('username') username: string,
    @Args('role', { type: () => RoleEnum }) role: Role,
    @Args('unitCode', { type: () => ID }) unitCode: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<AccountType> {
    const account = await this.administered(identity, username);
    await this.commands.execute(accountDecider, accountStreamId(account.accountId), { type: 'RevokeRole', data: { role, unitCode } }, await this.commands.metadataFor(identity, account.unitCode));
    return toAccountType(await this.load(username));
  }

  @AccessCheckedInResolver('administer')
  @Mutation(() => AccountType, { description: 'Vô hiệu hóa tài khoản; mã truy cập đã cấp bị từ chối ngay.' })
  async disableAccount(@Args('username') username: string, @Args('reason') reason: string, @CurrentIdentity() identity: Identity): Promise<AccountType> {
    const account = await this.administered(identity, username);
    await this.commands.execute(accountDecider, accountStreamId(account.accountId), { type: 'DisableAccount', data: { reason } }, await this.commands.metadataFor(identity, account.unitCode));
    return toAccountType(await this.load(username));
  }

  // Auditors and viewers write nothing, not even their own password (the administrator resets it).
  @AccessCheckedInResolver('act')
  @Mutation(() => AccountType, { description: 'Đổi mật khẩu của chính mình.' })
  async changePassword(@Args('currentPassword') currentPassword: string, @Args('newPassword') newPassword: string, @CurrentIdentity() identity: Identity): Promise<AccountType> {
    const account = await this.accounts.byUsername(identity.username);
    if (!account || !(await verifyPassword(currentPassword, account.passwordHash))) {
      throw new DomainError('ACCOUNT.WRONG_PASSWORD', 'Mật khẩu hiện tại không đúng.', { field: 'currentPassword' });
    }
    checkPassword(newPassword, 'newPassword');
    await this.commands.execute(accountDecider, accountStreamId(account.accountId), { type: 'ChangePassword', data: { passwordHash: await hashPassword(newPassword) } }, await this.commands.metadataFor(identity, account.unitCode));
    return toAccountType(await this.load(identity.username));
  }

  @AccessCheckedInResolver('administer')
  @Mutation(() => AccountType, {
    description:
      'Chuyển tài khoản qua đợt sắp xếp đơn vị hành chính (văn bản hành chính được ghi nhận): vai trò tại đơn vị đã nhập vào đơn vị khác được chuyển sang đơn vị đó, vai trò tại đơn vị đã giải thể hoặc chia tách bị chấm dứt; đơn vị của tài khoản, nếu đã kết thúc, được thay bằng đơn vị kế thừa hoặc toUnitCode. Trước đó tài khoản không thể thao tác.',
  })
  async carryAccountAcrossReorganisation(
    @Args('username') username: string,
    @Args('toUnitCode', { type: () => ID, nullable: true, description: 'Đơn vị mới của tài khoản khi đơn vị cũ không có một đơn vị kế thừa duy nhất (giải thể, chia tách).' }) toUnitCode: string | null,
    @CurrentIdentity() identity: Identity,
  ): Promise<AccountType> {
    const account = await this.administered(identity, username);
    const today = todayOf(this.clock);
    if (toUnitCode) await this.access.assert(identity, 'administer', toUnitCode);
    const units: Record<string, UnitFate> = {};
    for (const code of new Set([account.unitCode, ...account.roles.map((grant) => grant.unitCode)])) units[code] = await this.fateOf(code, today);
    await this.commands.execute(accountDecider, accountStreamId(account.accountId), {
      type: 'CarryAcrossReorganisation',
      data: { units, toUnitCode: toUnitCode ?? null, toUnitInForce: toUnitCode ? (await this.units.unit(toUnitCode, today, today)) !== null : false },
    }, await this.commands.metadataFor(identity, account.unitCode));
    return toAccountType(await this.load(username));
  }

  /** In force today, or ended: the unit in force that took the whole of it (following mergers), if any. */
  private async fateOf(code: string, today: string): Promise<UnitFate> {
    if (await this.units.unit(code, today, today)) return { inForce: true };
    const ended = await this.units.unit(code, null, today);
    let successor: string | null = null;
    for (let next = ended, steps = 0; next?.mergedInto && !successor && steps < 5; steps++) {
      const into = await this.units.unit(next.mergedInto, today, today);
      if (into) successor = into.code;
      else next = await this.units.unit(next.mergedInto, null, today);
    }
    return { inForce: false, successor, source: ended?.endSource ?? null };
  }

  /** The account, if the caller administers its unit; FORBIDDEN otherwise (existence not revealed). */
  private async administered(identity: Identity, username: string): Promise<AccountView> {
    const account = await this.accounts.byUsername(username);
    if (!account) {
      if (identity.roles.some((grant) => grant.role === 'PLATFORM_ADMIN')) throw new DomainError('ACCOUNT.NOT_FOUND', `Không tìm thấy tài khoản "${username}".`, { kind: 'NOT_FOUND', field: 'username' });
      throw forbidden();
    }
    await this.access.assert(identity, 'administer', account.unitCode);
    return account;
  }

  private async load(username: string): Promise<AccountView> {
    const account = await this.accounts.byUsername(username);
    if (!account) throw new Error(`account ${username} vanished after a command`);
    return account;
  }
}
