import { INestApplication } from '@nestjs/common';
import { createServiceApp, ServiceAppOptions } from '@reform/subgraph';
import { ReportingModule, ReportingOptions } from './reporting.module';
import { reportingReadModels } from './read/read-models';

export interface ReportingAppOptions extends ReportingOptions, ServiceAppOptions {}

/** Boots the reporting subgraph on `port` (embedded launcher, distributed main, tests). */
export function createReportingApp(options: ReportingAppOptions): Promise<INestApplication> {
  return createServiceApp(ReportingModule.forRoot(options), reportingReadModels, options);
}
