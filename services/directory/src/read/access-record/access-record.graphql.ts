import { Args, Field, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, AccessControl, CurrentIdentity } from '@reform/auth';
import { DateTimeScalar, JSONScalar, Page, pageOf, pageType, PageWindow, pageWindow } from '@reform/subgraph';
import { DIRECTORY_GRAPHQL_TYPES } from '../../graphql-types';
import { DIRECTORY_SCHEMA as S } from '../../schema';

@ObjectType('AccessRecordEntry', {
  registerIn: DIRECTORY_GRAPHQL_TYPES,
  description: 'Một lần kiểm toán viên truy vấn dữ liệu: ai, lúc nào, xem gì, ở dịch vụ nào.',
})
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

/** The most entries one answer holds; the default window of `accessRecord` is 200, as its schema says. */
export const ACCESS_RECORD_PAGE_MAX = 1_000;

export const AccessRecordPageType = pageType<AccessRecordEntryType>('AccessRecordPage', () => AccessRecordEntryType, {
  registerIn: DIRECTORY_GRAPHQL_TYPES,
  description: 'Một trang nhật ký truy cập: các lần truy cập, tổng số trong phạm vi của người hỏi, còn trang sau hay không.',
});

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

interface Filter {
  readonly username?: string | null;
  readonly from?: Date | null;
  readonly to?: Date | null;
}

const WHERE = `($1::text IS NULL OR username = $1) AND ($2::timestamptz IS NULL OR recorded_at >= $2) AND ($3::timestamptz IS NULL OR recorded_at < $3)`;

/** The platform administrator reads the access record of the auditors within their scope. */
@Resolver(() => AccessRecordEntryType)
export class AccessRecordResolver {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly access: AccessControl,
  ) {}

  @AccessCheckedInResolver('administer')
  @Query(() => [AccessRecordEntryType], {
    description: `Nhật ký truy cập của kiểm toán viên (mới nhất trước), trong phạm vi quản trị của người hỏi: limit dòng từ offset (mặc định 200, tối đa ${ACCESS_RECORD_PAGE_MAX}); accessRecordPage cho biết tổng số.`,
  })
  async accessRecord(
    @CurrentIdentity() identity: Identity,
    @Args('username', { type: () => String, nullable: true }) username?: string | null,
    @Args('from', { type: () => DateTimeScalar, nullable: true }) from?: Date | null,
    @Args('to', { type: () => DateTimeScalar, nullable: true }) to?: Date | null,
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 200 }) limit = 200,
    @Args('offset', { type: () => Int, nullable: true, description: 'Số dòng bỏ qua từ đầu (mặc định 0).' }) offset?: number | null,
  ): Promise<AccessRecordEntryType[]> {
    return (await this.read(identity, { username, from, to }, pageWindow({ offset, limit }, ACCESS_RECORD_PAGE_MAX))).items;
  }

  @AccessCheckedInResolver('administer')
  @Query(() => AccessRecordPageType, {
    description: `Nhật ký truy cập theo trang (tối đa ${ACCESS_RECORD_PAGE_MAX} dòng), có tổng số trong phạm vi của người hỏi.`,
  })
  async accessRecordPage(
    @CurrentIdentity() identity: Identity,
    @Args('username', { type: () => String, nullable: true }) username?: string | null,
    @Args('from', { type: () => DateTimeScalar, nullable: true }) from?: Date | null,
    @Args('to', { type: () => DateTimeScalar, nullable: true }) to?: Date | null,
    @Args('offset', { type: () => Int, nullable: true, description: 'Số dòng bỏ qua từ đầu (mặc định 0).' }) offset?: number | null,
    @Args('limit', { type: () => Int, nullable: true, description: `Số dòng của trang (1–${ACCESS_RECORD_PAGE_MAX}; mặc định ${ACCESS_RECORD_PAGE_MAX}).` })
    limit?: number | null,
  ): Promise<Page<AccessRecordEntryType>> {
    const window = pageWindow({ offset, limit }, ACCESS_RECORD_PAGE_MAX);
    const { items, total } = await this.read(identity, { username, from, to }, window);
    return pageOf(items, total, window);
  }

  /**
   * The units whose records the reader administers are found first (one row per unit of the
   * filtered record), so the window and the total are counted in SQL over those units only.
   */
  private async read(identity: Identity, filter: Filter, window: PageWindow): Promise<{ items: AccessRecordEntryType[]; total: number }> {
    const parameters = [filter.username ?? null, filter.from ?? null, filter.to ?? null];
    const units: Array<{ unit_code: string | null; n: string }> = await this.manager.query(
      `SELECT unit_code, count(*) AS n FROM "${S}".access_record WHERE ${WHERE} GROUP BY unit_code`,
      parameters,
    );
    const visible = await Promise.all(
      units.map((unit) => (unit.unit_code ? this.access.allows(identity, 'administer', unit.unit_code) : Promise.resolve(false))),
    );
    const allowed = units.filter((_unit, index) => visible[index]);
    const codes = allowed.map((unit) => unit.unit_code as string);
    const total = allowed.reduce((sum, unit) => sum + Number(unit.n), 0);
    const rows: Row[] = codes.length
      ? await this.manager.query(
          `SELECT * FROM "${S}".access_record WHERE ${WHERE} AND unit_code = ANY($4::text[]) ORDER BY recorded_at DESC, event_id OFFSET ${window.offset} LIMIT ${window.limit}`,
          [...parameters, codes],
        )
      : [];
    return {
      total,
      items: rows.map((row) => ({
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
      })),
    };
  }
}
