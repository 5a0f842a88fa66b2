import { INestApplication } from '@nestjs/common';
import { PAPI_EDITIONS } from '../domain/papi/papi-edition';
import { FrameworkPublisher } from '../write/load-framework/load-framework.graphql';
import { DEMO_INDEX_SET } from './demo-index-set';

/** The PAPI editions the platform knows (framework PAPI) and the demo's illustrative Quảng Điền set; idempotent (same content, no new version). */
export async function seedFrameworks(app: INestApplication, options: { demoIndexSet: boolean }): Promise<{ frameworks: string[] }> {
  const publisher = app.get(FrameworkPublisher);
  const published = [await publisher.publishAsSystem({ kind: 'PAPI_EDITION', code: 'PAPI', name: 'Chỉ số Hiệu quả Quản trị và Hành chính công cấp tỉnh (PAPI)', editions: PAPI_EDITIONS })];
  if (options.demoIndexSet) published.push(await publisher.publishAsSystem(DEMO_INDEX_SET));
  return { frameworks: published.map((f) => `${f.code} v${f.version}`) };
}
