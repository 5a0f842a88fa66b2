import { Args, Field, Float, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '@reform/auth';
import { DomainError } from '@reform/decider';
import { TASKS_GRAPHQL_TYPES } from '../../graphql-types';
import { TASKS_SCHEMA as S } from '../../schema';

/** A plan's aggregate progress for the public page: counts only, no unit's or person's name. */
@ObjectType('PublicPlanProgress', { registerIn: TASKS_GRAPHQL_TYPES, description: 'Tiến độ tổng hợp của một kế hoạch, công khai (chỉ số liệu tổng hợp).' })
export class PublicPlanProgressType {
  @Field(() => ID) planId!: string;
  @Field(() => Int, { description: 'Số nhiệm vụ được giao (không tính đã hủy).' }) total!: number;
  @Field(() => Int) completed!: number;
  @Field(() => Int) overdue!: number;
  @Field(() => Float, { description: 'Hoàn thành / tổng, theo phần trăm.' }) percentComplete!: number;
}

const MAX_PLANS = 500;

@Resolver(() => PublicPlanProgressType)
export class PublicProgressResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Public()
  @Query(() => [PublicPlanProgressType], { description: 'Tiến độ tổng hợp của các kế hoạch đã ban hành (không cần đăng nhập); tối đa 500 kế hoạch.' })
  async publicPlanProgress(@Args('planIds', { type: () => [ID] }) planIds: string[]): Promise<PublicPlanProgressType[]> {
    if (planIds.length > MAX_PLANS) throw new DomainError('PUBLIC.TOO_MANY_PLANS', `Chỉ hỏi được tối đa ${MAX_PLANS} kế hoạch một lần.`, { field: 'planIds' });
    const rows: Array<{ plan_id: string; total: string; completed: string; overdue: string }> = await this.dataSource.query(
      `SELECT plan_id, count(*) FILTER (WHERE status <> 'CANCELLED') AS total, count(*) FILTER (WHERE status = 'COMPLETED') AS completed,
              count(*) FILTER (WHERE overdue AND status NOT IN ('COMPLETED', 'CANCELLED')) AS overdue
       FROM "${S}".assignments WHERE kind = 'TASK' AND plan_id::text = ANY($1::text[]) GROUP BY plan_id`,
      [planIds],
    );
    return rows.map((row) => {
      const total = Number(row.total);
      const completed = Number(row.completed);
      return { planId: row.plan_id, total, completed, overdue: Number(row.overdue), percentComplete: total ? Math.round((completed / total) * 1000) / 10 : 0 };
    });
  }
}
