import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PLATFORM_FRAMEWORKS } from '../../domain/framework/platform-frameworks';
import { FrameworkPublisher } from '../../write/load-framework/load-framework.graphql';

/**
 * The platform's own frameworks (PAPI editions, the frameworks plans cite without itemised
 * criteria) are published by the scoring service whenever it starts, in every mode (ADR 0034):
 * the plans service holds no catalogue of its own and copies what this publishes. Identical
 * content records nothing, so a restart or a second instance adds no version; a changed
 * definition in a release becomes the next version.
 */
@Injectable()
export class PublishPlatformFrameworks implements OnApplicationBootstrap {
  private readonly logger = new Logger('Frameworks');

  constructor(private readonly publisher: FrameworkPublisher) {}

  async onApplicationBootstrap(): Promise<void> {
    const published = [];
    for (const definition of PLATFORM_FRAMEWORKS) published.push(await this.publisher.publishAsSystem(definition));
    this.logger.log(`Platform frameworks published: ${published.map((f) => `${f.code} v${f.version}`).join(', ')}`);
  }
}
