import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, AccessControl, CurrentIdentity, forbidden } from '@reform/auth';
import { CycleFacts } from '../../domain/cycle/cycle.decider';
import { RegimeDefinition } from '../../domain/regime/regime';
import { REPORTING_SCHEMA as S } from '../../schema';
import { CycleType, RegimeType } from '../reports/report.types';

export const regimeView = (regime: RegimeDefinition & { definedOn: string }): RegimeType => ({
  ...regime,
  periodTypes: [...regime.periodTypes],
  cutOff: { ...regime.cutOff },
  deadlines: regime.deadlines.map((d) => ({ ...d })),
  selector: { text: regime.selector.text, levels: [...regime.selector.levels], unitCodes: [...regime.selector.unitCodes] },
  form: { sections: regime.form.sections.map((s) => ({ ...s })), items: regime.form.items.map((i) => ({ ...i })) },
  planIds: [...regime.planIds],
  fromPlan: regime.fromPlan ? { ...regime.fromPlan } : null,
});

export const cycleView = (cycle: CycleFacts): CycleType => ({
  regimeId: cycle.regimeId,
  period: cycle.period,
  cutOffFrom: cycle.cutOff.from,
  cutOffTo: cycle.cutOff.to,
  deadlines: cycle.deadlines.map((d) => ({ ...d })),
  expected: cycle.units.length,
  openedOn: cycle.openedOn,
});

/** `reportRegimes` and `reportRegime` of API.md: regimes are the owner's tenant data. */
@Resolver(() => RegimeType)
export class RegimesResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessControl,
  ) {}

  @AccessCheckedInResolver('read')
  @Query(() => [RegimeType], { description: 'Các chế độ báo cáo của một đơn vị (hoặc mọi chế độ mà người dùng được xem).' })
  async reportRegimes(
    @CurrentIdentity() identity: Identity,
    @Args('ownerCode', { type: () => ID, nullable: true }) ownerCode?: string | null,
  ): Promise<RegimeType[]> {
    if (ownerCode) await this.access.assert(identity, 'read', ownerCode);
    const rows: Array<{ state: RegimeDefinition & { definedOn: string } }> = await this.dataSource.query(
      `SELECT state FROM "${S}".regimes WHERE ($1::text IS NULL OR owner_code = $1) ORDER BY name, id LIMIT 500`,
      [ownerCode ?? null],
    );
    const out: RegimeType[] = [];
    for (const row of rows) if (await this.access.allows(identity, 'read', row.state.ownerCode)) out.push(regimeView(row.state));
    return out;
  }

  @AccessCheckedInResolver('read')
  @Query(() => RegimeType, { nullable: true })
  async reportRegime(@Args('id', { type: () => ID }) id: string, @CurrentIdentity() identity: Identity): Promise<RegimeType> {
    const [row]: Array<{ state: RegimeDefinition & { definedOn: string } }> = await this.dataSource.query(`SELECT state FROM "${S}".regimes WHERE id = $1`, [
      id,
    ]);
    if (!row) throw forbidden();
    await this.access.assert(identity, 'read', row.state.ownerCode);
    return regimeView(row.state);
  }

  @AccessCheckedInResolver('read')
  @ResolveField(() => [CycleType], { description: 'Các kỳ đã mở.' })
  async periods(@Parent() regime: RegimeType): Promise<CycleType[]> {
    const rows: Array<{ state: CycleFacts }> = await this.dataSource.query(
      `SELECT state FROM "${S}".cycles WHERE regime_id = $1 ORDER BY opened_on DESC, period DESC LIMIT 100`,
      [regime.id],
    );
    return rows.map((row) => cycleView(row.state));
  }
}
