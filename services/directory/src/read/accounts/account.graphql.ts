import { Inject } from '@nestjs/common';
import { Args, Field, ID, ObjectType, Parent, Query, registerEnumType, ResolveField, Resolver } from '@nestjs/graphql';
import { Identity, ROLES, Role } from '@reform/access';
import { AccessCheckedInResolver, AccessControl, CurrentIdentity, SignedIn, unauthenticated } from '@reform/auth';
import { DomainError } from '@reform/decider';
import { EVENT_STORE, EventStore, stateAsOf } from '@reform/event-store';
import { DateTimeScalar } from '@reform/subgraph';
import { accountDecider, AccountState, accountStreamId } from '../../domain/account/account.decider';
import { UnitType } from '../units/unit.graphql';
import { UnitDirectory, UnitView } from '../units/unit-directory';
import { AccountDirectory, AccountView } from './account-directory';
import { DIRECTORY_GRAPHQL_TYPES } from '../../graphql-types';
import { CLOCK, Clock, todayOf } from '@reform/clock';

export const RoleEnum = Object.fromEntries(ROLES.map((role) => [role, role])) as Record<Role, Role>;
registerEnumType(RoleEnum, {
  registerIn: DIRECTORY_GRAPHQL_TYPES,
  name: 'Role',
  description:
    'PLATFORM_ADMIN (quản trị nền tảng), UNIT_MANAGER (lãnh đạo, quản lý đơn vị), UNIT_OFFICER (cán bộ thực hiện), AUDITOR (thanh tra, kiểm tra: chỉ đọc), VIEWER (chỉ xem).',
});

@ObjectType('RoleGrant', {
  registerIn: DIRECTORY_GRAPHQL_TYPES,
  description: 'Một vai trò được giao tại một đơn vị; có hiệu lực với cả các đơn vị trực thuộc.',
})
export class RoleGrantType {
  @Field(() => RoleEnum) role!: Role;
  unitCode!: string;
}

@ObjectType('Account', { registerIn: DIRECTORY_GRAPHQL_TYPES, description: 'Tài khoản người dùng của một đơn vị.' })
export class AccountType {
  @Field(() => ID) id!: string;
  @Field() username!: string;
  @Field() displayName!: string;
  @Field({ description: 'ACTIVE hoặc DISABLED' }) status!: string;
  @Field(() => [RoleGrantType]) roles!: RoleGrantType[];
  unitCode!: string;
}

export const toAccountType = (account: AccountView): AccountType => ({
  id: account.accountId,
  username: account.username,
  displayName: account.displayName,
  status: account.status.toUpperCase(),
  roles: account.roles.map((grant) => ({ role: grant.role, unitCode: grant.unitCode })),
  unitCode: account.unitCode,
});

/** An account's folded state as the GraphQL view (the password hash stays inside). */
export function accountStateView(state: AccountState): AccountType | null {
  if (state.status === 'absent') return null;
  return toAccountType({
    accountId: state.accountId,
    username: state.username,
    displayName: state.displayName,
    unitCode: state.unitCode,
    status: state.status,
    roles: state.roles,
  });
}

@Resolver(() => AccountType)
export class AccountResolver {
  constructor(
    private readonly accounts: AccountDirectory,
    private readonly units: UnitDirectory,
    private readonly access: AccessControl,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  // Tenant data: `read` on the account's unit. With asOf, the account's stream folded up to that
  // instant with the write side's evolve (roles granted and revoked, disabled), not the read model.
  @AccessCheckedInResolver('read')
  @Query(() => AccountType, { nullable: true, description: 'Một tài khoản theo mã; với asOf: như đã ghi nhận tại thời điểm đó (null nếu khi đó chưa có).' })
  async account(
    @Args('id', { type: () => ID }) id: string,
    @CurrentIdentity() identity: Identity,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: Date | null,
  ): Promise<AccountType | null> {
    const current = await this.accounts.byId(id);
    if (!current) throw new DomainError('ACCOUNT.NOT_FOUND', 'Không tìm thấy tài khoản.', { kind: 'NOT_FOUND', field: 'id' });
    await this.access.assert(identity, 'read', current.unitCode);
    if (!asOf) return toAccountType(current);
    return accountStateView(await stateAsOf(this.store, accountDecider, accountStreamId(id), asOf));
  }

  @SignedIn()
  @Query(() => AccountType, { description: 'Tài khoản đang đăng nhập và các vai trò của nó.' })
  async me(@CurrentIdentity() identity: Identity): Promise<AccountType> {
    const account = await this.accounts.byId(identity.accountId);
    if (!account) throw unauthenticated();
    return toAccountType(account);
  }

  @SignedIn()
  @ResolveField(() => UnitType, { nullable: true, description: 'Đơn vị của tài khoản.' })
  unit(@Parent() account: AccountType): Promise<UnitView | null> {
    return this.units.unit(account.unitCode, null, todayOf(this.clock));
  }
}

@Resolver(() => RoleGrantType)
export class RoleGrantResolver {
  constructor(
    private readonly units: UnitDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @SignedIn()
  @ResolveField(() => UnitType, { nullable: true })
  unit(@Parent() grant: RoleGrantType): Promise<UnitView | null> {
    return this.units.unit(grant.unitCode, null, todayOf(this.clock));
  }
}

/** `Unit.accounts`: tenant data, readable within the reader's scope only. */
@Resolver(() => UnitType)
export class UnitAccountsResolver {
  constructor(
    private readonly directory: AccountDirectory,
    private readonly access: AccessControl,
  ) {}

  @AccessCheckedInResolver('read')
  @ResolveField(() => [AccountType], { description: 'Tài khoản của đơn vị (dữ liệu của đơn vị: chỉ trong phạm vi được giao).' })
  async accounts(@Parent() unit: UnitView, @CurrentIdentity() identity: Identity): Promise<AccountType[]> {
    await this.access.assert(identity, 'read', unit.code);
    return (await this.directory.ofUnit(unit.code)).map(toAccountType);
  }
}
