/**
 * The offices and bodies the directory's demo gives each district and province
 * (services/directory/src/demo/seed-demo.ts), as [code suffix, kind, name for the place]: what the
 * demo plans' unit cells must resolve against. Shared by the plans' tests; the plans service does
 * not read the directory, so its tests build the issuers' neighbourhood from this.
 */
export const DEMO_DISTRICT_OFFICES: Array<[string, string, (place: string) => string]> = [
  ['VP', 'Văn phòng', (p) => `Văn phòng HĐND và UBND ${p}`],
  ['MC', 'Bộ phận', (p) => `Bộ phận Tiếp nhận và Trả kết quả ${p}`],
  ['PNV', 'Phòng', () => 'Phòng Nội vụ'],
  ['PTP', 'Phòng', () => 'Phòng Tư pháp'],
  ['PTCKH', 'Phòng', () => 'Phòng Tài chính - Kế hoạch'],
  ['PVHTT', 'Phòng', () => 'Phòng Văn hóa và Thông tin'],
  ['PTNMT', 'Phòng', () => 'Phòng Tài nguyên và Môi trường'],
  ['PGDDT', 'Phòng', () => 'Phòng Giáo dục và Đào tạo'],
  ['PYT', 'Phòng', () => 'Phòng Y tế'],
  ['PLDTBXH', 'Phòng', () => 'Phòng Lao động - Thương binh và Xã hội'],
  ['PKTHT', 'Phòng', () => 'Phòng Kinh tế và Hạ tầng'],
  ['PNNPTNT', 'Phòng', () => 'Phòng Nông nghiệp và Phát triển nông thôn'],
  ['TTR', 'Thanh tra', (p) => `Thanh tra ${p}`],
  ['CA', 'Công an', (p) => `Công an ${p}`],
  ['MTTQ', 'UBMTTQ', (p) => `Ủy ban MTTQ Việt Nam ${p}`],
  ['BHXH', 'Bảo hiểm xã hội', (p) => `Bảo hiểm xã hội ${p}`],
  ['TAND', 'Tòa án', (p) => `Tòa án nhân dân ${p}`],
  ['TTVHTT', 'Trung tâm', (p) => `Trung tâm Văn hóa - Thể thao và Truyền thanh - Truyền hình ${p}`],
  ['TTYT', 'Trung tâm', (p) => `Trung tâm Y tế ${p}`],
  ['BVDK', 'Bệnh viện', (p) => `Bệnh viện Đa khoa ${p}`],
  ['CNVPDKDD', 'Chi nhánh', (p) => `Chi nhánh Văn phòng đăng ký đất đai ${p}`],
  ['DL', 'Điện lực', (p) => `Điện lực ${p}`],
  ['VPDPNTM', 'Văn phòng Điều phối', (p) => `Văn phòng Điều phối xây dựng Nông thôn mới ${p}`],
  ['TTCTN', 'Trung tâm', (p) => `Trung tâm Dịch vụ cấp thoát nước và môi trường ${p}`],
];
export const DEMO_PROVINCE_OFFICES: Array<[string, string, (place: string) => string]> = [
  ['VP', 'Văn phòng', (p) => `Văn phòng UBND ${p}`],
  ['SNV', 'Sở', () => 'Sở Nội vụ'],
  ['STP', 'Sở', () => 'Sở Tư pháp'],
  ['STTTT', 'Sở', () => 'Sở Thông tin và Truyền thông'],
];

export const DEMO_PROVINCES: Record<string, string> = { '49': 'Quảng Nam', '02': 'Hà Giang' };
