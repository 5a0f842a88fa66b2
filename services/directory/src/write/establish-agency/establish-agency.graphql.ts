import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessToUnitArgument, CurrentIdentity } from '@reform/auth';
import { todayOf } from '@reform/clock';
import { DomainError } from '@reform/decider';
import { DateScalar } from '@reform/subgraph';
import { unitDecider, unitStreamId } from '../../domain/unit/unit.decider';
import { UnitType } from '../../read/units/unit.graphql';
import { UnitView } from '../../read/units/unit-directory';
import { UnitMutationResolver } from '../common/unit-mutation.resolver';

/**
 * A province's own bodies without a release: its administrator adds an agency (a Sở, a Ban, a
 * mass organisation, a commune's Ban Thanh tra nhân dân...) under a unit it administers, gives
 * it the names officials write ("Sở LĐ-TB&XH", write/set-unit-aliases), and closes it from a day
 * (write/close-agency). Each is an event of the agency's Unit stream, published to the other
 * services' copies of the hierarchy, so the plans service resolves the new body in the next plan
 * it issues. Renaming is `renameUnit`.
 */
@Resolver(() => UnitType)
export class EstablishAgencyResolver extends UnitMutationResolver {
  @AccessToUnitArgument('administer', 'parentCode')
  @Mutation(() => UnitType, { description: 'Thêm cơ quan, đơn vị trực thuộc (mã <mã đơn vị>.<VIẾT TẮT>) có hiệu lực từ một ngày (quản trị của tỉnh).' })
  async establishAgency(
    @Args('parentCode', { type: () => ID, description: 'Đơn vị mà cơ quan trực thuộc (tỉnh, huyện, xã).' }) parentCode: string,
    @Args('abbreviation', { description: 'Viết tắt trong mã, chữ in hoa và số: "SDL" cho Sở Du lịch.' }) abbreviation: string,
    @Args('name') name: string,
    @Args('kind', { description: 'Loại cơ quan: Sở, Ban, Phòng, Bộ phận, Đoàn thể, Công an...' }) kind: string,
    @Args('validFrom', { type: () => DateScalar, description: 'Ngày bắt đầu hoạt động.' }) validFrom: string,
    @CurrentIdentity() identity: Identity,
    @Args('aliases', { type: () => [String], nullable: true, description: 'Các tên gọi khác, viết tắt.' }) aliases?: string[] | null,
  ): Promise<UnitView | null> {
    const today = todayOf(this.clock);
    const parent = await this.units.unit(parentCode, validFrom, today);
    if (!parent)
      throw new DomainError('UNIT.PARENT_NOT_FOUND', `Đơn vị cấp trên "${parentCode}" không tồn tại vào ngày ${validFrom}.`, { field: 'parentCode' });
    if (parent.level === 'AGENCY')
      throw new DomainError('UNIT.INVALID_PARENT', 'Cơ quan chỉ trực thuộc một đơn vị hành chính (tỉnh, huyện, xã).', { field: 'parentCode' });
    if (!/^[A-Z0-9_-]{1,20}$/.test(abbreviation))
      throw new DomainError('UNIT.INVALID_CODE', `Viết tắt "${abbreviation}" chỉ gồm chữ in hoa không dấu, số, "-" hoặc "_" (tối đa 20 ký tự).`, {
        field: 'abbreviation',
      });
    if (!kind.trim()) throw new DomainError('UNIT.KIND_REQUIRED', 'Cần loại cơ quan.', { field: 'kind' });
    const code = `${parentCode}.${abbreviation}`;
    const data = {
      code,
      name,
      type: kind.trim(),
      level: 'AGENCY' as const,
      kind: kind.trim(),
      parentCode,
      validFrom,
      parentExists: true,
      aliases: aliases ?? [],
    };
    await this.commands.execute(unitDecider, unitStreamId(code), { type: 'EstablishUnit', data }, await this.commands.metadataFor(identity, parentCode));
    return this.units.unit(code, null, today);
  }
}
