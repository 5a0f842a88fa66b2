import { Args, Field, ID, Int, ObjectType, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { actorView, DateTimeScalar, HistoryActorView, JSONScalar, Page, pageOf, pageType, pageWindow, refuseSilentCut, windowOf } from '@reform/subgraph';
import { TASKS_GRAPHQL_TYPES } from '../../graphql-types';
import { HistoryActorType, UnitRef } from '../assignments/assignment.types';
import { TimelineEntry } from './task-timeline';
import { exportTimeline, TimelineExport, TimelineExportFormat } from './timeline-export';
import { TaskTimelineQuery } from './task-timeline.query';

const TimelineExportFormatEnum = { CSV: 'CSV', JSON: 'JSON' } as const;
registerEnumType(TimelineExportFormatEnum, {
  registerIn: TASKS_GRAPHQL_TYPES,
  name: 'TimelineExportFormat',
  description: 'CSV (UTF-8, mở được bằng Excel) hoặc JSON.',
});

@ObjectType('TimelineEntry', { registerIn: TASKS_GRAPHQL_TYPES, description: 'Một sự kiện trong dòng thời gian của một nhiệm vụ, ở bất kỳ dịch vụ nào.' })
export class TimelineEntryType {
  @Field(() => DateTimeScalar, { description: 'Thời điểm ghi nhận.' }) at!: Date;
  @Field({ description: 'Dịch vụ lưu sự kiện: plans (kế hoạch), tasks (giao nhiệm vụ) hoặc reporting (báo cáo dẫn nhiệm vụ).' }) service!: string;
  @Field() stream!: string;
  @Field(() => Int) version!: number;
  @Field(() => ID) eventId!: string;
  @Field() type!: string;
  @Field({ description: 'Chuỗi công việc mà sự kiện thuộc về (lần ban hành hoặc điều chỉnh đã giao nhiệm vụ).' }) correlationId!: string;
  @Field(() => ID, { nullable: true, description: 'Sự kiện dẫn đến sự kiện này (eventId của một mục trước đó).' }) causationId!: string | null;
  @Field(() => HistoryActorType) actor!: HistoryActorView;
  @Field(() => ID, { nullable: true }) assignmentId!: string | null;
  @Field(() => UnitRef, { nullable: true, description: 'Đơn vị nhận nhiệm vụ (trống với sự kiện của kế hoạch).' }) unit!: UnitRef | null;
  @Field({ description: 'Diễn giải.' }) summary!: string;
  @Field(() => JSONScalar) data!: unknown;
}

@ObjectType('TimelineExport', { registerIn: TASKS_GRAPHQL_TYPES, description: 'Dòng thời gian xuất ra tệp.' })
export class TimelineExportType {
  @Field() fileName!: string;
  @Field() contentType!: string;
  @Field({ description: 'Nội dung tệp (CSV có BOM UTF-8, hoặc JSON).' }) content!: string;
  @Field(() => Int) entries!: number;
}

/** The most entries one answer of a timeline holds; more are paged (API.md). */
export const TIMELINE_PAGE_MAX = 2_000;

export const TimelinePageType = pageType<TimelineEntryType>('TimelinePage', () => TimelineEntryType, {
  registerIn: TASKS_GRAPHQL_TYPES,
  description: 'Một trang của dòng thời gian: các mục, tổng số, còn trang sau hay không.',
});

const view = (entry: TimelineEntry): TimelineEntryType => ({ ...entry, actor: actorView(entry.actor), unit: entry.unitCode ? { code: entry.unitCode } : null });

/** `taskTimeline` of API.md, and its export. */
@Resolver()
export class TaskTimelineResolver {
  constructor(private readonly query: TaskTimelineQuery) {}

  @AccessCheckedInResolver('read-history')
  @Query(() => [TimelineEntryType], {
    description:
      'Dòng thời gian của một nhiệm vụ: ban hành, điều chỉnh kế hoạch, giao cho từng đơn vị, tiếp nhận, báo cáo tiến độ, hoàn thành, các báo cáo định kỳ dẫn nhiệm vụ (gửi, trả lại, chấp nhận); theo thứ tự thời gian. Với unitCode: chỉ phần của đơn vị đó.',
  })
  async taskTimeline(
    @Args('planId', { type: () => ID }) planId: string,
    @Args('taskId', { type: () => ID }) taskId: string,
    @CurrentIdentity() identity: Identity,
    @Args('unitCode', { type: () => ID, nullable: true }) unitCode?: string | null,
    @Args('offset', { type: () => Int, nullable: true, description: 'Số mục bỏ qua từ đầu (mặc định 0).' }) offset?: number | null,
    @Args('limit', { type: () => Int, nullable: true, description: `Số mục tối đa trả về (1–${TIMELINE_PAGE_MAX}).` }) limit?: number | null,
  ): Promise<TimelineEntryType[]> {
    const window = pageWindow({ offset, limit }, TIMELINE_PAGE_MAX);
    const all = await this.query.timeline(identity, planId, taskId, unitCode);
    refuseSilentCut(all.length, window, 'mục', 'taskTimelinePage');
    return windowOf(all, window).map(view);
  }

  @AccessCheckedInResolver('read-history')
  @Query(() => TimelinePageType, { description: `Như taskTimeline, theo trang (tối đa ${TIMELINE_PAGE_MAX} mục), có tổng số.` })
  async taskTimelinePage(
    @Args('planId', { type: () => ID }) planId: string,
    @Args('taskId', { type: () => ID }) taskId: string,
    @CurrentIdentity() identity: Identity,
    @Args('unitCode', { type: () => ID, nullable: true }) unitCode?: string | null,
    @Args('offset', { type: () => Int, nullable: true, description: 'Số mục bỏ qua từ đầu (mặc định 0).' }) offset?: number | null,
    @Args('limit', { type: () => Int, nullable: true, description: `Số mục của trang (1–${TIMELINE_PAGE_MAX}; mặc định ${TIMELINE_PAGE_MAX}).` })
    limit?: number | null,
  ): Promise<Page<TimelineEntryType>> {
    const window = pageWindow({ offset, limit }, TIMELINE_PAGE_MAX);
    const all = await this.query.timeline(identity, planId, taskId, unitCode);
    return pageOf(windowOf(all, window).map(view), all.length, window);
  }

  @AccessCheckedInResolver('read-history')
  @Query(() => TimelineExportType, { description: 'Xuất toàn bộ dòng thời gian của một nhiệm vụ ra CSV hoặc JSON (một tệp, không chia trang).' })
  async taskTimelineExport(
    @Args('planId', { type: () => ID }) planId: string,
    @Args('taskId', { type: () => ID }) taskId: string,
    @CurrentIdentity() identity: Identity,
    @Args('format', { type: () => TimelineExportFormatEnum, nullable: true, defaultValue: 'CSV' }) format: TimelineExportFormat,
    @Args('unitCode', { type: () => ID, nullable: true }) unitCode?: string | null,
  ): Promise<TimelineExport> {
    return exportTimeline({ planId, taskId, unitCode }, await this.query.timeline(identity, planId, taskId, unitCode), format);
  }
}
