import type { DraftTask, PlanDraft, UnitCell } from '../../domain/plan-draft';

/**
 * The provincial plans the seed district plans implement. RECONSTRUCTED: the real documents are
 * not in the sources. Number, date and title are as the district plans cite them; the few tasks
 * of each appendix are drawn from what the district plans say the province asked of them (cited
 * beside each task); the column headings and cells are the demo's, in the
 * form provincial plans typically use (implementing and monitoring bodies, no lead).
 * No cascade requirement: the seeds say the districts issued plans implementing these ("Thực hiện
 * Kế hoạch số ..."), never that the province required them or by when, and a cascade needs a due
 * date (days or a day) which the sources do not give.
 */
const IMPLEMENTING_DISTRICTS: UnitCell = { text: 'UBND cấp huyện' };
const IMPLEMENTING_ALL: UnitCell = { text: 'Các Sở, ban, ngành; UBND cấp huyện' };
const DOHA: UnitCell = { text: 'Sở Nội vụ' };
const COLUMNS = { implementing: 'Cơ quan thực hiện', monitoring: 'Cơ quan theo dõi' };

const task = (text: string, implementing: UnitCell, monitoring: UnitCell, timeframe: string | null, target: string | null = null): DraftTask => ({
  text,
  target,
  implementing,
  monitoring,
  timeframe,
});

/** Cited by seed 000: "Kế hoạch số 4055/KH-UBND ngày 20/7/2020 của UBND tỉnh Quảng Nam ...". */
export const QUANG_NAM_PAPI_2020: PlanDraft = {
  number: '4055/KH-UBND',
  title: 'Cải thiện Chỉ số hiệu quả quản trị và hành chính công tỉnh Quảng Nam năm 2020',
  issuerCode: '49',
  documentDate: '2020-07-20',
  year: 2020,
  frameworks: ['PAPI'],
  columns: COLUMNS,
  sections: [
    {
      code: 'I',
      title: 'Tổ chức triển khai',
      tasks: [
        // Seed 000: "UBND huyện Nông Sơn ban hành Kế hoạch triển khai thực hiện".
        task('Xây dựng kế hoạch triển khai thực hiện cải thiện Chỉ số PAPI năm 2020 trên địa bàn', IMPLEMENTING_DISTRICTS, DOHA, null),
        // Seed 000, IV.2: Phòng Nội vụ "định kỳ tổng hợp tham mưu UBND huyện báo cáo UBND tỉnh theo quy định".
        task('Định kỳ báo cáo kết quả thực hiện về UBND tỉnh (qua Sở Nội vụ)', IMPLEMENTING_DISTRICTS, DOHA, 'Hàng quý, 6 tháng, năm'),
      ],
    },
    {
      code: 'II',
      title: 'Công khai, minh bạch',
      indicator: { framework: 'PAPI', code: '2' },
      tasks: [
        // Seed 000, II.3: "Công khai danh sách hộ nghèo; công khai thu, chi ngân sách cấp xã; Quy hoạch, kế hoạch sử dụng đất; giá bồi thường thu hồi đất".
        task(
          'Công khai danh sách hộ nghèo; công khai thu, chi ngân sách cấp xã; quy hoạch, kế hoạch sử dụng đất; giá bồi thường thu hồi đất',
          IMPLEMENTING_DISTRICTS,
          DOHA,
          'Thường xuyên',
        ),
      ],
    },
    {
      code: 'III',
      title: 'Thủ tục hành chính công',
      indicator: { framework: 'PAPI', code: '5' },
      tasks: [
        // Seed 000, II.6: "Đánh giá sự hài lòng của người dân, tổ chức ... trên địa bàn huyện năm 2020".
        task(
          'Đánh giá sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước năm 2020',
          IMPLEMENTING_DISTRICTS,
          DOHA,
          'Năm 2020',
        ),
        // Seed 000, appendix IX.3: "Đồng bộ hóa, tích hợp TTHC lên Cổng Dịch vụ công của tỉnh".
        task('Đồng bộ hóa, tích hợp TTHC lên Cổng Dịch vụ công của tỉnh', IMPLEMENTING_ALL, { text: 'Văn phòng UBND tỉnh' }, 'Quý IV/2020'),
      ],
    },
  ],
  cascade: null,
};

/** Cited by seed 001: "Kế hoạch số 163/KH-UBND, ngày 24/5/2021 của UBND tỉnh ... tỉnh Hà Giang năm 2021". */
export const HA_GIANG_PAPI_2021: PlanDraft = {
  number: '163/KH-UBND',
  title: 'Cải thiện và nâng cao chỉ số hiệu quả quản trị và hành chính công cấp (PAPI) tỉnh Hà Giang năm 2021',
  issuerCode: '02',
  documentDate: '2021-05-24',
  year: 2021,
  frameworks: ['PAPI'],
  columns: COLUMNS,
  sections: [
    {
      code: 'I',
      title: 'Tổ chức triển khai',
      tasks: [
        // Seed 001: "UBND huyện Vị Xuyên xây dựng Kế hoạch Cải thiện và nâng cao chỉ số PAPI năm 2021".
        task('Xây dựng kế hoạch cải thiện và nâng cao chỉ số PAPI năm 2021 trên địa bàn', IMPLEMENTING_DISTRICTS, DOHA, null),
        // Seed 001, III.1: Phòng Nội vụ reports "định kỳ báo UBND huyện, Sở Nội vụ (trước ngày 15/9/2021)".
        task('Báo cáo sơ kết kết quả thực hiện Kế hoạch gửi Sở Nội vụ', IMPLEMENTING_DISTRICTS, DOHA, 'Trước ngày 15/9/2021'),
      ],
    },
    {
      code: 'II',
      title: 'Thủ tục hành chính công',
      indicator: { framework: 'PAPI', code: '5' },
      tasks: [
        // Seed 001, II.đ: "Quán triệt thực hiện nghiêm Chỉ thị số 219/CT-UBND ngày 17/01/2020 của Chủ tịch UBND tỉnh".
        task(
          'Quán triệt thực hiện nghiêm Chỉ thị số 219/CT-UBND ngày 17/01/2020 của Chủ tịch UBND tỉnh về tăng cường trách nhiệm của người đứng đầu cơ quan hành chính nhà nước các cấp trong công tác cải cách TTHC',
          IMPLEMENTING_ALL,
          DOHA,
          'Thường xuyên',
        ),
        // Seed 001, II.đ: "Tổ chức kiểm tra, đánh giá chất lượng hoạt động của Bộ phận tiếp nhận và trả kết quả TTHC cấp huyện, cấp xã".
        task(
          'Tổ chức kiểm tra, đánh giá chất lượng hoạt động của Bộ phận tiếp nhận và trả kết quả TTHC cấp huyện, cấp xã',
          IMPLEMENTING_DISTRICTS,
          DOHA,
          'Thường xuyên',
        ),
      ],
    },
  ],
  cascade: null,
};

/**
 * Cited by seed 002: "Quyết định số 4003/QĐ-UBND ngày 31/12/2020 của UBND tỉnh Quảng Nam" (the
 * province's PAR plan for 2021, issued by decision; its title here is the demo's). Seed 002 follows
 * it "theo tinh thần" without saying the province required district plans: no cascade.
 */
export const QUANG_NAM_PAR_2021: PlanDraft = {
  number: '4003/QĐ-UBND',
  title: 'Kế hoạch cải cách hành chính năm 2021 của tỉnh Quảng Nam',
  issuerCode: '49',
  documentDate: '2020-12-31',
  year: 2021,
  frameworks: ['PAR_INDEX', 'ICT_INDEX', 'DDCI', 'PAPI', 'SIPAS'],
  columns: COLUMNS,
  sections: [
    {
      code: '1',
      title: 'Công tác chỉ đạo điều hành',
      indicator: { framework: 'PAR_INDEX', code: '1' },
      tasks: [
        // Seed 002, V.1: units build "kế hoạch cải cách hành chính năm 2021" after the district's.
        task('Xây dựng, ban hành kế hoạch cải cách hành chính năm 2021', IMPLEMENTING_ALL, DOHA, null),
      ],
    },
    {
      code: '3',
      title: 'Cải cách thủ tục hành chính',
      indicator: { framework: 'PAR_INDEX', code: '3' },
      tasks: [
        // Seed 002, III.3: "theo đúng quy định tại Quyết định số 3200/QĐ-UBND ngày 07/10/2019 của Ủy ban nhân dân tỉnh".
        task(
          'Thực hiện nghiêm quy định về công khai xin lỗi cá nhân, tổ chức khi giải quyết thủ tục hành chính trễ hạn theo Quyết định số 3200/QĐ-UBND ngày 07/10/2019 của UBND tỉnh',
          IMPLEMENTING_ALL,
          { text: 'Văn phòng UBND tỉnh' },
          'Thường xuyên',
        ),
        // Seed 002, II.7: "Mức độ hài lòng ... đạt trên 85%".
        task(
          'Nâng cao mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước các cấp',
          IMPLEMENTING_ALL,
          DOHA,
          'Năm 2021',
          'Mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước các cấp đạt trên 85%',
        ),
      ],
    },
    {
      code: '7',
      title: 'Hiện đại hóa nền hành chính',
      indicator: { framework: 'PAR_INDEX', code: '7' },
      tasks: [
        // Seed 002, III.7: "Triển khai Quyết định số 2034/QĐ-UBND ngày 03/7/2018 của Ủy ban nhân dân tỉnh" (ISO 9001:2015).
        task(
          'Triển khai Quyết định số 2034/QĐ-UBND ngày 03/7/2018 của UBND tỉnh về xây dựng, chuyển đổi, mở rộng Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2015',
          IMPLEMENTING_ALL,
          DOHA,
          'Năm 2021',
        ),
      ],
    },
  ],
  cascade: null,
};
