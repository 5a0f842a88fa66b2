import { FrameworkVersionPublishedV1 } from '../scoring/framework-events';

const papi = (code: string, name: string) => ({ code, name });

/**
 * A framework catalogue for tests of a service that replicates the scoring service's (the plans
 * service, ADR 0034), as scoring publishes it: PAPI's 2019 edition for every year, and the
 * frameworks plans cite without itemised criteria. Test data, not the platform's catalogue (that
 * is the scoring service's PLATFORM_FRAMEWORKS, published at every start).
 */
export const TEST_FRAMEWORKS: readonly FrameworkVersionPublishedV1[] = [
  {
    code: 'PAPI',
    version: 1,
    kind: 'PAPI_EDITION',
    name: 'Chỉ số Hiệu quả Quản trị và Hành chính công cấp tỉnh (PAPI)',
    editions: [
      {
        fromYear: 2018,
        indicators: [
          papi('1', 'Tham gia của người dân ở cấp cơ sở'),
          papi('1.1', 'Tri thức công dân'),
          papi('1.2', 'Cơ hội tham gia'),
          papi('1.3', 'Chất lượng bầu cử'),
          papi('1.4', 'Đóng góp tự nguyện'),
          papi('2', 'Công khai, minh bạch trong việc ra quyết định ở địa phương'),
          papi('2.1', 'Tiếp cận thông tin'),
          papi('2.2', 'Công khai danh sách hộ nghèo'),
          papi('2.3', 'Công khai thu chi ngân sách cấp xã'),
          papi('2.4', 'Quy hoạch, kế hoạch sử dụng đất, giá bồi thường'),
          papi('3', 'Trách nhiệm giải trình với người dân'),
          papi('3.1', 'Interactions With Local Authorities'),
          papi('3.2', 'Governments Responsive to Citizen Appeals'),
          papi('3.3', 'Access to Justice Services'),
          papi('4', 'Kiểm soát tham nhũng trong khu vực công'),
          papi('4.1', 'Limits on Corruption in Local Governments'),
          papi('4.2', 'Limits on Corruption in Service Delivery'),
          papi('4.3', 'Equity in State Employment'),
          papi('4.4', 'Willingness to Fight Corruption'),
          papi('5', 'Thủ tục hành chính công'),
          papi('5.1', 'Certification Procedures'),
          papi('5.2', 'Construction Permits'),
          papi('5.3', 'Land Title Procedures'),
          papi('5.4', 'Personal Procedures'),
          papi('6', 'Cung ứng dịch vụ công'),
          papi('6.1', 'Y tế công lập'),
          papi('6.2', 'Giáo dục tiểu học công lập'),
          papi('6.3', 'Cơ sở hạ tầng căn bản'),
          papi('6.4', 'An ninh trật tự'),
          papi('7', 'Quản trị môi trường'),
          papi('7.1', 'Environmental Protection'),
          papi('7.2', 'Quality of Air'),
          papi('7.3', 'Quality of Water'),
          papi('8', 'Quản trị điện tử'),
          papi('8.1', 'Access to E-Government Portals'),
          papi('8.2', 'Access to the Internet'),
          papi('8.3', 'E-Responsiveness of Provincial Authorities'),
        ],
      },
    ],
    issuerCode: null,
    publishedOn: '2026-01-01',
  },
  ...(
    [
      ['PAR_INDEX', 'Chỉ số cải cách hành chính (PAR INDEX)'],
      ['SIPAS', 'Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)'],
      ['ICT_INDEX', 'Chỉ số ứng dụng công nghệ thông tin (ICT INDEX)'],
      ['DDCI', 'Chỉ số năng lực cạnh tranh cấp sở, ban, ngành và địa phương (DDCI)'],
      ['OTHER', 'Khác'],
    ] as const
  ).map(([code, name]) => ({ code, version: 1, kind: 'LISTED' as const, name, editions: [], issuerCode: null, publishedOn: '2026-01-01' })),
];
