import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { SignedIn } from '@reform/auth';
import { FrameworkCatalogue } from './framework-catalogue';
import { FrameworkType } from './framework.types';

/** Frameworks are the rules everyone is scored by: any signed-in user reads them. */
@Resolver(() => FrameworkType)
export class FrameworksResolver {
  constructor(private readonly catalogue: FrameworkCatalogue) {}

  @SignedIn()
  @Query(() => [FrameworkType], { description: 'Các bộ chỉ số CCHC và phiên bản PAPI đã công bố (mặc định: phiên bản mới nhất của mỗi bộ).' })
  frameworks(@Args('allVersions', { type: () => Boolean, nullable: true }) allVersions?: boolean | null): Promise<FrameworkType[]> {
    return this.catalogue.all(!allVersions);
  }

  @SignedIn()
  @Query(() => FrameworkType, { nullable: true })
  framework(
    @Args('code', { type: () => ID }) code: string,
    @Args('version', { type: () => Int, nullable: true }) version?: number | null,
  ): Promise<FrameworkType | null> {
    return this.catalogue.one(code, version);
  }
}
