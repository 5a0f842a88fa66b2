/**
 * PAPI editions as data (FACTS.md; docs/domain/data/papi/README.md): the eight dimensions of the
 * 2018+ index and the sub-dimensions each survey year has. The source numbers sub-dimensions the
 * same way every year (`d.k`), so a code means the same thing across years; 8.3 begins in 2019 and
 * 5.2 ends after 2020. Vietnamese names where FACTS.md gives them, the source's English otherwise.
 */
export interface PapiIndicator {
  readonly code: string;
  readonly name: string;
}

export interface PapiDimension extends PapiIndicator {
  readonly subDimensions: readonly PapiIndicator[];
}

export interface PapiEdition {
  /** First survey year the edition describes; it holds until the next edition's year. */
  readonly fromYear: number;
  readonly dimensions: readonly PapiDimension[];
}

const DIMENSIONS: ReadonlyArray<{ code: string; name: string; subs: ReadonlyArray<[string, string]> }> = [
  {
    code: '1',
    name: 'Tham gia của người dân ở cấp cơ sở',
    subs: [
      ['1.1', 'Tri thức công dân'],
      ['1.2', 'Cơ hội tham gia'],
      ['1.3', 'Chất lượng bầu cử'],
      ['1.4', 'Đóng góp tự nguyện'],
    ],
  },
  {
    code: '2',
    name: 'Công khai, minh bạch trong việc ra quyết định ở địa phương',
    subs: [
      ['2.1', 'Tiếp cận thông tin'],
      ['2.2', 'Công khai danh sách hộ nghèo'],
      ['2.3', 'Công khai thu chi ngân sách cấp xã'],
      ['2.4', 'Quy hoạch, kế hoạch sử dụng đất, giá bồi thường'],
    ],
  },
  {
    code: '3',
    name: 'Trách nhiệm giải trình với người dân',
    subs: [
      ['3.1', 'Interactions With Local Authorities'],
      ['3.2', 'Governments Responsive to Citizen Appeals'],
      ['3.3', 'Access to Justice Services'],
    ],
  },
  {
    code: '4',
    name: 'Kiểm soát tham nhũng trong khu vực công',
    subs: [
      ['4.1', 'Limits on Corruption in Local Governments'],
      ['4.2', 'Limits on Corruption in Service Delivery'],
      ['4.3', 'Equity in State Employment'],
      ['4.4', 'Willingness to Fight Corruption'],
    ],
  },
  {
    code: '5',
    name: 'Thủ tục hành chính công',
    subs: [
      ['5.1', 'Certification Procedures'],
      ['5.2', 'Construction Permits'],
      ['5.3', 'Land Title Procedures'],
      ['5.4', 'Personal Procedures'],
    ],
  },
  {
    code: '6',
    name: 'Cung ứng dịch vụ công',
    subs: [
      ['6.1', 'Y tế công lập'],
      ['6.2', 'Giáo dục tiểu học công lập'],
      ['6.3', 'Cơ sở hạ tầng căn bản'],
      ['6.4', 'An ninh trật tự'],
    ],
  },
  {
    code: '7',
    name: 'Quản trị môi trường',
    subs: [
      ['7.1', 'Environmental Protection'],
      ['7.2', 'Quality of Air'],
      ['7.3', 'Quality of Water'],
    ],
  },
  {
    code: '8',
    name: 'Quản trị điện tử',
    subs: [
      ['8.1', 'Access to E-Government Portals'],
      ['8.2', 'Access to the Internet'],
      ['8.3', 'E-Responsiveness of Provincial Authorities'],
    ],
  },
];

const edition = (fromYear: number, without: readonly string[]): PapiEdition => ({
  fromYear,
  dimensions: DIMENSIONS.map((d) => ({
    code: d.code,
    name: d.name,
    subDimensions: d.subs.filter(([code]) => !without.includes(code)).map(([code, name]) => ({ code, name })),
  })),
});

/** The editions the platform starts with; a province may publish another (Framework of kind PAPI_EDITION). */
export const PAPI_EDITIONS: readonly PapiEdition[] = [edition(2018, ['8.3']), edition(2019, []), edition(2021, ['5.2'])];

export function papiEditionOf(year: number, editions: readonly PapiEdition[] = PAPI_EDITIONS): PapiEdition {
  const sorted = [...editions].sort((a, b) => a.fromYear - b.fromYear);
  return [...sorted].reverse().find((e) => e.fromYear <= year) ?? sorted[0];
}
