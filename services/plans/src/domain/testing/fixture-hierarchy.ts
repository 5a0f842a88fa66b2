import type { UnitLevel, UnitView } from '@reform/unit-hierarchy';
import { placeOf, STANDARD_BODIES } from '@reform/unit-hierarchy';
import { IssuerNeighbourhood } from '../unit-references';

/**
 * A small hierarchy for the domain's tests, named as the directory's demo names its offices
 * (services/directory/src/demo/seed-demo.ts): province 49 with Sở Nội vụ; district 513 (Thăng
 * Bình) with its offices, two communes and a town; district 514 beside it.
 */
const DAY = '2021-06-01';
const unit = (code: string, name: string, level: UnitLevel, parentCode: string | null, kind: string | null = null, type?: string): UnitView => ({
  code,
  name,
  level,
  kind,
  type: type ?? (level === 'AGENCY' ? (kind as string) : { PROVINCE: 'Tỉnh', DISTRICT: 'Huyện', COMMUNE: 'Xã' }[level]),
  parentCode,
  validFrom: null,
  validTo: null,
  mergedInto: null,
  dissolved: false,
  aliases: [],
  successors: [],
  day: DAY,
});

const D = '513';
const office = (abbr: string, kind: string, name: string) => unit(`${D}.${abbr}`, name, 'AGENCY', D, kind);

export const PROVINCE = unit('49', 'Tỉnh Quảng Nam', 'PROVINCE', null);
export const DISTRICT = unit(D, 'Huyện Thăng Bình', 'DISTRICT', '49');
export const OTHER_DISTRICT = unit('514', 'Huyện Tiên Phước', 'DISTRICT', '49');

export const PROVINCE_AGENCIES = [
  unit('49.SNV', 'Sở Nội vụ', 'AGENCY', '49', 'Sở'),
  unit('49.STP', 'Sở Tư pháp', 'AGENCY', '49', 'Sở'),
  unit('49.VP', 'Văn phòng UBND tỉnh Quảng Nam', 'AGENCY', '49', 'Văn phòng'),
  unit('49.CA', 'Công an tỉnh Quảng Nam', 'AGENCY', '49', 'Công an'),
];

export const DISTRICT_OFFICES = [
  office('VP', 'Văn phòng', 'Văn phòng HĐND và UBND huyện Thăng Bình'),
  office('MC', 'Bộ phận', 'Bộ phận Tiếp nhận và Trả kết quả huyện Thăng Bình'),
  office('PNV', 'Phòng', 'Phòng Nội vụ'),
  office('PTP', 'Phòng', 'Phòng Tư pháp'),
  office('PTCKH', 'Phòng', 'Phòng Tài chính - Kế hoạch'),
  office('PVHTT', 'Phòng', 'Phòng Văn hóa và Thông tin'),
  office('PTNMT', 'Phòng', 'Phòng Tài nguyên và Môi trường'),
  office('PGDDT', 'Phòng', 'Phòng Giáo dục và Đào tạo'),
  office('PYT', 'Phòng', 'Phòng Y tế'),
  office('PLDTBXH', 'Phòng', 'Phòng Lao động - Thương binh và Xã hội'),
  office('PKTHT', 'Phòng', 'Phòng Kinh tế và Hạ tầng'),
  office('PNNPTNT', 'Phòng', 'Phòng Nông nghiệp và Phát triển nông thôn'),
  office('TTR', 'Thanh tra', 'Thanh tra huyện Thăng Bình'),
  office('CA', 'Công an', 'Công an huyện Thăng Bình'),
  office('MTTQ', 'UBMTTQ', 'Ủy ban MTTQ Việt Nam huyện Thăng Bình'),
  office('BHXH', 'Bảo hiểm xã hội', 'Bảo hiểm xã hội huyện Thăng Bình'),
];

export const COMMUNES = [
  unit('20794', 'Thị trấn Hà Lam', 'COMMUNE', D, null, 'Thị trấn'),
  unit('20797', 'Xã Bình Dương', 'COMMUNE', D),
  unit('20800', 'Xã Bình Giang', 'COMMUNE', D),
];

export const COMMUNE_AGENCIES = [
  unit('20794.CA', 'Công an thị trấn Hà Lam', 'AGENCY', '20794', 'Công an'),
  unit('20797.CA', 'Công an xã Bình Dương', 'AGENCY', '20797', 'Công an'),
  unit('20797.VPTK', 'Bộ phận Văn phòng - Thống kê', 'AGENCY', '20797', 'Bộ phận'),
];

export const OTHER_DISTRICT_UNITS = [
  unit('20833', 'Thị trấn Tiên Kỳ', 'COMMUNE', '514', null, 'Thị trấn'),
  unit('514.PNV', 'Phòng Nội vụ', 'AGENCY', '514', 'Phòng'),
];

/** District 513's neighbourhood on the issue day. */
export function districtNeighbourhood(named: UnitView[] = []): IssuerNeighbourhood {
  return { issuer: DISTRICT, subtree: [...DISTRICT_OFFICES, ...COMMUNES, ...COMMUNE_AGENCIES], ancestors: [PROVINCE], aboveAgencies: PROVINCE_AGENCIES, named };
}

/** Province 49's neighbourhood. */
export function provinceNeighbourhood(): IssuerNeighbourhood {
  return {
    issuer: PROVINCE,
    subtree: [...PROVINCE_AGENCIES, DISTRICT, OTHER_DISTRICT, ...DISTRICT_OFFICES, ...COMMUNES, ...COMMUNE_AGENCIES, ...OTHER_DISTRICT_UNITS],
    ancestors: [],
    aboveAgencies: [],
    named: [],
  };
}

/**
 * A province built from the directory demo's catalogue of bodies (libs/unit-hierarchy's
 * STANDARD_BODIES, aliases included): Quảng Nam (49) with its departments and bodies, districts
 * 513 (Thăng Bình: communes 20794, 20797) and 519 (Nông Sơn: commune 20656), every unit with its
 * standard bodies. `issuerCode` picks the issuer; its subtree, ancestors and their agencies follow.
 */
export function standardNeighbourhood(issuerCode: string): IssuerNeighbourhood {
  const territorial = [
    unit('49', 'Tỉnh Quảng Nam', 'PROVINCE', null),
    unit('513', 'Huyện Thăng Bình', 'DISTRICT', '49'),
    unit('519', 'Huyện Nông Sơn', 'DISTRICT', '49'),
    unit('20794', 'Thị trấn Hà Lam', 'COMMUNE', '513', null, 'Thị trấn'),
    unit('20797', 'Xã Bình Dương', 'COMMUNE', '513'),
    unit('20656', 'Xã Quế Trung', 'COMMUNE', '519'),
  ];
  const bodies = territorial.flatMap((owner) =>
    STANDARD_BODIES[owner.level as 'PROVINCE' | 'DISTRICT' | 'COMMUNE'].map((b) => ({
      ...unit(`${owner.code}.${b.abbreviation}`, b.name(placeOf(owner)), 'AGENCY', owner.code, b.kind),
      aliases: [...b.aliases],
    })),
  );
  const all = [...territorial, ...bodies];
  const byCode = new Map(all.map((u) => [u.code, u]));
  const issuer = byCode.get(issuerCode) ?? null;
  const chain: UnitView[] = [];
  for (let at = issuer?.parentCode ? byCode.get(issuer.parentCode) : undefined; at; at = at.parentCode ? byCode.get(at.parentCode) : undefined) chain.push(at);
  const isBelow = (u: UnitView): boolean => {
    for (let p = u.parentCode; p; p = byCode.get(p)?.parentCode ?? null) if (p === issuerCode) return true;
    return false;
  };
  return {
    issuer,
    subtree: all.filter(isBelow),
    ancestors: chain,
    aboveAgencies: all.filter((u) => u.level === 'AGENCY' && chain.some((a) => a.code === u.parentCode)),
    named: [],
  };
}
