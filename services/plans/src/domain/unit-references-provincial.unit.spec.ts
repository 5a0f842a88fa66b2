import { CellRole, resolveCell, splitCell } from './unit-references';
import { standardNeighbourhood } from './testing/fixture-hierarchy';

/**
 * Unit cells as provincial, district and commune plans write them, resolved against the
 * directory demo's catalogue of bodies (names and aliases): [issuer, cell, role, codes, unresolved].
 */
const COMMUNES = ['20794', '20797', '20656'];
const DISTRICTS = ['513', '519'];
const MASS = (owner: string) => [
  `${owner}.MTTQ`,
  `${owner}.HLHPN`,
  `${owner}.DTN`,
  `${owner}.HND`,
  `${owner}.HCCB`,
  ...(owner.length === 5 ? [] : [`${owner}.LDLD`]),
];

const CELLS: Array<[string, string, CellRole, string[], string[]]> = [
  // departments by their usual abbreviations, any case, accents as variants, spacing and punctuation
  ['49', 'Sở LĐ-TB&XH', 'implementing', ['49.SLDTBXH'], []],
  ['49', 'Sở Lao động – Thương binh và Xã hội', 'lead', ['49.SLDTBXH'], []],
  ['49', 'Sở TN&MT', 'implementing', ['49.STNMT'], []],
  ['49', 'Sở GD&ĐT', 'implementing', ['49.SGDDT'], []],
  ['49', 'Sở GD & ĐT', 'implementing', ['49.SGDDT'], []],
  ['49', 'sở gd&đt', 'implementing', ['49.SGDDT'], []],
  ['49', 'Sở TT&TT', 'implementing', ['49.STTTT'], []],
  ['49', 'Sở Thông tin và Truyền thông', 'implementing', ['49.STTTT'], []],
  ['49', 'Sở KH&ĐT', 'implementing', ['49.SKHDT'], []],
  ['49', 'Sở Kế hoạch và Đầu tư', 'implementing', ['49.SKHDT'], []],
  ['49', 'Sở NN&PTNT', 'implementing', ['49.SNNPTNT'], []],
  ['49', 'Sở VH-TT&DL', 'implementing', ['49.SVHTTDL'], []],
  ['49', 'Sở Văn hóa, Thể thao và Du lịch', 'implementing', ['49.SVHTTDL'], []],
  ['49', 'Sở Văn hoá, Thể thao và Du lịch', 'implementing', ['49.SVHTTDL'], []],
  ['49', 'Sở KH&CN', 'implementing', ['49.SKHCN'], []],
  ['49', 'Sở Y tế, Sở Xây dựng, Sở GTVT, Sở Công Thương, Sở Tài chính', 'implementing', ['49.SYT', '49.SXD', '49.SGTVT', '49.SCT', '49.STC'], []],
  ['49', 'Sở Nội vụ; Sở Tư pháp; Sở Ngoại vụ', 'implementing', ['49.SNV', '49.STP', '49.SNGV'], []],
  ['49', 'Thanh tra tỉnh', 'implementing', ['49.TTR'], []],
  ['49', 'Văn phòng UBND tỉnh', 'lead', ['49.VP'], []],
  ['49', 'Ban Dân tộc', 'implementing', ['49.BDT'], []],
  ['49', 'Ban Dân tộc tỉnh', 'implementing', ['49.BDT'], []],
  ['49', 'BHXH tỉnh', 'implementing', ['49.BHXH'], []],
  ['49', 'Bảo hiểm xã hội tỉnh', 'implementing', ['49.BHXH'], []],
  ['49', 'Công an tỉnh', 'implementing', ['49.CA'], []],
  ['49', 'Trung tâm Phục vụ hành chính công tỉnh', 'implementing', ['49.TTPVHCC'], []],
  ['49', 'UBMT Tổ quốc Việt Nam tỉnh', 'implementing', ['49.MTTQ'], []],
  ['49', 'Ủy ban MTTQ Việt Nam tỉnh', 'implementing', ['49.MTTQ'], []],
  ['49', 'Uỷ ban Mặt trận Tổ quốc Việt Nam tỉnh', 'implementing', ['49.MTTQ'], []],
  [
    '49',
    'Hội Liên hiệp Phụ nữ tỉnh, Tỉnh đoàn, Hội Nông dân tỉnh, Hội Cựu chiến binh tỉnh, Liên đoàn Lao động tỉnh',
    'implementing',
    ['49.HLHPN', '49.DTN', '49.HND', '49.HCCB', '49.LDLD'],
    [],
  ],
  ['49', 'Đoàn TNCS Hồ Chí Minh tỉnh', 'implementing', ['49.DTN'], []],
  ['49', 'Sở Nội vụ'.normalize('NFD'), 'lead', ['49.SNV'], []],
  ['49', '  Sở   Nội  vụ. ', 'lead', ['49.SNV'], []],
  // separators: commas, semicolons, "và", line breaks, dashes and bullets
  ['49', 'Sở Nội vụ và Sở Tư pháp', 'implementing', ['49.SNV', '49.STP'], []],
  ['49', 'Sở Nội vụ - Sở Tư pháp - UBND cấp huyện', 'implementing', ['49.SNV', '49.STP', ...DISTRICTS], []],
  ['49', '- Sở Nội vụ\n- Sở Tư pháp\n+ Thanh tra tỉnh', 'implementing', ['49.SNV', '49.STP', '49.TTR'], []],
  ['49', 'Sở Y tế; Sở GD&ĐT và UBND cấp huyện', 'implementing', ['49.SYT', '49.SGDDT', ...DISTRICTS], []],
  // selectors, selectors followed by a named body, "các cấp"
  ['49', 'UBND cấp huyện, UBND cấp xã', 'implementing', [...DISTRICTS, ...COMMUNES], []],
  ['49', 'UBND cấp huyện, cấp xã', 'implementing', [...DISTRICTS, ...COMMUNES], []],
  ['49', 'UBND các cấp', 'implementing', [...DISTRICTS, ...COMMUNES], []],
  ['49', 'UBND cấp xã, Ban Thanh tra nhân dân', 'implementing', [...COMMUNES, '20794.BTTND', '20797.BTTND', '20656.BTTND'], []],
  ['513', 'UBND cấp xã, Ban Thanh tra nhân dân', 'implementing', ['20794', '20797', '20794.BTTND', '20797.BTTND'], []],
  ['513', 'Ban giám sát đầu tư cộng đồng; Ban Thanh tra nhân dân cấp xã', 'implementing', ['20794.BGSDTCD', '20797.BGSDTCD', '20794.BTTND', '20797.BTTND'], []],
  ['513', 'công chức Văn phòng – Thống kê, công chức Tư pháp – Hộ tịch', 'implementing', ['20794.VPTK', '20797.VPTK', '20794.TPHT', '20797.TPHT'], []],
  ['513', 'Công an xã', 'implementing', ['20794.CA', '20797.CA'], []],
  ['49', 'Đoàn thể các cấp', 'implementing', [...MASS('49'), ...MASS('513'), ...MASS('519'), ...MASS('20794'), ...MASS('20797'), ...MASS('20656')], []],
  ['513', 'UBMTTQ và các đoàn thể các cấp', 'implementing', [...MASS('513'), ...MASS('20794'), ...MASS('20797')], []],
  ['49', 'Hội Nông dân các cấp', 'implementing', ['49.HND', '513.HND', '519.HND', '20794.HND', '20797.HND', '20656.HND'], []],
  ['49', 'Công an các cấp', 'implementing', ['49.CA', '513.CA', '519.CA', '20794.CA', '20797.CA', '20656.CA'], []],
  [
    '49',
    'Các Sở, ban, ngành',
    'implementing',
    [
      '49.VP',
      '49.SNV',
      '49.STP',
      '49.STC',
      '49.SKHDT',
      '49.STTTT',
      '49.SYT',
      '49.SGDDT',
      '49.SLDTBXH',
      '49.STNMT',
      '49.SXD',
      '49.SGTVT',
      '49.SCT',
      '49.SNNPTNT',
      '49.SVHTTDL',
      '49.SKHCN',
      '49.SNGV',
      '49.TTR',
      '49.BDT',
    ],
    [],
  ],
  // bodies of a level above (monitors), and what no directory knows
  ['513', 'Sở Nội vụ', 'monitoring', ['49.SNV'], []],
  ['20797', 'Sở Nội vụ; Phòng Nội vụ huyện', 'monitoring', ['49.SNV', '513.PNV'], []],
  ['20797', 'Sở LĐ-TB&XH', 'monitoring', ['49.SLDTBXH'], []],
  ['513', 'Tòa án nhân dân cấp huyện; Viện Kiểm sát nhân dân huyện', 'implementing', ['513.TAND'], ['Viện Kiểm sát nhân dân huyện']],
  // seed 002 (Thăng Bình, 53/KH-UBND, section V)
  [
    '513',
    'Các Phòng, Ban và Ủy ban nhân dân các xã, thị trấn',
    'implementing',
    [
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
      '20794',
      '20797',
    ],
    [],
  ],
  ['513', 'Phòng Nội vụ', 'monitoring', ['513.PNV'], []],
  // seed 003 (xã Quảng Vinh, 136/KH-UBND: the bodies that head its tasks, and who they work with)
  ['20797', 'Bộ phận Văn phòng', 'lead', ['20797.VPTK'], []],
  ['20797', 'Bộ phận Tư pháp', 'lead', ['20797.TPHT'], []],
  ['20797', 'Bộ phận Tài chính - Kế hoạch', 'lead', ['20797.TCKT'], []],
  ['20797', 'Bộ phận Văn hóa và Thông tin', 'lead', ['20797.VHXH'], []],
  ['20797', 'Các bộ phận liên quan', 'implementing', ['20797.VPTK', '20797.TPHT', '20797.DCXD', '20797.VHXH', '20797.TCKT', '20797.MC'], []],
  ['20797', 'Đài truyền thanh xã', 'implementing', [], ['Đài truyền thanh xã']],
  ['20797', 'Phòng Nội vụ', 'monitoring', ['513.PNV'], []],
];

describe('unit cells as officials write them, against the directory demo’s bodies', () => {
  it.each(CELLS)('%s: %s (%s)', (issuer, text, role, codes, unresolved) => {
    const resolution = resolveCell({ text }, role, standardNeighbourhood(issuer));
    expect(resolution.unitCodes).toEqual(codes);
    expect(resolution.unresolved).toEqual(unresolved);
    expect(resolution.problems).toEqual([]);
  });
});

describe('splitting mixed separators', () => {
  it.each<[string, string[]]>([
    ['Sở Nội vụ - Sở Tư pháp', ['Sở Nội vụ', 'Sở Tư pháp']],
    ['Phòng Tài chính - Kế hoạch', ['Phòng Tài chính - Kế hoạch']],
    ['Văn phòng HĐND - UBND huyện', ['Văn phòng HĐND - UBND huyện']],
    ['- Sở Y tế;\n- Sở GD&ĐT', ['Sở Y tế', 'Sở GD&ĐT']],
    ['UBND cấp xã, Ban Thanh tra nhân dân', ['UBND cấp xã', 'Ban Thanh tra nhân dân']],
    ['Các phòng, ban, ngành', ['Các phòng, ban, ngành']],
  ])('%s', (text, pieces) => expect(splitCell(text)).toEqual(pieces));
});
