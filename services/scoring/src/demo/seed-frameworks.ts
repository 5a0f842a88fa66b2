import { INestApplication } from '@nestjs/common';
import { PLATFORM_FRAMEWORKS } from '../domain/framework/platform-frameworks';
import { FrameworkPublisher } from '../write/load-framework/load-framework.graphql';
import { DEMO_INDEX_SET } from './demo-index-set';

/**
 * The frameworks the platform knows (PAPI editions, the frameworks plans cite; the service itself
 * publishes them at start) and, for the demo, the illustrative Quảng Điền set; idempotent (same
 * content, no new version). The embedded platform runs it at every start and waits until the plans
 * service's copy holds what scoring published (ADR 0034).
 */
export async function seedFrameworks(app: INestApplication, options: { demoIndexSet: boolean }): Promise<{ frameworks: string[] }> {
  const publisher = app.get(FrameworkPublisher);
  const published = [];
  for (const definition of PLATFORM_FRAMEWORKS) published.push(await publisher.publishAsSystem(definition));
  if (options.demoIndexSet) published.push(await publisher.publishAsSystem(DEMO_INDEX_SET));
  return { frameworks: published.map((f) => `${f.code} v${f.version}`) };
}
