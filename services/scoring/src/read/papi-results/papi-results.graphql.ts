import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { SignedIn } from '@reform/auth';
import { PapiReadModel } from './papi-read-model';
import { PapiProvinceResultType, PapiYearType } from './papi.types';

/** PAPI results are published national data: any signed-in user reads them. */
@Resolver(() => PapiProvinceResultType)
export class PapiResultsResolver {
  constructor(private readonly papi: PapiReadModel) {}

  @SignedIn()
  @Query(() => [PapiProvinceResultType], {
    description: 'Kết quả PAPI các tỉnh trong một năm: điểm, thứ hạng, nhóm theo từng chỉ số nội dung và tổng, thay đổi so với năm trước.',
  })
  papiResults(@Args('year', { type: () => Int }) year: number): Promise<PapiProvinceResultType[]> {
    return this.papi.results(year);
  }

  @SignedIn()
  @Query(() => [PapiProvinceResultType], { description: 'Hồ sơ PAPI của một tỉnh qua các năm đã nhập.' })
  papiProfile(@Args('provinceCode', { type: () => ID }) provinceCode: string): Promise<PapiProvinceResultType[]> {
    return this.papi.profile(provinceCode);
  }

  @SignedIn()
  @Query(() => [PapiYearType], { description: 'Các năm PAPI đã nhập.' })
  papiYears(): Promise<PapiYearType[]> {
    return this.papi.years();
  }
}
