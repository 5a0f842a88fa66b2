import { parseTarget, SingleTarget, Target } from './target';

/**
 * Every target string of seeds 000–003 (docs/domain/seeds), read by hand from the documents
 * and written here once: the table is the source, nothing is read at run time. Text broken over
 * lines by the extraction is joined with single spaces; everything else (double spaces
 * included) is as written. One row per distinct string of a seed; the first column says where it
 * stands (PL = the appendix table's "Chỉ tiêu" column, by section and row).
 *
 * Seeds 000 and 001 have an appendix; 002 and 003 have none in the extracted text, so their rows
 * are the targets of their bodies: seed 002's "II. MỤC TIÊU, CHỈ TIÊU", one row per sentence (as
 * an issuer would enter them), and seed 003's goals and the "đảm bảo ... 100% ..." clauses of its
 * tasks.
 */
type Expected = Target extends infer T ? (T extends unknown ? Omit<T, 'text'> : never) : never;
type Row = readonly [where: string, text: string, expected: Expected];

const all = (...parts: SingleTarget[]): Expected => ({ kind: 'all', parts });
const TEXT = { kind: 'text' } as const;

/** Kế hoạch cải thiện PAPI, UBND huyện Nông Sơn, 2020. */
const SEED_000: readonly Row[] = [
  ['000 PL I.1', '100% UBND cấp xã triển khai thực hiện.', { kind: 'coverage', value: 100, of: 'UBND cấp xã triển khai thực hiện' }],
  ['000 PL II.1, II.2, II.4, II.5', '100% UBND cấp xã công khai.', { kind: 'coverage', value: 100, of: 'UBND cấp xã công khai' }],
  [
    '000 PL II.3',
    'Tối thiểu 30% số xã phường, thị trấn được kiểm tra.',
    { kind: 'percentage', comparator: 'gte', value: 30, subject: 'số xã phường, thị trấn được kiểm tra' },
  ],
  ['000 PL II.6', '100% quy hoạch, kế hoạch, khung giá được công khai.', { kind: 'coverage', value: 100, of: 'quy hoạch, kế hoạch, khung giá được công khai' }],
  ['000 PL II.7', '01 lần/năm.', { kind: 'count', comparator: 'gte', value: 1, unit: 'lần', per: 'year' }],
  [
    '000 PL III.1',
    '100% số lượng đơn thư khiếu nại tố cáo được giải quyết; 100% người dân đến khiếu nại tố cáo được giải quyết phù hợp với quy định của Nhà nước.',
    all(
      { kind: 'coverage', value: 100, of: 'số lượng đơn thư khiếu nại tố cáo được giải quyết', text: '100% số lượng đơn thư khiếu nại tố cáo được giải quyết' },
      {
        kind: 'coverage',
        value: 100,
        of: 'người dân đến khiếu nại tố cáo được giải quyết phù hợp với quy định của Nhà nước',
        text: '100% người dân đến khiếu nại tố cáo được giải quyết phù hợp với quy định của Nhà nước.',
      },
    ),
  ],
  ['000 PL III.2', '100% kiến nghị của người dân được giải trình.', { kind: 'coverage', value: 100, of: 'kiến nghị của người dân được giải trình' }],
  ['000 PL III.3', '100% với kết quả thỏa đáng', { kind: 'coverage', value: 100, of: 'với kết quả thỏa đáng' }],
  ['000 PL III.4', '95% hài lòng.', { kind: 'percentage', comparator: 'gte', value: 95, subject: 'hài lòng' }],
  [
    '000 PL III.5',
    '100% hoạt động của cơ quan hành chính nhà nước cấp xã được giám sát.',
    { kind: 'coverage', value: 100, of: 'hoạt động của cơ quan hành chính nhà nước cấp xã được giám sát' },
  ],
  ['000 PL IV.1', '100% các quy định của nhà nước được thực hiện.', { kind: 'coverage', value: 100, of: 'các quy định của nhà nước được thực hiện' }],
  ['000 PL IV.2', '100% đáp ứng nhu cầu công việc được giao.', { kind: 'coverage', value: 100, of: 'đáp ứng nhu cầu công việc được giao' }],
  ['000 PL IV.3', '100% cơ quan, đơn vị thực hiện tự kiểm tra', { kind: 'coverage', value: 100, of: 'cơ quan, đơn vị thực hiện tự kiểm tra' }],
  ['000 PL IV.4', '100% cơ quan, đơn vị thực hiện.', { kind: 'coverage', value: 100, of: 'cơ quan, đơn vị thực hiện' }],
  [
    '000 PL IV.5',
    '100% công chức, viên chức bậc mầm non và tiểu học, THCS được bồi dưỡng chuyên môn và nghiệp vụ.',
    { kind: 'coverage', value: 100, of: 'công chức, viên chức bậc mầm non và tiểu học, THCS được bồi dưỡng chuyên môn và nghiệp vụ' },
  ],
  ['000 PL V.1', 'Theo Kế hoạch của UBND huyện.', TEXT],
  ['000 PL V.2 (empty cell)', '', TEXT],
  [
    '000 PL V.3',
    '30% các cơ quan chuyên môn cấp huyện, đơn vị hành chính cấp xã được kiểm tra.',
    { kind: 'percentage', comparator: 'gte', value: 30, subject: 'các cơ quan chuyên môn cấp huyện, đơn vị hành chính cấp xã được kiểm tra' },
  ],
  ['000 PL V.4', 'Trả lời bằng văn bản đối với việc cấp phép không đạt yêu cầu trả lại hồ sơ.', TEXT],
  [
    '000 PL V.5',
    '95% TTHC thuộc lĩnh vực đất đai giải quyết đúng hẹn, đúng quy định; có văn bản xin lỗi người dân đối với hồ sơ sai sót, trễ hẹn.',
    all(
      {
        kind: 'percentage',
        comparator: 'gte',
        value: 95,
        subject: 'TTHC thuộc lĩnh vực đất đai giải quyết đúng hẹn, đúng quy định',
        text: '95% TTHC thuộc lĩnh vực đất đai giải quyết đúng hẹn, đúng quy định',
      },
      { kind: 'text', text: 'có văn bản xin lỗi người dân đối với hồ sơ sai sót, trễ hẹn.' },
    ),
  ],
  ['000 PL VI.1', 'Theo Quyết định của UBND tỉnh giao.', TEXT],
  ['000 PL VI.2', 'Ít nhất 01 đợt/ năm.', { kind: 'count', comparator: 'gte', value: 1, unit: 'đợt', per: 'year' }],
  ['000 PL VI.3', 'Theo chỉ tiêu về hạ tầng giao thông theo lộ trình giai đoạn.', TEXT],
  ['000 PL VI.4', 'Theo chỉ tiêu về hạ tầng theo lộ trình giai đoạn.', TEXT],
  ['000 PL VI.5', 'Theo chương trình, mục tiêu quốc gia.', TEXT],
  [
    '000 PL VII.1',
    'Đạt trên 90% lượng rác thải ra môi trường được thu gom xử lý.',
    { kind: 'percentage', comparator: 'gt', value: 90, subject: 'lượng rác thải ra môi trường được thu gom xử lý' },
  ],
  ['000 PL VII.2', 'Theo Chương trình mở rộng quy mô vệ sinh và nước sạch nông thôn.', TEXT],
  ['000 PL IX.1', 'Theo Đề án xây dựng chính quyền điện tử tỉnh.', TEXT],
  [
    '000 PL IX.2',
    'Tỷ lệ hồ sơ được giải quyết mức độ 3, 4 đạt 45%.',
    { kind: 'percentage', comparator: 'gte', value: 45, subject: 'Tỷ lệ hồ sơ được giải quyết mức độ 3, 4' },
  ],
  [
    '000 PL IX.3',
    '- Các TTHC được tích hợp. - Tối thiểu 30% TTHC dịch công TT mức độ 3, 4 được tích hợp.',
    all(
      { kind: 'text', text: 'Các TTHC được tích hợp.' },
      {
        kind: 'percentage',
        comparator: 'gte',
        value: 30,
        subject: 'TTHC dịch công TT mức độ 3, 4 được tích hợp',
        text: 'Tối thiểu 30% TTHC dịch công TT mức độ 3, 4 được tích hợp.',
      },
    ),
  ],
  ['000 PL IX.4', 'Kế hoạch thực hiện.', TEXT],
];

/** Kế hoạch 154/KH-UBND, UBND huyện Vị Xuyên, 31/5/2021. */
const SEED_001: readonly Row[] = [
  ['001 PL 1.1', '100% các thôn, tổ dân phố', { kind: 'coverage', value: 100, of: 'các thôn, tổ dân phố' }],
  ['001 PL 1.2, 1.3b, 1.4, 2.2, 2.3', '100% các xã, thị trấn', { kind: 'coverage', value: 100, of: 'các xã, thị trấn' }],
  ['001 PL 1.3a', 'Tỷ lệ cử tri đi bầu đạt trên 99,5%', { kind: 'percentage', comparator: 'gt', value: 99.5, subject: 'Tỷ lệ cử tri đi bầu' }],
  [
    '001 PL 2.1',
    '100% chính sách pháp luật mới ban hành được cung cấp thông tin tới người dân',
    { kind: 'coverage', value: 100, of: 'chính sách pháp luật mới ban hành được cung cấp thông tin tới người dân' },
  ],
  [
    '001 PL 2.4',
    '100% quy hoạch, kế hoạch khung giá bồi thường được công khai',
    { kind: 'coverage', value: 100, of: 'quy hoạch, kế hoạch khung giá bồi thường được công khai' },
  ],
  ['001 PL 3.1', '100% đại biểu HĐND mới, được bồi dưỡng nghiệp vụ', { kind: 'coverage', value: 100, of: 'đại biểu HĐND mới, được bồi dưỡng nghiệp vụ' }],
  [
    '001 PL 3.2a',
    '100% số lượng đơn thư khiếu nại, tố cáo được giải quyết phù hợp với quy định của nhà nước',
    { kind: 'coverage', value: 100, of: 'số lượng đơn thư khiếu nại, tố cáo được giải quyết phù hợp với quy định của nhà nước' },
  ],
  ['001 PL 3.2b', '100% kiến nghị của người dân được giải trình', { kind: 'coverage', value: 100, of: 'kiến nghị của người dân được giải trình' }],
  ['001 PL 3.3', '100% kết quả thỏa đáng', { kind: 'coverage', value: 100, of: 'kết quả thỏa đáng' }],
  [
    '001 PL 4.1',
    '100% CBCCVV không dùng tiền công quỹ vào mục đích riêng',
    { kind: 'coverage', value: 100, of: 'CBCCVV không dùng tiền công quỹ vào mục đích riêng' },
  ],
  [
    '001 PL 4.2',
    'Không có trường hợp phải chi thêm tiền để được quan tâm hơn khi đi khám bệnh.',
    { kind: 'count', comparator: 'eq', value: 0, unit: 'trường hợp', per: 'period', subject: 'phải chi thêm tiền để được quan tâm hơn khi đi khám bệnh' },
  ],
  [
    '001 PL 4.3',
    'Không có trường hợp phụ huynh tiểu học phải chi thêm tiền để con em được quan tâm hơn',
    {
      kind: 'count',
      comparator: 'eq',
      value: 0,
      unit: 'trường hợp',
      per: 'period',
      subject: 'phụ huynh tiểu học phải chi thêm tiền để con em được quan tâm hơn',
    },
  ],
  [
    '001 PL 4.4',
    '100% công chức, viên chức được xét tuyển đáp ứng công việc được giao',
    { kind: 'coverage', value: 100, of: 'công chức, viên chức được xét tuyển đáp ứng công việc được giao' },
  ],
  ['001 PL 4.5a', '100% cơ quan, đơn vị thực hiện', { kind: 'coverage', value: 100, of: 'cơ quan, đơn vị thực hiện' }],
  ['001 PL 4.5b (empty cell)', '', TEXT],
  ['001 PL 4.6a', 'Theo kế hoạch của huyện', TEXT],
  [
    '001 PL 4.6b',
    '100% công chức, viên chức làm việc tại Bộ phận tiếp nhận và trả kết quả TTHC cấp huyện, cấp xã được tập huấn',
    { kind: 'coverage', value: 100, of: 'công chức, viên chức làm việc tại Bộ phận tiếp nhận và trả kết quả TTHC cấp huyện, cấp xã được tập huấn' },
  ],
  [
    '001 PL 4.6c',
    'Tối thiểu 30% cơ quan chuyên môn cấp huyện và đơn vị hành chính cấp xã',
    { kind: 'percentage', comparator: 'gte', value: 30, subject: 'cơ quan chuyên môn cấp huyện và đơn vị hành chính cấp xã' },
  ],
  ['001 PL 5.2', '100% kết quả giải quyết đúng hạn', { kind: 'coverage', value: 100, of: 'kết quả giải quyết đúng hạn' }],
  [
    '001 PL 5.3',
    'Có ít nhất 95% kết quả giải quyết đúng hạn; có văn bản xin lỗi đối với 100% hồ sơ có kết quả giải quyết trễ hạn',
    all(
      { kind: 'percentage', comparator: 'gte', value: 95, subject: 'kết quả giải quyết đúng hạn', text: 'Có ít nhất 95% kết quả giải quyết đúng hạn' },
      { kind: 'coverage', value: 100, of: 'hồ sơ có kết quả giải quyết trễ hạn', text: 'có văn bản xin lỗi đối với 100% hồ sơ có kết quả giải quyết trễ hạn' },
    ),
  ],
  [
    '001 PL 5.4',
    '15% kết quả giải quyết TTHC trên từng lĩnh vực',
    { kind: 'percentage', comparator: 'gte', value: 15, subject: 'kết quả giải quyết TTHC trên từng lĩnh vực' },
  ],
  ['001 PL 6.1a', 'Theo chỉ tiêu tỉnh giao', TEXT],
  ['001 PL 6.1b', 'Theo quy định của Sở Y tế', TEXT],
  [
    '001 PL 6.1c',
    '100% phản ánh, kiến nghị của người dân được tiếp nhận, xử lý kịp thời',
    { kind: 'coverage', value: 100, of: 'phản ánh, kiến nghị của người dân được tiếp nhận, xử lý kịp thời' },
  ],
  ['001 PL 6.2', 'Ít nhất 01 đợt/năm', { kind: 'count', comparator: 'gte', value: 1, unit: 'đợt', per: 'year' }],
  ['001 PL 6.3a', 'Các giải pháp triển khai thực hiện', TEXT],
  ['001 PL 6.3b', 'Theo chỉ tiêu về hạ tầng giao thông theo lộ trình của tỉnh', TEXT],
  [
    '001 PL 6.3c',
    '100% trung tâm các xã Nông thôn mới đều có tổ dịch vụ thu gom rác thải tập trung',
    { kind: 'coverage', value: 100, of: 'trung tâm các xã Nông thôn mới đều có tổ dịch vụ thu gom rác thải tập trung' },
  ],
  [
    '001 PL 6.3d (shifted one column right by the extraction; the target column itself is empty)',
    '100% người dân thuộc trung tâm huyện được sử dụng nước sinh hoạt hợp vệ sinh',
    { kind: 'coverage', value: 100, of: 'người dân thuộc trung tâm huyện được sử dụng nước sinh hoạt hợp vệ sinh' },
  ],
  [
    '001 PL 6.3e',
    '90% người dân nông thôn được dùng nước sinh hoạt hợp vệ sinh',
    { kind: 'percentage', comparator: 'gte', value: 90, subject: 'người dân nông thôn được dùng nước sinh hoạt hợp vệ sinh' },
  ],
  ['001 PL 6.4', 'Theo chương trình mục tiêu quốc gia', TEXT],
  [
    '001 PL 7.1',
    'Xử lý 100% các cơ sở sản xuất, kinh doanh, dịch vụ gây ô nhiễm môi trường',
    { kind: 'coverage', value: 100, of: 'các cơ sở sản xuất, kinh doanh, dịch vụ gây ô nhiễm môi trường' },
  ],
  ['001 PL 7.2', 'Theo kế hoạch của tỉnh giao', TEXT],
  ['001 PL 7.3', 'Các sông, suối, ao hồ không bị ô nhiễm nguồn nước', TEXT],
  ['001 PL 8.1', 'Theo kế hoạch đổi mới cơ chế một cửa, một cửa liên thông', TEXT],
  [
    '001 PL 8.2',
    '80% dân số trên địa bàn huyện được sử dụng dịch vụ Internet',
    { kind: 'percentage', comparator: 'gte', value: 80, subject: 'dân số trên địa bàn huyện được sử dụng dịch vụ Internet' },
  ],
  [
    '001 PL 8.3',
    '100% phản ánh, kiến nghị qua Trang thông tin điện tử được giải quyết',
    { kind: 'coverage', value: 100, of: 'phản ánh, kiến nghị qua Trang thông tin điện tử được giải quyết' },
  ],
];

/** Kế hoạch 53/KH-UBND, cải cách hành chính, UBND huyện Thăng Bình, 14/01/2021: II. MỤC TIÊU, CHỈ TIÊU. */
const SEED_002: readonly Row[] = [
  [
    '002 II.1a',
    'Phấn đấu các Chỉ số (chỉ số PAR INDEX, ICT INDEX, DDCI, PAPI, SIPAS) trong nhóm 08 huyện, thị xã, thành phố dẫn đầu của tỉnh.',
    { kind: 'rank', top: 8, among: 'huyện, thị xã, thành phố', subject: 'Phấn đấu các Chỉ số (chỉ số PAR INDEX, ICT INDEX, DDCI, PAPI, SIPAS)' },
  ],
  [
    '002 II.1b',
    'Trong đó, có một số Chỉ số  nằm trong nhóm 05 huyện, thị xã, thành phố dẫn đầu của tỉnh.',
    { kind: 'rank', top: 5, among: 'huyện, thị xã, thành phố', subject: 'Trong đó, có một số Chỉ số' },
  ],
  [
    '002 II.2a',
    'Triển khai toàn diện Luật Tổ chức chính quyền địa phương sửa đổi, Luật Cán bộ, công chức, Luật Viên chức và các quy định, hướng dẫn có liên quan gắn với kiện toàn tổ chức bộ máy.',
    TEXT,
  ],
  ['002 II.2b', 'Tiếp tục nâng cao năng lực quản lý, điều hành của cơ quan hành chính nhà nước, nhất là Ủy ban nhân dân cấp xã.', TEXT],
  [
    '002 II.3',
    'Tiếp tục thực hiện Nghị quyết 18-NQ/TW và Nghị quyết 19-NQ/TW của Ban Chấp hành Trung ương khoá XII: tiếp tục thực hiện việc sắp xếp lại trường, điểm trường, lớp học gắn với việc bố trí đội ngũ cán bộ quản lý, giáo viên, nhân viên của các cơ sở giáo dục mầm non, tiểu học, trung học cơ sở trên địa bàn huyện giai đoạn 2018 – 2021; xây dựng Đề án sắp xếp, tổ chức lại các tổ chức hội quần chúng hoạt động trên địa bàn huyện….',
    TEXT,
  ],
  [
    '002 II.4a',
    '100% văn bản quy phạm pháp luật đề xuất cấp tỉnh giao cho UBND huyện ban hành hoặc trình HĐND huyện thông qua được đảm bảo kịp thời, đồng bộ, đúng thể thức, trình tự, thẩm quyền, không trái với văn bản cấp trên và phù hợp với tình hình thực tế của huyện.',
    {
      kind: 'coverage',
      value: 100,
      of: 'văn bản quy phạm pháp luật đề xuất cấp tỉnh giao cho UBND huyện ban hành hoặc trình HĐND huyện thông qua được đảm bảo kịp thời, đồng bộ, đúng thể thức, trình tự, thẩm quyền, không trái với văn bản cấp trên và phù hợp với tình hình thực tế của huyện',
    },
  ],
  ['002 II.4b', 'Công tác công khai, góp  ý kiểm tra, rà soát, hệ thống hóa văn bản quy phạm pháp luật thực hiện đúng quy định pháp luật.', TEXT],
  [
    '002 II.5a',
    'Đảm bảo 100% hồ sơ thủ tục hành chính giải quyết tại Bộ phận tiếp nhận và trả kết quả huyện, xã, thị trấn được cập nhật, theo dõi thông qua Hệ thống phần mềm một cửa điện tử.',
    {
      kind: 'coverage',
      value: 100,
      of: 'hồ sơ thủ tục hành chính giải quyết tại Bộ phận tiếp nhận và trả kết quả huyện, xã, thị trấn được cập nhật, theo dõi thông qua Hệ thống phần mềm một cửa điện tử',
    },
  ],
  [
    '002 II.5b',
    '100% thủ tục hành chính (TTHC) và các dịch vụ công được rà soát, cập nhật, công bố, công khai kịp thời tại nơi tiếp nhận, giải quyết hồ sơ hành chính, trên Cổng dịch vụ công của huyện, Trang thông tin điện tử của cơ quan, đơn vị, địa phương.',
    {
      kind: 'coverage',
      value: 100,
      of: 'thủ tục hành chính (TTHC) và các dịch vụ công được rà soát, cập nhật, công bố, công khai kịp thời tại nơi tiếp nhận, giải quyết hồ sơ hành chính, trên Cổng dịch vụ công của huyện, Trang thông tin điện tử của cơ quan, đơn vị, địa phương',
    },
  ],
  [
    '002 II.5c',
    'Phấn đấu có 50% số thủ tục hành chính được cung cấp trực tuyến mức độ 3, 4 có phát sinh hồ sơ.',
    { kind: 'percentage', comparator: 'gte', value: 50, subject: 'số thủ tục hành chính được cung cấp trực tuyến mức độ 3, 4 có phát sinh hồ sơ' },
  ],
  [
    '002 II.5d',
    '90% số hồ sơ liên quan đến TTHC được giải quyết đúng hạn và trước hạn.',
    { kind: 'percentage', comparator: 'gte', value: 90, subject: 'số hồ sơ liên quan đến TTHC được giải quyết đúng hạn và trước hạn' },
  ],
  [
    '002 II.6',
    'Phấn đấu 100% văn bản giao dịch giữa các cơ quan hành chính nhà nước của huyện dưới dạng điện tử (không bao gồm văn bản có nội dung mật).',
    {
      kind: 'coverage',
      value: 100,
      of: 'văn bản giao dịch giữa các cơ quan hành chính nhà nước của huyện dưới dạng điện tử (không bao gồm văn bản có nội dung mật)',
    },
  ],
  [
    '002 II.7',
    'Mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước các cấp đạt trên 85%.',
    {
      kind: 'percentage',
      comparator: 'gt',
      value: 85,
      subject: 'Mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước các cấp',
    },
  ],
  [
    '002 II.8a',
    '100% các cơ quan, đơn vị thực hiện đúng quy định về sử dụng biên chế và ngân sách.',
    { kind: 'coverage', value: 100, of: 'các cơ quan, đơn vị thực hiện đúng quy định về sử dụng biên chế và ngân sách' },
  ],
  [
    '002 II.8b',
    '100% các cơ quan, đơn vị bố trí công chức, viên chức theo đúng Đề án vị trí việc làm được phê duyệt; 100% các cơ quan, đơn vị thực hiện đúng quy định về bổ nhiệm vị trí lãnh đạo tại cơ quan, đơn vị và các phòng, ban, đơn vị trực thuộc.',
    all(
      {
        kind: 'coverage',
        value: 100,
        of: 'các cơ quan, đơn vị bố trí công chức, viên chức theo đúng Đề án vị trí việc làm được phê duyệt',
        text: '100% các cơ quan, đơn vị bố trí công chức, viên chức theo đúng Đề án vị trí việc làm được phê duyệt',
      },
      {
        kind: 'coverage',
        value: 100,
        of: 'các cơ quan, đơn vị thực hiện đúng quy định về bổ nhiệm vị trí lãnh đạo tại cơ quan, đơn vị và các phòng, ban, đơn vị trực thuộc',
        text: '100% các cơ quan, đơn vị thực hiện đúng quy định về bổ nhiệm vị trí lãnh đạo tại cơ quan, đơn vị và các phòng, ban, đơn vị trực thuộc.',
      },
    ),
  ],
  [
    '002 II.8c',
    '100% cán bộ, công chức lãnh đạo quản lý (dưới 55 tuổi đối với nam, dưới 50 tuổi đối với nữ) được bồi dưỡng theo tiêu chuẩn chức vụ lãnh đạo, quản lý; 95% công chức cấp xã đạt chuẩn về chuyên môn nghiệp vụ và phấn đấu 90% cán bộ cấp xã đạt chuẩn theo quy định (Đến năm 2024: 100% CB,CC đạt chuẩn).',
    all(
      {
        kind: 'coverage',
        value: 100,
        of: 'cán bộ, công chức lãnh đạo quản lý (dưới 55 tuổi đối với nam, dưới 50 tuổi đối với nữ) được bồi dưỡng theo tiêu chuẩn chức vụ lãnh đạo, quản lý',
        text: '100% cán bộ, công chức lãnh đạo quản lý (dưới 55 tuổi đối với nam, dưới 50 tuổi đối với nữ) được bồi dưỡng theo tiêu chuẩn chức vụ lãnh đạo, quản lý',
      },
      {
        kind: 'percentage',
        comparator: 'gte',
        value: 95,
        subject: 'công chức cấp xã đạt chuẩn về chuyên môn nghiệp vụ',
        text: '95% công chức cấp xã đạt chuẩn về chuyên môn nghiệp vụ',
      },
      {
        kind: 'percentage',
        comparator: 'gte',
        value: 90,
        subject: 'cán bộ cấp xã đạt chuẩn theo quy định (Đến năm 2024: 100% CB,CC đạt chuẩn)',
        text: 'phấn đấu 90% cán bộ cấp xã đạt chuẩn theo quy định (Đến năm 2024: 100% CB,CC đạt chuẩn).',
      },
    ),
  ],
  [
    '002 II.9',
    'Phấn đấu thực hiện giải ngân kế hoạch đầu tư công từ vốn ngân sách nhà nước đạt từ 90% trở lên.',
    { kind: 'percentage', comparator: 'gte', value: 90, subject: 'Phấn đấu thực hiện giải ngân kế hoạch đầu tư công từ vốn ngân sách nhà nước' },
  ],
];

/** Kế hoạch 136/KH-UBND, nâng cao chỉ số CCHC, UBND xã Quảng Vinh, 20/4/2020. */
const SEED_003: readonly Row[] = [
  ['003 II.1.a', 'Hoàn thành tốt Kế hoạch CCHC năm 2020 của huyện và xã.', TEXT],
  ['003 II.1.b', 'Phấn đấu cải thiện điểm số và vị thứ xếp hạng chỉ số CCHC của xã năm 2020.', TEXT],
  [
    '003 II.3.a (Văn phòng, CCHC tasks)',
    'đảm bảo thực hiện 100% các nhiệm vụ CCHC của cơ quan',
    { kind: 'coverage', value: 100, of: 'các nhiệm vụ CCHC của cơ quan' },
  ],
  [
    '003 II.3.a (Văn phòng, one-stop shop)',
    'Đảm bảo 100% thủ tục hành chính thực hiện theo cơ chế một cửa, một cửa liên thông được niêm yết tại bộ phận tiếp nhận và trả kết quả',
    {
      kind: 'coverage',
      value: 100,
      of: 'thủ tục hành chính thực hiện theo cơ chế một cửa, một cửa liên thông được niêm yết tại bộ phận tiếp nhận và trả kết quả',
    },
  ],
  [
    '003 II.3.a (Văn phòng, one-stop shop)',
    'đảm bảo 100% hồ sơ được giải quyết và trả kết quả trước hạn, đúng hạn',
    { kind: 'coverage', value: 100, of: 'hồ sơ được giải quyết và trả kết quả trước hạn, đúng hạn' },
  ],
  [
    '003 II.3.a (Văn phòng, one-stop shop)',
    'Hạn chế đến mức thấp nhất các vi phạm, sai sót trong tiếp nhận, giải quyết hoặc trả kết quả TTHC theo cơ chế một cửa, một cửa liên thông.',
    TEXT,
  ],
  ['003 II.3.a (Văn phòng, procedures review)', 'đảm bảo thực hiện 100% Kế hoạch', { kind: 'coverage', value: 100, of: 'Kế hoạch' }],
  [
    '003 II.3.a (Văn phòng, ISO)',
    'áp dụng và duy trì hệ thống quản lý chất lượng ISO 9001:2015 vào hoạt động đối với 100% thủ tục hành chính được tiếp nhận và giải quyết tại bộ phận tiếp nhận và trả kết quả',
    { kind: 'coverage', value: 100, of: 'thủ tục hành chính được tiếp nhận và giải quyết tại bộ phận tiếp nhận và trả kết quả' },
  ],
  [
    '003 II.3.b (Tư pháp)',
    'đảm bảo ban hành 100% văn bản thuộc thẩm quyền của UBND xã được triển khai',
    { kind: 'coverage', value: 100, of: 'văn bản thuộc thẩm quyền của UBND xã được triển khai' },
  ],
  ['003 II.3.d (Văn hóa và Thông tin)', 'đảm bảo tổ chức triển khai 100% Kế hoạch', { kind: 'coverage', value: 100, of: 'Kế hoạch' }],
];

const SEEDS = { '000': SEED_000, '001': SEED_001, '002': SEED_002, '003': SEED_003 };

describe('parseTarget', () => {
  describe.each(Object.entries(SEEDS))('every target of seed %s', (_seed, rows) => {
    it.each(rows)('%s: %j', (_where, text, expected) => {
      expect(parseTarget(text)).toStrictEqual({ ...expected, text });
    });

    it('has one row per distinct string', () => {
      const texts = rows.map(([, text]) => text);
      expect(new Set(texts).size).toBe(texts.length);
    });
  });

  it('covers the number of strings counted in each seed', () => {
    expect(Object.fromEntries(Object.entries(SEEDS).map(([seed, rows]) => [seed, rows.length]))).toEqual({ '000': 31, '001': 37, '002': 17, '003': 10 });
  });

  it('reads no file: the tables above are the source', () => {
    const fs = require('fs') as typeof import('fs');
    const spies = [
      jest.spyOn(fs, 'readFileSync'),
      jest.spyOn(fs, 'readFile'),
      jest.spyOn(fs, 'openSync'),
      jest.spyOn(fs, 'readdirSync'),
      jest.spyOn(fs.promises, 'readFile'),
    ];
    try {
      for (const rows of Object.values(SEEDS)) for (const [, text] of rows) parseTarget(text);
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  describe('the examples of the issue and the glossary', () => {
    it.each<readonly [string, Expected]>([
      ['100% các xã, thị trấn', { kind: 'coverage', value: 100, of: 'các xã, thị trấn' }],
      ['95% hài lòng', { kind: 'percentage', comparator: 'gte', value: 95, subject: 'hài lòng' }],
      ['Tỷ lệ cử tri đi bầu đạt trên 99,5%', { kind: 'percentage', comparator: 'gt', value: 99.5, subject: 'Tỷ lệ cử tri đi bầu' }],
      ['01 lần/năm', { kind: 'count', comparator: 'gte', value: 1, unit: 'lần', per: 'year' }],
      ['Tối thiểu 30% cơ quan được kiểm tra', { kind: 'percentage', comparator: 'gte', value: 30, subject: 'cơ quan được kiểm tra' }],
      ['Ít nhất 01 đợt/năm', { kind: 'count', comparator: 'gte', value: 1, unit: 'đợt', per: 'year' }],
    ])('%j', (text, expected) => {
      expect(parseTarget(text)).toStrictEqual({ ...expected, text });
    });
  });

  describe('edge cases', () => {
    it.each<readonly [string, Expected]>([
      ['', TEXT],
      ['   \n ', TEXT],
      ['abc xyz', TEXT],
      ['%%%', TEXT],
      ['Hoàn thành 100%', { kind: 'percentage', comparator: 'gte', value: 100, subject: 'Hoàn thành' }],
      ['Tỷ lệ hồ sơ đúng hạn đạt 100%', { kind: 'percentage', comparator: 'gte', value: 100, subject: 'Tỷ lệ hồ sơ đúng hạn' }],
      ['  100 %   các  XÃ,\nthị trấn. ', { kind: 'coverage', value: 100, of: 'các XÃ, thị trấn' }],
      ['ĐẠT TRÊN 85% hài lòng', { kind: 'percentage', comparator: 'gt', value: 85, subject: 'hài lòng' }],
      ['Tỷ lệ đạt 99.5%', { kind: 'percentage', comparator: 'gte', value: 99.5, subject: 'Tỷ lệ' }],
      ['Không quá 5% hồ sơ trễ hạn', { kind: 'percentage', comparator: 'lte', value: 5, subject: 'hồ sơ trễ hạn' }],
      ['Tối đa 5% hồ sơ trễ hạn', { kind: 'percentage', comparator: 'lte', value: 5, subject: 'hồ sơ trễ hạn' }],
      ['Dưới 2% hộ nghèo', { kind: 'percentage', comparator: 'lt', value: 2, subject: 'hộ nghèo' }],
      ['Không thấp hơn 80% dân số', { kind: 'percentage', comparator: 'gte', value: 80, subject: 'dân số' }],
      ['Đúng 100% kế hoạch', { kind: 'coverage', value: 100, of: 'kế hoạch' }],
      ['02 lần/quý', { kind: 'count', comparator: 'gte', value: 2, unit: 'lần', per: 'quarter' }],
      ['Tối đa 1 cuộc mỗi tháng', { kind: 'count', comparator: 'lte', value: 1, unit: 'cuộc', per: 'month' }],
      ['Tổ chức đối thoại ít nhất 1 lần/năm', { kind: 'count', comparator: 'gte', value: 1, unit: 'lần', per: 'year', subject: 'Tổ chức đối thoại' }],
      [
        'Không để xảy ra vụ việc khiếu kiện vượt cấp',
        { kind: 'count', comparator: 'eq', value: 0, unit: 'vụ việc', per: 'period', subject: 'khiếu kiện vượt cấp' },
      ],
      ['Nằm trong top 10 tỉnh dẫn đầu', { kind: 'rank', top: 10, among: 'tỉnh' }],
    ])('%j', (text, expected) => {
      expect(parseTarget(text)).toStrictEqual({ ...expected, text });
    });

    it('reads decomposed Unicode (NFD) as its composed form, and keeps the text as given', () => {
      const text = 'Tỷ lệ cử tri đi bầu đạt trên 99,5%'.normalize('NFD');
      expect(parseTarget(text)).toStrictEqual({ kind: 'percentage', comparator: 'gt', value: 99.5, subject: 'Tỷ lệ cử tri đi bầu', text });
    });

    it('does not split inside parentheses, nor at a "và" not followed by a figure', () => {
      const text = '100% hồ sơ (đúng hạn; trước hạn) được giải quyết và trả kết quả';
      expect(parseTarget(text)).toStrictEqual({ kind: 'coverage', value: 100, of: 'hồ sơ (đúng hạn; trước hạn) được giải quyết và trả kết quả', text });
    });

    it('keeps free text when a cell of several parts has nothing measurable', () => {
      const text = 'Triển khai kế hoạch; báo cáo kết quả';
      expect(parseTarget(text)).toStrictEqual({ kind: 'text', text });
    });
  });
});
