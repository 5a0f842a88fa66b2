/**
 * The bodies that provincial, district and commune plans name, as the demo provinces have them
 * (before the 2025 reorganisation), with the abbreviations officials write. Pure data: the
 * directory's demo establishes them as AGENCY units (`<unit code>.<abbreviation>`) with these
 * aliases, and the plans' tests build issuers' neighbourhoods from the same list, so both agree.
 * A province adds or closes its own bodies through the directory's API (establishAgency,
 * setUnitAliases, closeAgency); this list is only the starting point.
 *
 * Kinds matter to selectors: "Sở", "Ban", "Phòng", "Văn phòng", "Thanh tra" are what "các sở,
 * ban, ngành" / "các phòng, ban" cover; "Đoàn thể" (mass organisations) and "UBMTTQ" are what
 * "đoàn thể các cấp" covers; the people's boards of a commune ("Ban nhân dân") are neither.
 */
export interface StandardBody {
  readonly abbreviation: string;
  readonly kind: string;
  /** Full name; `place` is e.g. "tỉnh Quảng Nam", "huyện Thăng Bình", "xã Bình Dương". */
  readonly name: (place: string) => string;
  /** Other ways plans write it; the place name is left out (it is matched without it). */
  readonly aliases: readonly string[];
}

const body = (abbreviation: string, kind: string, name: (place: string) => string, aliases: readonly string[] = []): StandardBody => ({
  abbreviation,
  kind,
  name,
  aliases,
});

/** The Front and the mass organisations, at every level (Liên đoàn Lao động: province and district only). */
const massOrganisations = (level: 'PROVINCE' | 'DISTRICT' | 'COMMUNE'): StandardBody[] => [
  body('MTTQ', 'UBMTTQ', (p) => `Ủy ban MTTQ Việt Nam ${p}`, ['Ủy ban Mặt trận Tổ quốc Việt Nam', 'UBMT Tổ quốc Việt Nam', 'UBMTTQVN', 'Mặt trận Tổ quốc']),
  body('HLHPN', 'Đoàn thể', (p) => `Hội Liên hiệp Phụ nữ ${p}`, ['Hội LHPN', 'Hội Phụ nữ']),
  body('DTN', 'Đoàn thể', (p) => `Đoàn TNCS Hồ Chí Minh ${p}`, [
    'Đoàn Thanh niên Cộng sản Hồ Chí Minh',
    'Đoàn Thanh niên',
    'Đoàn TNCS HCM',
    ...(level === 'PROVINCE' ? ['Tỉnh đoàn'] : level === 'DISTRICT' ? ['Huyện đoàn'] : []),
  ]),
  body('HND', 'Đoàn thể', (p) => `Hội Nông dân ${p}`, ['Hội ND']),
  body('HCCB', 'Đoàn thể', (p) => `Hội Cựu chiến binh ${p}`, ['Hội CCB']),
  ...(level === 'COMMUNE' ? [] : [body('LDLD', 'Đoàn thể', (p) => `Liên đoàn Lao động ${p}`, ['LĐLĐ', 'Liên đoàn LĐ'])]),
];

export const STANDARD_BODIES: Record<'PROVINCE' | 'DISTRICT' | 'COMMUNE', readonly StandardBody[]> = {
  PROVINCE: [
    body('VP', 'Văn phòng', (p) => `Văn phòng UBND ${p}`, ['Văn phòng Ủy ban nhân dân', 'VP UBND']),
    body('SNV', 'Sở', () => 'Sở Nội vụ'),
    body('STP', 'Sở', () => 'Sở Tư pháp'),
    body('STC', 'Sở', () => 'Sở Tài chính'),
    body('SKHDT', 'Sở', () => 'Sở Kế hoạch và Đầu tư', ['Sở KH&ĐT', 'Sở KHĐT']),
    body('STTTT', 'Sở', () => 'Sở Thông tin và Truyền thông', ['Sở TT&TT', 'Sở TTTT']),
    body('SYT', 'Sở', () => 'Sở Y tế'),
    body('SGDDT', 'Sở', () => 'Sở Giáo dục và Đào tạo', ['Sở GD&ĐT', 'Sở GDĐT']),
    body('SLDTBXH', 'Sở', () => 'Sở Lao động - Thương binh và Xã hội', ['Sở LĐ-TB&XH', 'Sở LĐTBXH']),
    body('STNMT', 'Sở', () => 'Sở Tài nguyên và Môi trường', ['Sở TN&MT', 'Sở TNMT']),
    body('SXD', 'Sở', () => 'Sở Xây dựng'),
    body('SGTVT', 'Sở', () => 'Sở Giao thông vận tải', ['Sở GTVT']),
    body('SCT', 'Sở', () => 'Sở Công Thương'),
    body('SNNPTNT', 'Sở', () => 'Sở Nông nghiệp và Phát triển nông thôn', ['Sở NN&PTNT', 'Sở NNPTNT']),
    body('SVHTTDL', 'Sở', () => 'Sở Văn hóa, Thể thao và Du lịch', ['Sở VH-TT&DL', 'Sở VHTTDL', 'Sở VHTT&DL']),
    body('SKHCN', 'Sở', () => 'Sở Khoa học và Công nghệ', ['Sở KH&CN', 'Sở KHCN']),
    body('SNGV', 'Sở', () => 'Sở Ngoại vụ'),
    body('TTR', 'Thanh tra', (p) => `Thanh tra ${p}`),
    body('BDT', 'Ban', () => 'Ban Dân tộc', ['Ban Dân tộc tỉnh']),
    body('CA', 'Công an', (p) => `Công an ${p}`),
    body('BHXH', 'Bảo hiểm xã hội', (p) => `Bảo hiểm xã hội ${p}`, ['BHXH']),
    body('TTPVHCC', 'Trung tâm', (p) => `Trung tâm Phục vụ hành chính công ${p}`, ['Trung tâm PVHCC', 'TTPVHCC']),
    ...massOrganisations('PROVINCE'),
  ],
  DISTRICT: [
    body('VP', 'Văn phòng', (p) => `Văn phòng HĐND và UBND ${p}`, ['Văn phòng HĐND-UBND', 'VP HĐND và UBND']),
    // Under the Văn phòng in practice; plans name it as a body of its own (seed 000).
    body('MC', 'Bộ phận', (p) => `Bộ phận Tiếp nhận và Trả kết quả ${p}`, ['Bộ phận Một cửa', 'Bộ phận TN&TKQ']),
    body('PNV', 'Phòng', () => 'Phòng Nội vụ'),
    body('PTP', 'Phòng', () => 'Phòng Tư pháp'),
    body('PTCKH', 'Phòng', () => 'Phòng Tài chính - Kế hoạch', ['Phòng TC-KH', 'Phòng TCKH']),
    body('PVHTT', 'Phòng', () => 'Phòng Văn hóa và Thông tin', ['Phòng VH&TT', 'Phòng VHTT']),
    body('PTNMT', 'Phòng', () => 'Phòng Tài nguyên và Môi trường', ['Phòng TN&MT', 'Phòng TNMT']),
    body('PGDDT', 'Phòng', () => 'Phòng Giáo dục và Đào tạo', ['Phòng GD&ĐT', 'Phòng GDĐT']),
    body('PYT', 'Phòng', () => 'Phòng Y tế'),
    body('PLDTBXH', 'Phòng', () => 'Phòng Lao động - Thương binh và Xã hội', ['Phòng LĐ-TB&XH', 'Phòng LĐTBXH']),
    body('PKTHT', 'Phòng', () => 'Phòng Kinh tế và Hạ tầng', ['Phòng KT&HT', 'Phòng KTHT']),
    body('PNNPTNT', 'Phòng', () => 'Phòng Nông nghiệp và Phát triển nông thôn', ['Phòng NN&PTNT', 'Phòng NNPTNT']),
    body('TTR', 'Thanh tra', (p) => `Thanh tra ${p}`),
    body('CA', 'Công an', (p) => `Công an ${p}`),
    body('BHXH', 'Bảo hiểm xã hội', (p) => `Bảo hiểm xã hội ${p}`, ['BHXH']),
    // Other bodies the seeds' appendices name as lead or implementing units (seeds 000, 001); their
    // kinds are outside the "phòng, ban, ngành" selector. A demo simplification: every district
    // gets each of them, though not every real district has all (e.g. a separate hospital).
    body('TAND', 'Tòa án', (p) => `Tòa án nhân dân ${p}`),
    body('TTVHTT', 'Trung tâm', (p) => `Trung tâm Văn hóa - Thể thao và Truyền thanh - Truyền hình ${p}`),
    body('TTYT', 'Trung tâm', (p) => `Trung tâm Y tế ${p}`),
    body('BVDK', 'Bệnh viện', (p) => `Bệnh viện Đa khoa ${p}`),
    body('CNVPDKDD', 'Chi nhánh', (p) => `Chi nhánh Văn phòng đăng ký đất đai ${p}`),
    body('DL', 'Điện lực', (p) => `Điện lực ${p}`),
    body('VPDPNTM', 'Văn phòng Điều phối', (p) => `Văn phòng Điều phối xây dựng Nông thôn mới ${p}`),
    body('TTCTN', 'Trung tâm', (p) => `Trung tâm Dịch vụ cấp thoát nước và môi trường ${p}`),
    ...massOrganisations('DISTRICT'),
  ],
  COMMUNE: [
    body('VPTK', 'Bộ phận', () => 'Bộ phận Văn phòng - Thống kê', ['Công chức Văn phòng - Thống kê', 'Văn phòng - Thống kê', 'Bộ phận Văn phòng']),
    body('TPHT', 'Bộ phận', () => 'Bộ phận Tư pháp - Hộ tịch', ['Công chức Tư pháp - Hộ tịch', 'Tư pháp - Hộ tịch', 'Bộ phận Tư pháp']),
    body('DCXD', 'Bộ phận', () => 'Bộ phận Địa chính - Xây dựng', ['Công chức Địa chính - Xây dựng', 'Địa chính - Xây dựng', 'Bộ phận Địa chính']),
    body('VHXH', 'Bộ phận', () => 'Bộ phận Văn hóa - Xã hội', [
      'Công chức Văn hóa - Xã hội',
      'Văn hóa - Xã hội',
      'Bộ phận Văn hóa',
      'Bộ phận Văn hóa và Thông tin',
    ]),
    body('TCKT', 'Bộ phận', () => 'Bộ phận Tài chính - Kế toán', [
      'Công chức Tài chính - Kế toán',
      'Tài chính - Kế toán',
      'Bộ phận Tài chính',
      'Bộ phận Tài chính - Kế hoạch',
    ]),
    body('MC', 'Bộ phận', () => 'Bộ phận Tiếp nhận và Trả kết quả', ['Bộ phận Một cửa', 'Bộ phận TN&TKQ']),
    body('CA', 'Công an', (p) => `Công an ${p}`),
    body('BTTND', 'Ban nhân dân', () => 'Ban Thanh tra nhân dân', ['Ban TTND']),
    body('BGSDTCD', 'Ban nhân dân', () => 'Ban giám sát đầu tư cộng đồng', ['Ban GSĐTCĐ', 'Ban Giám sát đầu tư của cộng đồng']),
    ...massOrganisations('COMMUNE'),
  ],
};

/** "Huyện Thăng Bình" → "huyện Thăng Bình", as it follows a body's name; `type` as the unit list writes it. */
export function placeOf(unit: { readonly name: string; readonly type: string }): string {
  const type = unit.type === 'Thành phố Trung ương' ? 'Thành phố' : unit.type;
  return unit.name.startsWith(type) ? `${type.toLowerCase()}${unit.name.slice(type.length)}` : unit.name;
}
