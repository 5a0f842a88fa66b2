import type { UnitView } from '@reform/unit-hierarchy';
import { CellRole, IssuerNeighbourhood, resolveCell, splitCell } from './unit-references';
import { districtNeighbourhood, provinceNeighbourhood } from './testing/fixture-hierarchy';

const COMMUNES = ['20794', '20797', '20800'];
const OFFICES = [
  '513.VP',
  '513.PNV',
  '513.PTP',
  '513.PTCKH',
  '513.PVHTT',
  '513.PTNMT',
  '513.PGDDT',
  '513.PYT',
  '513.PLDTBXH',
  '513.PKTHT',
  '513.PNNPTNT',
  '513.TTR',
];

/**
 * Every lead / implementing / monitoring cell of seeds 000 (Nông Sơn 2020) and 001 (154/KH-UBND
 * 2021) as written, resolved for district 513 on the issue day: [cell, role, codes, unresolved].
 */
const SEED_CELLS: Array<[string, CellRole, string[], string[]]> = [
  // seed 000 — "Đầu mối chủ trì thực hiện" and "Đơn vị thực hiện"
  ['Phòng Nội vụ', 'lead', ['513.PNV'], []],
  ['Phòng Nội vụ.', 'lead', ['513.PNV'], []],
  [
    'Trung tâm Văn hóa - Thể thao và Truyền thanh - Truyền hình huyện; UBND cấp xã.',
    'implementing',
    COMMUNES,
    ['Trung tâm Văn hóa - Thể thao và Truyền thanh - Truyền hình huyện'],
  ],
  ['UBND cấp xã.', 'implementing', COMMUNES, []],
  ['Phòng Lao động - Thương binh và Xã hội.', 'lead', ['513.PLDTBXH'], []],
  ['Phòng Tài chính - Kế hoạch', 'lead', ['513.PTCKH'], []],
  ['Phòng Kinh tế và Hạ tầng', 'lead', ['513.PKTHT'], []],
  ['Phòng Văn hóa và Thông tin', 'lead', ['513.PVHTT'], []],
  ['Phòng Giáo dục và Đào tạo', 'lead', ['513.PGDDT'], []],
  ['Phòng Tài nguyên và Môi trường', 'lead', ['513.PTNMT'], []],
  ['Phòng Nông nghiệp và Phát triển nông thôn', 'lead', ['513.PNNPTNT'], []],
  ['Các phòng, ban, ngành; UBND cấp xã.', 'implementing', [...OFFICES, ...COMMUNES], []],
  ['Các phòng, ban, ngành, UBND cấp xã', 'implementing', [...OFFICES, ...COMMUNES], []],
  ['Văn phòng HĐND và UBND huyện', 'lead', ['513.VP'], []],
  ['UBND huyện.', 'lead', ['513'], []],
  ['UBND huyện, UBND cấp xã.', 'implementing', ['513', ...COMMUNES], []],
  ['Các cơ quan, đơn vị', 'implementing', OFFICES, []],
  ['Thanh tra huyện.', 'lead', ['513.TTR'], []],
  ['UBMTTQVN huyện', 'implementing', ['513.MTTQ'], []],
  ['Công an huyện.', 'lead', ['513.CA'], []],
  ['Bảo hiểm xã hội huyện', 'lead', ['513.BHXH'], []],
  ['Bộ phận Tiếp nhận và Trả kết quả huyện', 'implementing', ['513.MC'], []],
  ['Phòng Nội vụ; Các phòng, ban, ngành', 'implementing', ['513.PNV', ...OFFICES.filter((code) => code !== '513.PNV')], []],
  // seed 001 — "Đơn vị chủ trì theo dõi" and "Đơn vị thực hiện"
  ['UBMT TQ huyện, UBND các xã, thị trấn', 'implementing', ['513.MTTQ', ...COMMUNES], []],
  ['Phòng Tư pháp', 'lead', ['513.PTP'], []],
  ['UBND các xã, thị trấn', 'implementing', COMMUNES, []],
  ['Phòng Lao động-Thương binh & XH', 'lead', ['513.PLDTBXH'], []],
  ['Phòng Tài chính-KH', 'lead', ['513.PTCKH'], []],
  ['Phòng Tài chính – KH', 'lead', ['513.PTCKH'], []],
  ['Thanh tra huyện', 'lead', ['513.TTR'], []],
  ['Các cơ quan, đơn vị liên quan; UBND các xã, thị trấn', 'implementing', COMMUNES, ['Các cơ quan, đơn vị liên quan']],
  ['Tòa án nhân dân cấp huyện', 'implementing', [], ['Tòa án nhân dân cấp huyện']],
  ['Các cơ quan truyền thông; UBND các xã, thị trấn', 'implementing', COMMUNES, ['Các cơ quan truyền thông']],
  ['Các cơ sở khám, chữa bệnh trên địa bàn huyện', 'implementing', [], ['Các cơ sở khám, chữa bệnh trên địa bàn huyện']],
  ['Phòng Giáo dục và đào tạo', 'lead', ['513.PGDDT'], []],
  ['Các cơ quan, đơn vị; UBND các xã, thị trấn', 'implementing', [...OFFICES, ...COMMUNES], []],
  ['Văn phòng HU-HĐND-UBND huyện', 'lead', ['513.VP'], []],
  ['Phòng Kinh tế - Hạ tầng', 'lead', ['513.PKTHT'], []],
  ['Phòng Tài nguyên & MT', 'lead', ['513.PTNMT'], []],
  ['Phòng Tài nguyên & MT; UBND các xã, thị trấn', 'implementing', ['513.PTNMT', ...COMMUNES], []],
  ['Bảo hiểm xã hội huyện', 'monitoring', ['513.BHXH'], []],
  ['Bệnh viện ĐK và Trung tâm y tế huyện', 'implementing', [], ['Bệnh viện ĐK', 'Trung tâm y tế huyện']],
  ['Phòng Giáo dục & ĐT', 'lead', ['513.PGDDT'], []],
  ['UBND các xã, thị trấn; các cơ quan liên quan', 'implementing', COMMUNES, ['các cơ quan liên quan']],
  ['Điện lực huyện', 'implementing', [], ['Điện lực huyện']],
  ['Văn phòng Điều phối xây dựng Nông thôn mới; UBND các xã, thị trấn', 'implementing', COMMUNES, ['Văn phòng Điều phối xây dựng Nông thôn mới']],
  ['Phòng Nông nghiệp & PTNT', 'lead', ['513.PNNPTNT'], []],
  ['Công an huyện', 'lead', ['513.CA'], []],
  ['Công an các xã, thị trấn', 'implementing', ['20794.CA', '20797.CA'], []],
  [
    'Phòng Văn hóa-TT, Phòng Tài chính-KH, các đơn vị liên quan; UBND các xã, thị trấn',
    'implementing',
    ['513.PVHTT', '513.PTCKH', ...COMMUNES],
    ['các đơn vị liên quan'],
  ],
  ['Phòng Văn hóa – TT', 'lead', ['513.PVHTT'], []],
  // the selectors of the brief, and monitors above the issuer
  ['UBND các xã, phường, thị trấn', 'implementing', COMMUNES, []],
  ['các xã, thị trấn', 'implementing', COMMUNES, []],
  ['Các cơ quan chuyên môn', 'implementing', OFFICES, []],
  ['Công an cấp huyện, cấp xã', 'implementing', ['513.CA', '20794.CA', '20797.CA'], []],
  ['Phòng, Ban và Ủy ban nhân dân các xã, thị trấn', 'implementing', [...OFFICES, ...COMMUNES], []],
  ['Sở Nội vụ', 'monitoring', ['49.SNV'], []],
  ['Sở Nội vụ', 'lead', [], ['Sở Nội vụ']],
  ['UBND tỉnh', 'monitoring', ['49'], []],
  ['PHÒNG NỘI VỤ', 'lead', ['513.PNV'], []],
  ['Phong Noi vu', 'lead', ['513.PNV'], []],
  ['Phòng LĐTB&XH', 'lead', ['513.PLDTBXH'], []],
  ['Phòng Văn hoá và Thông tin', 'lead', ['513.PVHTT'], []],
];

describe('unit cells of the seeds, resolved for district 513 on the issue day', () => {
  it.each(SEED_CELLS)('%s (%s)', (text, role, codes, unresolved) => {
    const resolution = resolveCell({ text }, role, districtNeighbourhood());
    expect(resolution.unitCodes).toEqual(codes);
    expect(resolution.unresolved).toEqual(unresolved);
    expect(resolution.problems).toEqual([]);
  });
});

describe('selectors of a provincial plan', () => {
  it.each<[string, string[]]>([
    ['UBND cấp huyện', ['513', '514']],
    ['UBND các huyện, thị xã, thành phố', ['513', '514']],
    ['UBND cấp xã, UBND cấp huyện', ['20794', '20797', '20800', '20833', '513', '514']],
    ['Các Sở, ban, ngành', ['49.SNV', '49.STP', '49.VP']],
    ['Sở Nội vụ', ['49.SNV']],
  ])('%s', (text, codes) => {
    expect(resolveCell({ text }, 'implementing', provinceNeighbourhood()).unitCodes).toEqual(codes);
  });
});

describe('selectors in the two-tier structure (from 2025-07-01: communes directly under the province)', () => {
  const day = '2026-03-02';
  const unit = (code: string, name: string, level: UnitView['level'], parentCode: string | null, type: string, kind: string | null = null): UnitView => ({
    code,
    name,
    level,
    kind,
    type,
    parentCode,
    validFrom: null,
    validTo: null,
    mergedInto: null,
    dissolved: false,
    aliases: [],
    successors: [],
    day,
  });
  const daNang = unit('48', 'Thành phố Đà Nẵng', 'PROVINCE', null, 'Thành phố Trung ương');
  const communes = [
    unit('20194', 'Phường Hải Châu', 'COMMUNE', '48', 'Phường'),
    unit('20794', 'Xã Thăng Bình', 'COMMUNE', '48', 'Xã'),
    unit('20333', 'Đặc khu Hoàng Sa', 'COMMUNE', '48', 'Đặc khu'),
  ];
  const police = communes.map((c) => unit(`${c.code}.CA`, `Công an ${c.name}`, 'AGENCY', c.code, 'Công an', 'Công an'));
  const twoTier: IssuerNeighbourhood = {
    issuer: daNang,
    subtree: [unit('48.SNV', 'Sở Nội vụ', 'AGENCY', '48', 'Sở', 'Sở'), ...communes, ...police],
    ancestors: [],
    aboveAgencies: [],
    named: [],
  };

  it.each<[string, string[]]>([
    ['UBND các xã, phường, đặc khu', ['20194', '20794', '20333']],
    ['UBND cấp xã', ['20194', '20794', '20333']],
    ['Công an các xã, phường, đặc khu', ['20194.CA', '20794.CA', '20333.CA']],
    ['UBND cấp huyện', []],
  ])('%s', (text, codes) => {
    expect(resolveCell({ text }, 'implementing', twoTier).unitCodes).toEqual(codes);
  });
});

describe('splitting a cell', () => {
  it.each<[string, string[]]>([
    ['UBMT TQ huyện, UBND các xã, thị trấn', ['UBMT TQ huyện', 'UBND các xã, thị trấn']],
    ['Văn phòng HĐND và UBND huyện', ['Văn phòng HĐND và UBND huyện']],
    ['Phòng Lao động - Thương binh và Xã hội', ['Phòng Lao động - Thương binh và Xã hội']],
    ['Bệnh viện ĐK và Trung tâm y tế huyện', ['Bệnh viện ĐK', 'Trung tâm y tế huyện']],
    ['Phòng Nội vụ\nPhòng Tư pháp + UBND cấp xã', ['Phòng Nội vụ', 'Phòng Tư pháp', 'UBND cấp xã']],
    ['Công an cấp huyện, cấp xã', ['Công an cấp huyện, cấp xã']],
  ])('%s', (text, pieces) => expect(splitCell(text)).toEqual(pieces));
});

describe('explicit unit codes', () => {
  it('add to what the text names, once', () => {
    expect(resolveCell({ text: 'Phòng Nội vụ', unitCodes: ['513.PTP', '513.PNV'] }, 'implementing', districtNeighbourhood()).unitCodes).toEqual([
      '513.PNV',
      '513.PTP',
    ]);
  });

  it('are problems when unknown on the day, or outside the issuer for leads and implementing units', () => {
    const units = districtNeighbourhood();
    expect(resolveCell({ text: '', unitCodes: ['99999'] }, 'implementing', units).problems).toEqual([{ code: '99999', problem: 'unknown' }]);
    expect(resolveCell({ text: '', unitCodes: ['49.SNV'] }, 'lead', units).problems).toEqual([{ code: '49.SNV', problem: 'outside' }]);
    expect(resolveCell({ text: '', unitCodes: ['49.SNV', '49'] }, 'monitoring', units)).toEqual({ unitCodes: ['49.SNV', '49'], unresolved: [], problems: [] });
  });
});
