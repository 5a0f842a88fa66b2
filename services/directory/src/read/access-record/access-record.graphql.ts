import { Args, Field, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, AccessControl, CurrentIdentity } from '@reform/auth';
import { DomainError } from '@reform/decider';
import { DateTimeScalar, JSONScalar } from '@reform/subgraph';
import { DIRECTORY_GRAPHQL_TYPES } from '../../graphql-types';
import { DIRECTORY_SCHEMA as S } from '../../schema';

@ObjectType('AccessRecordEntry', { registerIn: DIRECTORY_GRAPHQL_TYPES, description: 'Một lần kiểm toán viên truy vấn dữ liệu: ai, lúc nào, xem gì, ở dịch vụ nào.' })
export class AccessRecordEntryType {
  @Field(() => ID) eventId!: string;
  @Field(() => DateTimeScalar) recordedAt!: Date;
  @Field({ description: 'Dịch vụ đã trả lời: directory, plans, tasks.' }) service!: string;
  @Field(() => ID) accountId!: string;
  @Field() username!: string;
  @Field(() => String, { nullable: true }) unitCode!: string | null;
  @Field({ description: 'query hoặc mutation.' }) operation!: string;
  @Field({ description: 'Trường gốc được hỏi, ví dụ plan, assignments, unit.' }) field!: string;
  @Field(() => JSONScalar) arguments!: unknown;
  @Field(() => String, { nullable: true }) operationName!: string | null;
  @Field({ description: 'allowed (được trả lời) hoặc refused (bị từ chối).' }) outcome!: string;
}

const MAX_LIMIT = 1_000;
const PAGE = 500;

interface Row {
  event_id: string;
  recorded_at: Date;
  service: string;
  account_id: string;
  username: string;
  unit_code: string | null;
  operation: string;
  field: string;
  arguments: unknown;
  operation_name: string | null;
  outcome: string;
}

/** The platform administrator reads the access record of the auditors within their scope. */
@Resolver(() => AccessRecordEntryType)
export class AccessRecordResolver {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly access: AccessControl,
  ) {}

  @AccessCheckedInResolver('administer')
  @Query(() => [AccessRecordEntryType], { description: 'Nhật ký truy cập của kiểm toán viên (mới nhất trước), trong phạm vi quản trị của người hỏi.' })
  async accessRecord(
    @CurrentIdentity() identity: Identity,
    @Args('username', { type: () => String, nullable: true }) username?: string | null,
    @Args('from', { type: () => DateTimeScalar, nullable: true }) from?: Date | null,
    @Args('to', { type: () => DateTimeScalar, nullable: true }) to?: Date | null,
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 200 }) limit = 200,
  ): Promise<AccessRecordEntryType[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      throw new DomainError('ACCESS_RECORD.LIMIT', `Số dòng (limit) phải từ 1 đến ${MAX_LIMIT}.`, { kind: 'BAD_USER_INPUT', field: 'limit' });
    }
    const allowed = new Map<string, Promise<boolean>>();
    const mayAdminister = (unitCode: string | null) => {
      if (!unitCode) return Promise.resolve(false);
      if (!allowed.has(unitCode)) allowed.set(unitCode, this.access.allows(identity, 'administer', unitCode));
      return allowed.get(unitCode) as Promise<boolean>;
    };
    // Pages until `limit` rows within the reader's scope are found: other provinces' auditors are skipped.
    const rows: Row[] = [];
    for (let offset = 0; rows.length < limit; offset += PAGE) {
      const page: Row[] = await this.manager.query(
        `SELECT * FROM "${S}".access_record
          WHERE ($1::text IS NULL OR username = $1) AND ($2::timestamptz IS NULL OR recorded_at >= $2) AND ($3::timestamptz IS NULL OR recorded_at < $3)
          ORDER BY recorded_at DESC, event_id LIMIT ${PAGE} OFFSET ${offset}`,
        [username ?? null, from ?? null, to ?? null],
      );
      const visible = await Promise.all(page.map((row) => mayAdminister(row.unit_code)));
      rows.push(...page.filter((_row, index) => visible[index]).slice(0, limit - rows.length));
      if (page.length < PAGE) break;
    }
    return rows.map((row) => ({
      eventId: row.event_id,
      recordedAt: row.recorded_at,
      service: row.service,
      accountId: row.account_id,
      username: row.username,
      unitCode: row.unit_code,
      operation: row.operation,
      field: row.field,
      arguments: row.arguments,
      operationName: row.operation_name,
      outcome: row.outcome,
    }));
  }
}
