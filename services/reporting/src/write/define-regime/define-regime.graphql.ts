import { Args, Field, Float, ID, InputType, Int, Mutation, Resolver } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, AccessControl, CurrentIdentity } from '@reform/auth';
import { DateScalar } from '@reform/subgraph';
import { DeadlineRule } from '../../domain/period/deadlines';
import { CutOffRule, PeriodType } from '../../domain/period/period';
import { RegimeDefinition } from '../../domain/regime/regime';
import { regimeDecider, regimeStreamId, RegimeState } from '../../domain/regime/regime.decider';
import { REPORTING_GRAPHQL_TYPES as T } from '../../graphql-types';
import {
  ConsolidationRuleEnum,
  CutOffRuleKindEnum,
  DeadlineRuleKindEnum,
  ItemTypeEnum,
  PeriodTypeEnum,
  PrefillRuleEnum,
  RegimeKindEnum,
  RegimeType,
  ReportingLevelEnum,
  SelectorLevelEnum,
} from '../../read/reports/report.types';
import { regimeView } from '../../read/regimes/regimes.graphql';
import { ReportingCommands } from '../common/reporting-commands';

@InputType('ReportCutOffInput', { registerIn: T })
class CutOffInput {
  @Field(() => CutOffRuleKindEnum) rule!: CutOffRule['rule'];
  @Field(() => Int, { nullable: true }) day?: number | null;
  @Field(() => DateScalar, { nullable: true }) from?: string | null;
  @Field(() => DateScalar, { nullable: true }) to?: string | null;
}

@InputType('ReportDeadlineInput', { registerIn: T })
class DeadlineInput {
  @Field(() => ReportingLevelEnum) level!: DeadlineRule['level'];
  @Field(() => DeadlineRuleKindEnum) rule!: DeadlineRule['rule'];
  @Field(() => Int, { nullable: true }) days?: number | null;
  @Field(() => Int, { nullable: true }) day?: number | null;
  @Field(() => Int, { nullable: true }) monthsAfter?: number | null;
}

@InputType('ReportSelectorInput', { registerIn: T })
class SelectorInput {
  @Field({ description: 'Như văn bản viết, ví dụ "UBND các xã, thị trấn".' }) text!: string;
  @Field(() => [SelectorLevelEnum], { nullable: true }) levels?: Array<'COMMUNE' | 'DISTRICT'> | null;
  @Field(() => [ID], { nullable: true }) unitCodes?: string[] | null;
}

@InputType('ReportFormSectionInput', { registerIn: T })
class FormSectionInput {
  @Field() code!: string;
  @Field() title!: string;
}

@InputType('ReportItemMeasuresInput', { registerIn: T, description: 'Nhiệm vụ của kế hoạch mà chỉ tiêu báo cáo đo kết quả (so với chỉ tiêu của nhiệm vụ).' })
class MeasuresInput {
  @Field(() => ID) planId!: string;
  @Field(() => ID, { description: 'Mã nhiệm vụ trong kế hoạch: t1, t2...' }) taskId!: string;
}

@InputType('ReportDataItemInput', { registerIn: T })
class DataItemInput {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) unit?: string | null;
  @Field(() => ItemTypeEnum) type!: RegimeDefinition['form']['items'][number]['type'];
  @Field(() => Boolean, { nullable: true }) required?: boolean | null;
  @Field(() => Float, { nullable: true }) min?: number | null;
  @Field(() => Float, { nullable: true }) max?: number | null;
  @Field(() => ConsolidationRuleEnum) rule!: RegimeDefinition['form']['items'][number]['rule'];
  @Field(() => String, { nullable: true }) weightItem?: string | null;
  @Field(() => PrefillRuleEnum, { nullable: true }) prefill?: RegimeDefinition['form']['items'][number]['prefill'];
  @Field(() => MeasuresInput, { nullable: true }) measures?: MeasuresInput | null;
}

@InputType('ReportFormInput', { registerIn: T })
class FormInput {
  @Field(() => [FormSectionInput]) sections!: FormSectionInput[];
  @Field(() => [DataItemInput]) items!: DataItemInput[];
}

@InputType('DefineReportRegimeInput', { registerIn: T })
export class DefineRegimeInput {
  @Field(() => ID) ownerCode!: string;
  @Field() name!: string;
  @Field(() => RegimeKindEnum) kind!: RegimeDefinition['kind'];
  @Field(() => [PeriodTypeEnum]) periodTypes!: PeriodType[];
  @Field(() => CutOffInput, { nullable: true, description: 'Mặc định: thời gian chốt số liệu của Nghị định 09/2019/NĐ-CP.' }) cutOff?: CutOffInput | null;
  @Field(() => [DeadlineInput]) deadlines!: DeadlineInput[];
  @Field(() => Int, { nullable: true, description: 'Số ngày còn được nhập sau hạn trước khi khóa (mặc định 5).' }) lockAfterDays?: number | null;
  @Field(() => SelectorInput) selector!: SelectorInput;
  @Field(() => FormInput) form!: FormInput;
  @Field(() => [ID], { nullable: true }) planIds?: string[] | null;
  @Field(() => String, { nullable: true }) source?: string | null;
}

export function definitionOf(id: string, input: DefineRegimeInput): RegimeDefinition {
  const cutOff: CutOffRule = !input.cutOff
    ? { rule: 'DECREE_09' }
    : input.cutOff.rule === 'FROM_DAY'
      ? { rule: 'FROM_DAY', day: input.cutOff.day ?? 15 }
      : input.cutOff.rule === 'FIXED'
        ? { rule: 'FIXED', from: input.cutOff.from ?? '', to: input.cutOff.to ?? '' }
        : { rule: input.cutOff.rule };
  return {
    id,
    ownerCode: input.ownerCode,
    name: input.name,
    kind: input.kind,
    periodTypes: input.periodTypes,
    cutOff,
    deadlines: input.deadlines.map((d): DeadlineRule =>
      d.rule === 'DAY_OF_MONTH'
        ? { level: d.level, rule: 'DAY_OF_MONTH', day: d.day ?? 0, monthsAfter: d.monthsAfter ?? 0 }
        : { level: d.level, rule: 'WORKING_DAYS_AFTER_CUT_OFF', days: d.days ?? -1 },
    ),
    lockAfterDays: input.lockAfterDays ?? 5,
    selector: { text: input.selector.text, levels: input.selector.levels ?? [], unitCodes: input.selector.unitCodes ?? [] },
    form: {
      sections: input.form.sections.map((s) => ({ code: s.code, title: s.title })),
      items: input.form.items.map((i) => ({
        code: i.code,
        name: i.name,
        unit: i.unit ?? null,
        type: i.type,
        required: i.required ?? false,
        min: i.min ?? null,
        max: i.max ?? null,
        rule: i.rule,
        weightItem: i.weightItem ?? null,
        prefill: i.prefill ?? null,
        measures: i.measures ? { planId: i.measures.planId, taskId: i.measures.taskId } : null,
      })),
    },
    planIds: input.planIds ?? [],
    source: input.source ?? null,
  };
}

@Resolver(() => RegimeType)
export class DefineRegimeResolver {
  constructor(
    private readonly commands: ReportingCommands,
    private readonly access: AccessControl,
  ) {}

  @AccessCheckedInResolver('manage')
  @Mutation(() => RegimeType, { description: 'Ban hành một chế độ báo cáo (đơn vị chủ quản: quản lý đơn vị đó).' })
  async defineReportRegime(@Args('input') input: DefineRegimeInput, @CurrentIdentity() identity: Identity): Promise<RegimeType> {
    await this.access.assert(identity, 'manage', input.ownerCode);
    const id = randomUUID();
    const handled = await this.commands.execute(
      regimeDecider,
      regimeStreamId(id),
      { type: 'DefineRegime', data: { definition: definitionOf(id, input), on: this.commands.today() } },
      await this.commands.metadataFor(identity, input.ownerCode),
    );
    return regimeView(handled.state as Exclude<RegimeState, { status: 'NONE' }>);
  }
}
