import type { DraftTask, PlanDraft, UnitCell } from '../../domain/plan-draft';

/**
 * Seed 000 (docs/domain/seeds/000_*.txt): UBND huyện Nông Sơn (519, Quảng Nam; merged into Quế
 * Sơn on 2025-01-01), PAPI 2020, implementing the province's 4055/KH-UBND. Every cell as written
 * (only words split across lines by the extraction are rejoined).
 *
 * The seed leaves the number and the day blank ("Kế hoạch số:         /KH-UBND ngày      tháng 7
 * năm 2020"): the number is kept as written ("/KH-UBND") and the document date is unknown.
 * The appendix numbers its dimensions I–VII then IX (there is no VIII): codes as written, the
 * indicator gives PAPI's dimension (IX is dimension 8, "Quản trị điện tử").
 * Where the implementing cell names no body the directory can find ("Các cơ quan, đơn vị có liên
 * quan", "Các đơn vị trường học thuộc huyện quản lý"), the lead's office is picked explicitly.
 */
const c = (text: string, unitCodes?: readonly string[]): UnitCell => (unitCodes ? { text, unitCodes } : { text });

const OFFICES_AND_COMMUNES = c('Các phòng, ban, ngành; UBND cấp xã.');
const COMMUNES = c('UBND cấp xã.');
const QUARTERLY = 'Báo cáo kết quả hàng quý, 6 tháng, năm.';

const task = (
  ordinal: string,
  text: string,
  target: string | null,
  lead: UnitCell,
  implementing: UnitCell,
  timeframe: string,
  expectedResult: string,
): DraftTask => ({ ordinal, text, target, lead, implementing, timeframe, expectedResult });

export const NONG_SON_PAPI_2020: PlanDraft = {
  number: '/KH-UBND',
  title: 'Cải thiện Chỉ số hiệu quả quản trị và hành chính công tỉnh Quảng Nam trên địa bàn huyện năm 2020',
  issuerCode: '519',
  documentDate: null,
  year: 2020,
  frameworks: ['PAPI'],
  implementsText:
    'Kế hoạch số 4055/KH-UBND ngày 20/7/2020 của UBND tỉnh Quảng Nam về cải thiện Chỉ số hiệu quả quản trị và hành chính công tỉnh Quảng Nam năm 2020',
  purposes: [
    '- Góp phần khắc phục những tồn tại, hạn chế trong thực hiện các nội dung của Chỉ số PAPI năm 2019.',
    '- Tăng cường trách nhiệm của người đứng đầu các ngành, các cấp, mỗi cán bộ, công chức, viên chức trong nỗ lực cải thiện hiệu lực, hiệu quả quản lý nhà nước.',
    '- Nâng cao nhận thức và huy động sự tham gia rộng rãi của mọi tầng lớp Nhân dân vào quá trình xây dựng, thực thi và giám sát việc thi hành chính sách.',
  ].join('\n'),
  requirements:
    'Các nhiệm vụ theo Kế hoạch này phải phù hợp với thực tế cải cách hành chính trên địa bàn huyện và được thực hiện đồng bộ với các nhiệm vụ theo Kế hoạch cải cách hành chính của tỉnh, của huyện giai đoạn 2016-2020, Kế hoạch cải cách hành chính hằng năm, Chỉ số sẵn sàng cho phát triển và ứng dụng công nghệ thông tin và truyền thông, đặc biệt là ở cấp xã.',
  columns: { lead: 'Đầu mối chủ trì thực hiện', implementing: 'Đơn vị thực hiện' },
  sections: [
    {
      code: 'I',
      title: 'Chỉ số: Tham gia của người dân ở cấp cơ sở',
      indicator: { framework: 'PAPI', code: '1' },
      tasks: [
        task(
          '1',
          [
            'Thực hiện công tác thông tin, tuyên truyền về Pháp lệnh thực hiện dân chủ ở xã, phường, thị trấn; các nội dung, vấn đề mà người dân có quyền được biết, được bàn, được tham gia thực hiện hoặc kiểm tra, giám sát việc thực hiện, cụ thể:',
            '1.1. Tuyên truyền nâng cao nhận thức công dân về tự ứng cử, tham gia bầu cử vào các chức danh không chuyên trách cấp xã, trưởng thôn, tổ dân cư.',
            '1.2. Tuyên truyền về giám sát, đóng góp ý kiến của người dân trong quá trình thiết kế sửa chữa/xây mới công trình công cộng ở địa phương; lập, điều chỉnh quy hoạch, kế hoạch sử dụng đất ở địa phương...',
          ].join('\n'),
          '100% UBND cấp xã triển khai thực hiện.',
          c('Phòng Nội vụ'),
          c('Trung tâm Văn hóa - Thể thao và Truyền thanh - Truyền hình huyện; UBND cấp xã.'),
          'Thường xuyên',
          'Công văn hướng dẫn, kiểm tra; Kế hoạch thực hiện.',
        ),
      ],
    },
    {
      code: 'II',
      title: 'Chỉ số: Công khai, minh bạch',
      indicator: { framework: 'PAPI', code: '2' },
      tasks: [
        task(
          '1',
          'Thực hiện công khai quy trình bình xét hộ nghèo đến từng hộ gia đình trên địa bàn quản lý.',
          '100% UBND cấp xã công khai.',
          c('Phòng Lao động - Thương binh và Xã hội.'),
          COMMUNES,
          'Thường xuyên',
          'Kế hoạch/Quy trình bình xét được ban hành danh sách hộ nghèo.',
        ),
        task(
          '2',
          'Công khai đối tượng thuộc diện hộ nghèo, danh sách hộ nghèo và các chế độ, chính sách đối với hộ nghèo theo quy định hiện hành tại trụ sở UBND cấp xã và thông qua cuộc họp thôn, tổ dân cư.',
          '100% UBND cấp xã công khai.',
          c('Phòng Lao động - Thương binh và Xã hội.'),
          COMMUNES,
          'Thường xuyên',
          'Báo cáo kết quả hàng quý, 6 tháng, năm danh sách hộ nghèo.',
        ),
        task(
          '3',
          'Tổ chức kiểm tra và xử lý nghiêm những cơ quan, đơn vị, địa phương; cán bộ, công chức thực hiện không đúng quy định về chính sách đối với hộ nghèo.',
          'Tối thiểu 30% số xã phường, thị trấn được kiểm tra.',
          c('Phòng Lao động - Thương binh và Xã hội.'),
          COMMUNES,
          'Thường xuyên',
          'Kế hoạch kiểm tra; Báo cáo kết quả quả kiểm tra Kế hoạch thực hiện.',
        ),
        task(
          '4',
          'Công khai, minh bạch thu, chi, quyết toán ngân sách cấp xã theo đúng quy định Pháp lệnh dân chủ cơ sở.',
          '100% UBND cấp xã công khai.',
          COMMUNES,
          COMMUNES,
          'Thường xuyên',
          QUARTERLY,
        ),
        task(
          '5',
          'Công khai các khoản đóng góp tự nguyện, các khoản thu chi từ các công trình, dự án có sự tham gia, đóng góp của nhân dân tại trụ sở UBND cấp xã, qua truyền thanh, họp thôn, tổ dân cư.',
          '100% UBND cấp xã công khai.',
          COMMUNES,
          COMMUNES,
          'Thường xuyên',
          QUARTERLY,
        ),
        task(
          '6',
          'Công khai quy hoạch/kế hoạch sử dụng đất, khung giá bồi thường, hỗ trợ, tái định cư.',
          '100% quy hoạch, kế hoạch, khung giá được công khai.',
          c('Phòng Tài nguyên và Môi trường.'),
          COMMUNES,
          'Thường xuyên',
          QUARTERLY,
        ),
        task(
          '7',
          'Tổ chức đối thoại của UBND cấp xã với người dân địa phương ít nhất 1 lần/năm',
          '01 lần/năm.',
          c('UBND huyện'),
          COMMUNES,
          'Theo định kỳ',
          'Kết quả thực hiện.',
        ),
      ],
    },
    {
      code: 'III',
      title: 'Chỉ số: Trách nhiệm giải trình với nhân dân',
      indicator: { framework: 'PAPI', code: '3' },
      tasks: [
        task(
          '1',
          'Thực hiện tốt công tác tiếp công dân; giải quyết có hiệu quả những phản ánh, kiến nghị, khiếu nại, tố cáo của công dân.',
          '100% số lượng đơn thư khiếu nại tố cáo được giải quyết; 100% người dân đến khiếu nại tố cáo được giải quyết phù hợp với quy định của Nhà nước.',
          c('Văn phòng HĐND và UBND huyện.'),
          OFFICES_AND_COMMUNES,
          'Thường xuyên',
          QUARTERLY,
        ),
        task(
          '2',
          'Thực hiện nghiêm Nghị định số 90/2013/NĐ-CP ngày 08/8/2013 của Chính phủ quy định trách nhiệm giải trình của cơ quan Nhà nước trong việc thực hiện nhiệm vụ, quyền hạn được giao.',
          '100% kiến nghị của người dân được giải trình.',
          c('Văn phòng HĐND và UBND huyện.'),
          OFFICES_AND_COMMUNES,
          'Thường xuyên',
          QUARTERLY,
        ),
        task(
          '3',
          'Nâng cao chất lượng xét xử trong tranh chấp dân sự, tạo niềm tin người dân vào kết quả xét xử.',
          '100% với kết quả thỏa đáng',
          c('Tòa án nhân dân huyện'),
          OFFICES_AND_COMMUNES,
          'Thường xuyên',
          'Báo cáo kết quả hàng quý, 6 tháng, năm',
        ),
        task(
          '4',
          'Nâng cao sự hài lòng của người dân đối với thái độ hướng dẫn, giải trình của CBCC tại Bộ phận Một cửa các cấp.',
          '95% hài lòng.',
          c('Văn phòng HĐND và UBND huyện, UBND cấp xã.'),
          OFFICES_AND_COMMUNES,
          'Thường xuyên',
          QUARTERLY,
        ),
        task(
          '5',
          'Thực hiện vai trò giám sát, phản biện xã hội góp phần nâng cao trách nhiệm giải trình của chính quyền cơ sở đối với người dân.',
          '100% hoạt động của cơ quan hành chính nhà nước cấp xã được giám sát.',
          c('UBMTTQVN huyện.'),
          OFFICES_AND_COMMUNES,
          'Theo định kỳ 06 tháng',
          'Kế hoạch thực hiện; Báo cáo kết quả, 6 tháng, năm.',
        ),
      ],
    },
    {
      code: 'IV',
      title: 'Chỉ số: Kiểm soát tham nhũng trong khu vực công',
      indicator: { framework: 'PAPI', code: '4' },
      tasks: [
        task(
          '1',
          'Tuyên truyền, phổ biến các quy định của pháp luật, các văn bản có liên quan về phòng, chống tham nhũng.',
          '100% các quy định của nhà nước được thực hiện.',
          c('Thanh tra huyện.'),
          OFFICES_AND_COMMUNES,
          'Thường xuyên',
          'Kế hoạch thực hiện; Báo cáo kết quả hàng quý, 6 tháng, năm.',
        ),
        task(
          '2',
          'Nâng cao chất lượng đầu vào trong thi tuyển, tuyển dụng công chức, viên chức trên địa bàn huyện.',
          '100% đáp ứng nhu cầu công việc được giao.',
          c('Phòng Nội vụ.'),
          OFFICES_AND_COMMUNES,
          'Thường xuyên',
          'Báo cáo kết quả thực hiện.',
        ),
        task(
          '3',
          'Tự kiểm tra về công vụ, công chức, viên chức trong thực thi công vụ. Xử lý kỷ luật nghiêm đối với các trường hợp vi phạm như: sách nhiễu, gây khó khăn cho người dân hoặc lợi dụng chức vụ, vị trí công tác để trục lợi cá nhân...',
          '100% cơ quan, đơn vị thực hiện tự kiểm tra',
          c('Phòng Nội vụ.'),
          OFFICES_AND_COMMUNES,
          'Thường xuyên',
          'Báo cáo kết quả thực hiện.',
        ),
        task(
          '4',
          'Kê khai tài sản và thu nhập của CBCCVC tại cơ quan, đơn vị theo đúng quy định.',
          '100% cơ quan, đơn vị thực hiện.',
          c('Thanh tra huyện.'),
          OFFICES_AND_COMMUNES,
          'Tháng 12',
          'Báo cáo kết quả thực hiện.',
        ),
        task(
          '5',
          'Nâng cao chất lượng phục vụ ngành giáo dục.',
          '100% công chức, viên chức bậc mầm non và tiểu học, THCS được bồi dưỡng chuyên môn và nghiệp vụ.',
          c('Phòng Giáo dục và Đào tạo.'),
          // The schools are not units of the directory: the office that manages them is picked.
          c('Các đơn vị trường học thuộc huyện quản lý.', ['519.PGDDT']),
          'Thường xuyên',
          'Báo cáo kết quả thực hiện.',
        ),
      ],
    },
    {
      code: 'V',
      title: 'Chỉ số: Thủ tục hành chính công',
      indicator: { framework: 'PAPI', code: '5' },
      tasks: [
        task(
          '1',
          'Rà soát các quy định, TTHC thuộc phạm vi quản lý; thực hiện cắt giảm tối đa các TTHC rườm rà, không cần thiết để giảm thời gian và chi phí giải quyết TTHC cho người dân.',
          'Theo Kế hoạch của UBND huyện.',
          c('Văn phòng HĐND và UBND huyện.'),
          OFFICES_AND_COMMUNES,
          'Theo Kế hoạch của UBND huyện',
          'Kế hoạch thực hiện; Báo cáo kết quả hàng quý, 6 tháng, năm.',
        ),
        task(
          '2',
          'Thực hiện kiểm tra đột xuất trong việc tiếp nhận và giải quyết TTHC.',
          null,
          // The district's inspection team is no unit of the directory: Phòng Nội vụ, which runs the CCHC inspections (V.3), answers.
          c('Đoàn Kiểm tra CCHC huyện.', ['519.PNV']),
          OFFICES_AND_COMMUNES,
          'Thường xuyên',
          'Báo cáo kết quả kiểm tra.',
        ),
        task(
          '3',
          'Kiểm tra liên ngành công tác CCHC.',
          '30% các cơ quan chuyên môn cấp huyện, đơn vị hành chính cấp xã được kiểm tra.',
          c('Phòng Nội vụ.'),
          c('Các cơ quan, đơn vị có liên quan.', ['519.PNV']),
          'Quý III/2020',
          'Báo cáo kết quả kiểm tra; Báo cáo kết quả khắc phục sau kiểm tra.',
        ),
        task(
          '4',
          'Nâng cao chất lượng trong cấp phép xây dựng.',
          'Trả lời bằng văn bản đối với việc cấp phép không đạt yêu cầu trả lại hồ sơ.',
          c('Phòng Kinh tế và Hạ tầng.'),
          COMMUNES,
          'Thường xuyên',
          'Báo cáo kết quả thực hiện.',
        ),
        task(
          '5',
          'Nâng cao chất lượng giải quyết TTHC thuộc lĩnh vực đất đai.',
          '95% TTHC thuộc lĩnh vực đất đai giải quyết đúng hẹn, đúng quy định; có văn bản xin lỗi người dân đối với hồ sơ sai sót, trễ hẹn.',
          c('Phòng Tài nguyên và Môi trường, Chi nhánh Văn phòng đăng ký đất đai.'),
          c('Phòng Tài nguyên và Môi trường, Chi nhánh Văn phòng đăng ký đất đai; UBND cấp xã.'),
          'Thường xuyên',
          'Báo cáo tỷ lệ hồ sơ giải quyết; danh sách TTHC được giải quyết.',
        ),
      ],
    },
    {
      code: 'VI',
      title: 'Cung ứng dịch vụ công',
      indicator: { framework: 'PAPI', code: '6' },
      tasks: [
        task(
          '1',
          'Tăng cường tuyên truyền chính sách bảo hiểm y tế để góp phần tăng tỷ lệ người dân tham gia bảo hiểm y tế.',
          'Theo Quyết định của UBND tỉnh giao.',
          c('Bảo hiểm xã hội huyện.'),
          c('UBMTTQVN huyện; các phòng, ban, ngành, UBND cấp xã; Trung tâm VHTT&TTTH huyện', ['519.TTVHTT']),
          'Thường xuyên',
          QUARTERLY,
        ),
        task(
          '2',
          'Tổ chức các đoàn thanh tra, kiểm tra về tình trạng dạy thêm, học thêm; các khoản thu, chi phí, lệ phí, các loại quỹ tại các trường tiểu học công lập.',
          'Ít nhất 01 đợt/năm.',
          c('Phòng Giáo dục và Đào tạo.'),
          c('Các cơ quan, đơn vị liên quan.', ['519.PGDDT']),
          'Thường xuyên',
          'Báo cáo kết quả thực hiện.',
        ),
        task(
          '3',
          'Nâng cao chất lượng cơ sở hạ tầng giao thông.',
          'Theo chỉ tiêu về hạ tầng giao thông theo lộ trình giai đoạn.',
          c('Phòng Kinh tế và Hạ tầng.'),
          COMMUNES,
          'Theo Kế hoạch Chương trình Nông thôn mới',
          'Kế hoạch thực hiện; Báo cáo kết quả hàng quý, 6 tháng, năm.',
        ),
        task(
          '4',
          'Nâng cao chất lượng cơ sở hạ tầng đô thị.',
          'Theo chỉ tiêu về hạ tầng theo lộ trình giai đoạn.',
          c('Phòng Kinh tế và Hạ tầng.'),
          COMMUNES,
          'Thường xuyên',
          'Báo cáo kết quả.',
        ),
        task(
          '5',
          'Thực hiện tốt các chương trình, mục tiêu quốc gia về phòng, chống tội phạm, phòng, chống ma túy; quan tâm xây dựng, củng cố các tổ chức nòng cốt làm công tác bảo đảm an ninh trật tự ở cơ sở; phát huy hiệu quả các mô hình bảo vệ an ninh trật tự ở khu dân cư..., không để phát sinh điểm nóng về an ninh trật tự tại địa phương.',
          'Theo chương trình, mục tiêu quốc gia.',
          c('Công an huyện.'),
          COMMUNES,
          'Thường xuyên',
          QUARTERLY,
        ),
      ],
    },
    {
      code: 'VII',
      title: 'Quản trị môi trường',
      indicator: { framework: 'PAPI', code: '7' },
      tasks: [
        task(
          '1',
          'Thực hiện thu gom và xử lý rác thải sinh hoạt theo quy định.',
          'Đạt trên 90% lượng rác thải ra môi trường được thu gom xử lý.',
          c('Phòng Tài nguyên và Môi trường.'),
          COMMUNES,
          'Thường xuyên',
          QUARTERLY,
        ),
        task(
          '2',
          'Mở rộng hệ thống cung cấp nước sạch để phục vụ nhân dân theo Chương trình mục tiêu quốc gia về nước sạch và vệ sinh môi trường nông thôn.',
          'Theo Chương trình mở rộng quy mô vệ sinh và nước sạch nông thôn.',
          c('Phòng Nông nghiệp và Phát triển nông thôn.'),
          c('Các cơ quan, đơn vị có liên quan', ['519.PNNPTNT']),
          'Thường xuyên',
          QUARTERLY,
        ),
      ],
    },
    {
      // "IX" as written: the appendix has no VIII.
      code: 'IX',
      title: 'Quản trị điện tử',
      indicator: { framework: 'PAPI', code: '8' },
      tasks: [
        task(
          '1',
          'Đẩy mạnh ứng dụng CNTT trong hoạt động, quản lý điều hành của các cơ quan nhà nước, hoàn thiện các mục tiêu xây dựng Chính quyền điện tử.',
          'Theo Đề án xây dựng chính quyền điện tử tỉnh.',
          c('Phòng Văn hóa và Thông tin.'),
          c('Các cơ quan, đơn vị có liên quan.', ['519.PVHTT']),
          'Thường xuyên',
          QUARTERLY,
        ),
        task(
          '2',
          'Thực hiện có hiệu quả dịch vụ công trực tuyến mức độ 3, 4 trong giải quyết TTHC.',
          'Tỷ lệ hồ sơ được giải quyết mức độ 3, 4 đạt 45%.',
          c('Văn phòng HĐND và UBND huyện.'),
          OFFICES_AND_COMMUNES,
          'Quý IV/2020',
          'Báo cáo định kỳ.',
        ),
        task(
          '3',
          'Đồng bộ hóa, tích hợp TTHC lên Cổng Dịch vụ công của tỉnh.',
          '- Các TTHC được tích hợp.\n- Tối thiểu 30% TTHC dịch công TT mức độ 3, 4 được tích hợp.',
          c('Văn phòng HĐND và UBND huyện.'),
          OFFICES_AND_COMMUNES,
          'Quý IV/2020',
          'Kế hoạch thực hiện; Báo cáo kết quả.',
        ),
        task(
          '4',
          'Thực hiện công tác tuyên truyền về cải cách TTHC..., hướng dẫn giải quyết hồ sơ TTHC trực tuyến mức độ 3, 4.',
          'Kế hoạch thực hiện.',
          c('Văn phòng HĐND và UBND huyện, Phòng Văn hóa và Thông tin'),
          OFFICES_AND_COMMUNES,
          'Quý IV/2020',
          'Báo cáo kết quả.',
        ),
      ],
    },
  ],
  // IV.1 "Các cơ quan, đơn vị, địa phương": plans of their own, to Phòng Nội vụ by 31/8/2020.
  cascade: {
    text: 'Xây dựng kế hoạch cụ thể hóa các nhiệm vụ được giao theo Kế hoạch này gửi về Phòng Nội vụ trước ngày 31/8/2020, để tổng hợp, báo cáo UBND tỉnh, theo đó phân công rõ trách nhiệm cho các bộ phận, cán bộ, công chức, viên chức trực thuộc để có cơ sở kiểm tra, đôn đốc kết quả thực hiện.',
    dueOn: '2020-08-31',
    levels: ['AGENCY', 'COMMUNE'],
  },
};
