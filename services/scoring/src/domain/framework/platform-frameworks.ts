import { PAPI_EDITIONS } from '../papi/papi-edition';
import { FrameworkDefinition } from './framework.decider';

/**
 * The frameworks the platform starts with, published by the scoring service at every start
 * (automation/when-service-starts-then-publish-platform-frameworks; same content, no new version) and replicated to the plans service (ADR 0034): PAPI with its
 * editions, and the frameworks a plan may cite whose criteria are each province's own data (the
 * PAR index as a family, SIPAS, ICT INDEX, DDCI, other). A province's PAR index set is loaded
 * as data (from Excel), never added here.
 */
export const PLATFORM_FRAMEWORKS: readonly FrameworkDefinition[] = [
  { kind: 'PAPI_EDITION', code: 'PAPI', name: 'Chỉ số Hiệu quả Quản trị và Hành chính công cấp tỉnh (PAPI)', editions: PAPI_EDITIONS },
  { kind: 'LISTED', code: 'PAR_INDEX', name: 'Chỉ số cải cách hành chính (PAR INDEX)' },
  { kind: 'LISTED', code: 'SIPAS', name: 'Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)' },
  { kind: 'LISTED', code: 'ICT_INDEX', name: 'Chỉ số ứng dụng công nghệ thông tin (ICT INDEX)' },
  { kind: 'LISTED', code: 'DDCI', name: 'Chỉ số năng lực cạnh tranh cấp sở, ban, ngành và địa phương (DDCI)' },
  { kind: 'LISTED', code: 'OTHER', name: 'Khác' },
];
