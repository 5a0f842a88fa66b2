import type { DraftSection, DraftTask, PlanDraft, UnitCell } from '../../domain/plan-draft';

/**
 * Seed 001 (docs/domain/seeds/001_*.txt): Kế hoạch 154/KH-UBND of UBND huyện Vị Xuyên (030, Hà
 * Giang), 31/5/2021, PAPI 2021, implementing the province's 163/KH-UBND. The appendix has one
 * column "Đơn vị chủ trì theo dõi" (lead that also monitors). Cells as written.
 *
 * Reconstruction of the table where the extraction lost its layout:
 * - rows whose first cells are empty continue the sub-criterion above (3.2, 4.5, 4.6, 6.1, 6.3);
 *   empty lead / implementing / target cells of such rows are the cells of the row above, merged
 *   across rows in the document (3.2's second row; 4.5's second row's target);
 * - 6.3 "Cơ sở hạ tầng căn bản" is split by the table into four labelled parts (Điện sinh hoạt,
 *   Giao thông, Thu gom rác thải, nước sạch sinh hoạt): one section each, indicator 6.3;
 * - the "nước sạch sinh hoạt" row is shifted one cell to the right by the extraction (empty target,
 *   then target, lead, implementing): read back into place, its timeframe cell is lost (null);
 *   the next row ("Đối với nước sinh hoạt nông thôn") is its second row;
 * - 7.2 and 7.3 have no implementing cell: the cell of 7.1 ("UBND các xã, thị trấn") is read as
 *   merged across the three rows; 7.1–7.3 have no timeframe (null);
 * - the page with dimension 5's heading row and sub-criterion 5.1 is missing from the seed: the
 *   section "5" takes its title from the plan's text ("đ) Thủ tục hành chính công") and holds 5.2–5.4.
 * "Văn phòng HU-HĐND-UBND huyện" (the district's joint office) names the office the directory
 * calls "Văn phòng HĐND và UBND huyện Vị Xuyên": its code is picked explicitly.
 */
const c = (text: string, unitCodes?: readonly string[]): UnitCell => (unitCodes ? { text, unitCodes } : { text });

const COMMUNES = c('UBND các xã, thị trấn');
const VP = c('Văn phòng HU-HĐND-UBND huyện', ['030.VP']);
const ONGOING = 'Thường xuyên';

/**
 * "Các cơ quan, đơn vị từ cấp huyện đến cấp xã" (4.5) matches no selector: the district's
 * specialised offices and its communes (as in the 2025-03 national list) are picked explicitly.
 */
const VI_XUYEN_OFFICES = ['VP', 'PNV', 'PTP', 'PTCKH', 'PVHTT', 'PTNMT', 'PGDDT', 'PYT', 'PLDTBXH', 'PKTHT', 'PNNPTNT', 'TTR'].map((o) => `030.${o}`);
const VI_XUYEN_COMMUNES = [
  '00703',
  '00706',
  '00709',
  '00913',
  '00916',
  '00919',
  '00922',
  '00925',
  '00928',
  '00931',
  '00934',
  '00937',
  '00940',
  '00943',
  '00952',
  '00955',
  '00958',
  '00961',
  '00964',
  '00967',
  '00970',
  '00973',
  '00976',
  '00979',
];
const DISTRICT_TO_COMMUNE = c('Các cơ quan, đơn vị từ cấp huyện đến cấp xã', [...VI_XUYEN_OFFICES, ...VI_XUYEN_COMMUNES]);

const task = (text: string, target: string | null, lead: UnitCell | null, implementing: UnitCell | null, timeframe: string | null): DraftTask => ({
  text,
  target,
  lead,
  implementing,
  timeframe,
});

const sub = (code: string | null, title: string, indicator: string, tasks: DraftTask[]): DraftSection => ({
  code,
  title,
  indicator: { framework: 'PAPI', code: indicator },
  tasks,
});

const dimension = (code: string, title: string, sections: DraftSection[]): DraftSection => ({
  code,
  title,
  indicator: { framework: 'PAPI', code },
  tasks: [],
  sections,
});

export const VI_XUYEN_PAPI_2021: PlanDraft = {
  number: '154/KH-UBND',
  title: 'Cải thiện và nâng cao Chỉ số hiệu quả quản trị và hành chính công (PAPI) trên địa bàn huyện Vị Xuyên năm 2021',
  issuerCode: '030',
  documentDate: '2021-05-31',
  year: 2021,
  frameworks: ['PAPI'],
  implementsText:
    'Kế hoạch số 163/KH-UBND, ngày 24/5/2021 của UBND tỉnh về Cải thiện và nâng cao chỉ số hiệu quả quản trị và hành chính công cấp (PAPI) tỉnh Hà Giang năm 2021',
  purposes: [
    '- Nâng cao hiệu quả hoạt động của các cấp chính quyền trên địa bàn huyện, đặc là cấp cơ sở.',
    '- Phát huy sự tham gia của mọi tầng lớp nhân dân vào quá trình xây dựng, thực thi và giám sát việc thực thi chính sách; thực hiện hiệu quả Nghị quyết số 11-NQ/HU ngày 28/01/2021 của Ban Chấp hành Đảng bộ huyện khóa XXIV về đẩy mạnh công tác cải cách hành chính giai đoạn 2021-2025.',
  ].join('\n'),
  requirements: [
    '- Kế hoạch được triển khai ở tất cả các cơ quan, đơn vị gắn với việc thực hiện nhiệm vụ chuyên môn của các phòng, ban thuộc UBND huyện và nhiệm vụ phát triển kinh tế - xã hội của các xã, thị trấn.',
    '- Thủ trưởng các cơ quan, đơn vị, Chủ tịch UBND cấp xã, thị trấn có trách nhiệm tổ chức quán triệt và thực hiện đầy đủ các nội dung theo Kế hoạch đạt hiệu quả cao.',
  ].join('\n'),
  columns: { lead: 'Đơn vị chủ trì theo dõi', implementing: 'Đơn vị thực hiện', leadMonitors: true },
  sections: [
    dimension('1', 'Tham gia của người dân ở cấp cơ sở', [
      sub('1.1', 'Tri thức công dân', '1.1', [
        task(
          'Đẩy mạnh công tác thông tin tuyên truyền nâng cao hiểu biết của người dân về các chính sách pháp luật hiện hành, về hệ thống chính trị',
          '100% các thôn, tổ dân phố',
          // "Phòng Văn hóa thông tin" (without "và") is not read as "Phòng Văn hóa và Thông tin": picked.
          c('Phòng Văn hóa thông tin', ['030.PVHTT']),
          COMMUNES,
          ONGOING,
        ),
      ]),
      sub('1.2', 'Cơ hội tham gia', '1.2', [
        task(
          '- Tham mưu cho UBND huyện trong việc phối hợp với UB MTTQ huyện hướng dẫn, tạo điều kiện cho các cá nhân tham gia các tổ chức chính trị, chính trị xã hội; tham gia các tổ chức xã hội, nhóm, câu lạc bộ tự lập, quỹ xã hội, từ thiện.\n- Tham mưu Kế hoạch và tổ chức thực hiện Kế hoạch tổ chức bầu cử Quốc hội khóa XV và HĐND các cấp năm 2021',
          '100% các xã, thị trấn',
          c('Phòng Nội vụ'),
          c('UBMT TQ huyện, UBND các xã, thị trấn'),
          'Trong năm 2021',
        ),
      ]),
      sub('1.3', 'Chất lượng bầu cử', '1.3', [
        task(
          '- Tổ chức cuộc bầu cử đại biểu Quốc hội khóa XV và bầu cử HĐND các cấp (Nhiệm kỳ 2021-2026)',
          'Tỷ lệ cử tri đi bầu đạt trên 99,5%',
          c('Phòng Nội vụ'),
          c('UBMT TQ huyện, UBND các xã, thị trấn'),
          '23/5/2021',
        ),
        task(
          '- Tuyên truyền việc thực hiện bầu cử trưởng thôn, tổ dân phố tại các thôn, tổ dân phố.',
          '100% các xã, thị trấn',
          c('Phòng Nội vụ'),
          c('UBMT TQ huyện, UBND các xã, thị trấn'),
          ONGOING,
        ),
      ]),
      sub('1.4', 'Đóng góp tự nguyện', '1.4', [
        task(
          'Tăng cường quản lý, hướng dẫn, thực hiện kiểm tra các xã, thị trấn về việc đóng góp các khoản vận động, quỹ xã hội, xây dựng, tu sửa các công trình công cộng; đảm bảo sử dụng, quản lý các khoản đóng góp của người dân được công khai, minh bạch.',
          '100% các xã, thị trấn',
          c('Phòng Tài chính – KH'),
          COMMUNES,
          ONGOING,
        ),
      ]),
    ]),
    dimension('2', 'Công khai minh bạch', [
      sub('2.1', 'Tiếp cận thông tin', '2.1', [
        task(
          'Tăng cường tính chủ động của chính quyền trong việc cung cấp thông tin tới người dân về chính sách pháp luật.',
          '100% chính sách pháp luật mới ban hành được cung cấp thông tin tới người dân',
          c('Phòng Tư pháp'),
          COMMUNES,
          ONGOING,
        ),
      ]),
      sub('2.2', 'Công khai danh sách hộ nghèo', '2.2', [
        task(
          'Thực hiện công khai quy trình bình xét hộ nghèo đến từng hộ gia đình trên địa bàn quản lý. Công khai đối tượng thuộc diện hộ nghèo, danh sách hộ nghèo và các chế độ chính sách theo quy định hiện hành tại UBND cấp xã và thông qua họp thôn, tổ dân phố. Tổ chức kiểm tra và xử lý nghiêm những cơ quan, đơn vị, địa phương; cán bộ, công chức thực hiện không đúng quy định về chính sách đối với hộ nghèo.',
          '100% các xã, thị trấn',
          c('Phòng Lao động-Thương binh & XH'),
          COMMUNES,
          ONGOING,
        ),
      ]),
      sub('2.3', 'Công khai thu, chi ngân sách cấp xã', '2.3', [
        task(
          'Công khai minh bạch thu, chi quyết toán ngân sách cấp xã theo đúng quy định Pháp lệnh dân chủ ở cơ sở. Công khai các khoản đóng góp tự nguyện, các khoản thu, chi từ công trình, dự án có sự tham gia đóng góp của nhân dân (trong chương trình xây dựng Nông thôn mới) tại trụ sở UBND cấp xã, qua hệ thống truyền thanh, họp thôn, tổ dân phố.',
          '100% các xã, thị trấn',
          c('Phòng Tài chính-KH'),
          COMMUNES,
          ONGOING,
        ),
      ]),
      sub('2.4', 'Quy hoạch, kế hoạch sử dụng đất; giá bồi thường thu hồi đất', '2.4', [
        task(
          'Công khai quy hoạch, kế hoạch sử dụng đất, khung giá bồi thường, hỗ trợ tái định cư. Kiểm tra việc thực hiện công khai trong quy hoạch, kế hoạch sử dụng đất; kiểm tra việc sử dụng đất sau thu hồi.',
          '100% quy hoạch, kế hoạch khung giá bồi thường được công khai',
          c('Phòng Tài nguyên và Môi trường'),
          COMMUNES,
          ONGOING,
        ),
      ]),
    ]),
    dimension('3', 'Trách nhiệm giải trình với người dân', [
      sub('3.1', 'Mức độ và hiệu quả trong tiếp xúc với chính quyền', '3.1', [
        task(
          'Xây dựng kế hoạch và tổ chức thực hiện Kế hoạch đào tạo, bồi dưỡng đội ngũ cán bộ HĐND, UBND, cán đoàn thể cấp xã, tổ trưởng tổ dân phố và trưởng các thôn bản.',
          '100% đại biểu HĐND mới, được bồi dưỡng nghiệp vụ',
          c('Phòng Nội vụ'),
          COMMUNES,
          '6 tháng cuối năm 2021',
        ),
      ]),
      sub('3.2', 'Giải đáp khiếu nại, tố cáo, khúc mắc của người dân', '3.2', [
        task(
          'Thực hiện tốt công tác tiếp công dân; giải quyết kịp thời các phản ánh, kiến nghị, khiếu nại, tố cáo của công dân.',
          '100% số lượng đơn thư khiếu nại, tố cáo được giải quyết phù hợp với quy định của nhà nước',
          c('Thanh tra huyện'),
          c('Các cơ quan, đơn vị liên quan; UBND các xã, thị trấn'),
          ONGOING,
        ),
        // Lead, implementing and timeframe cells merged with the row above.
        task(
          'Thực hiện nghiêm Nghị định số 90/2013/NĐ-CP ngày 08/8/2013 của Chính phủ quy định trách nhiệm giải trình của cơ quan nhà nước trong việc thực hiện nhiệm vụ quyền hạn được giao.',
          '100% kiến nghị của người dân được giải trình',
          c('Thanh tra huyện'),
          c('Các cơ quan, đơn vị liên quan; UBND các xã, thị trấn'),
          ONGOING,
        ),
      ]),
      sub('3.3', 'Tiếp cận dịch vụ tư pháp', '3.3', [
        task(
          'Nâng cao chất lượng xét xử trong tranh chấp dân sự, tạo niềm tin của người dân vào kết quả xét xử; đẩy mạnh trợ giúp pháp lý cho người dân, nhất là người dân tộc thiểu số, vùng sâu, vùng xa.',
          '100% kết quả thỏa đáng',
          c('Phòng Tư pháp'),
          c('Tòa án nhân dân cấp huyện'),
          ONGOING,
        ),
      ]),
    ]),
    dimension('4', 'Kiểm soát tham nhũng trong khu vực công', [
      sub('4.1', 'Kiểm soát tham nhũng trong chính quyền địa phương', '4.1', [
        task(
          'Tăng cường các kênh tiếp nhận thông tin tố giác, phản ánh; xử lý kịp thời, công khai kết quả xử lý tham nhũng trong sử dụng công quỹ và trong giải quyết các dịch vụ hành chính công ở cấp huyện, cấp xã đặc biệt trong dịch vụ cấp giấy chứng nhận quyền sử dụng đất và cấp giấy phép xây dựng.',
          '100% CBCCVV không dùng tiền công quỹ vào mục đích riêng',
          c('Thanh tra huyện'),
          c('Các cơ quan truyền thông; UBND các xã, thị trấn'),
          ONGOING,
        ),
      ]),
      sub('4.2', 'Kiểm soát tham nhũng trong cung ứng dịch vụ y tế', '4.2', [
        task(
          'Tăng cường các kênh tiếp nhận thông tin tố giác, phản ánh; thanh tra, kiểm tra, xử lý kịp thời, công khai kết quả xử lý về thái độ phục vụ, chất lượng phục vụ, tham nhũng trong khám chữa bệnh ở các cơ sở y tế công lập trên Trang thông tin điện tử của huyện, xã',
          'Không có trường hợp phải chi thêm tiền để được quan tâm hơn khi đi khám bệnh.',
          c('Phòng Y tế'),
          // The district's public health facilities: its hospital and health centre.
          c('Các cơ sở khám, chữa bệnh trên địa bàn huyện', ['030.BVDK', '030.TTYT']),
          ONGOING,
        ),
      ]),
      sub('4.3', 'Kiểm soát tham nhũng trong cung ứng dịch vụ công Giáo dục tiểu học', '4.3', [
        task(
          'Tăng cường các kênh tiếp nhận thông tin tố giác, phản ánh; thanh tra, kiểm tra, xử lý kịp thời, công khai kết quả xử lý về thái độ phục vụ, chất lượng phục vụ, tham nhũng, các khoản phải nộp trong các cơ sở giáo dục tiểu học công lập trên website của ngành giáo dục.',
          'Không có trường hợp phụ huynh tiểu học phải chi thêm tiền để con em được quan tâm hơn',
          c('Phòng Giáo dục và đào tạo'),
          COMMUNES,
          ONGOING,
        ),
      ]),
      sub('4.4', 'Công bằng trong tuyển dụng vào khu vực công', '4.4', [
        task(
          'Nâng cao chất lượng đầu vào trong xét tuyển, tuyển dụng công chức, viên chức trên địa bàn huyện',
          '100% công chức, viên chức được xét tuyển đáp ứng công việc được giao',
          c('Phòng Nội vụ'),
          c('Các cơ quan, đơn vị; UBND các xã, thị trấn'),
          ONGOING,
        ),
      ]),
      sub('4.5', 'Quyết tâm phòng chống tham nhũng của chính quyền', '4.5', [
        task(
          'Công khai các kết luận thanh tra, kiểm tra, xử lý vi phạm về tham nhũng trên Trang TTĐT của huyện khi có các trường hợp bị xử lý.',
          '100% cơ quan, đơn vị thực hiện',
          c('Thanh tra huyện'),
          DISTRICT_TO_COMMUNE,
          ONGOING,
        ),
        // Target, lead and implementing cells merged with the row above.
        task(
          'Kê khai tài sản và thu nhập của CB CCVC tại các cơ quan, đơn vị từ cấp huyện đến cấp xã theo quy định.',
          '100% cơ quan, đơn vị thực hiện',
          c('Thanh tra huyện'),
          DISTRICT_TO_COMMUNE,
          'Tháng 12 hàng năm',
        ),
      ]),
      sub('4.6', 'Việc giải quyết TTHC ở các cấp', '4.6', [
        task(
          'Rà soát các quy định, TTHC thuộc phạm vi quản lý; kiến nghị cắt giảm các TTHC rườm rà, không cần thiết để giảm thời gian, chi phí giải quyết TTHC cho người dân và doanh nghiệp.',
          'Theo kế hoạch của huyện',
          VP,
          c('Các cơ quan, đơn vị; UBND các xã, thị trấn'),
          ONGOING,
        ),
        task(
          'Nâng cao chất lượng giải quyết TTHC cho người dân, tổ chức tại Bộ phận tiếp nhận và trả kết quả TTHC cấp huyện, cấp xã',
          '100% công chức, viên chức làm việc tại Bộ phận tiếp nhận và trả kết quả TTHC cấp huyện, cấp xã được tập huấn',
          VP,
          c('Các cơ quan, đơn vị; UBND các xã, thị trấn'),
          ONGOING,
        ),
        task(
          'Xây dựng kế hoạch kiểm tra liên ngành công tác CCHC',
          'Tối thiểu 30% cơ quan chuyên môn cấp huyện và đơn vị hành chính cấp xã',
          c('Phòng Nội vụ'),
          // No body named: the lead's office runs the inspections.
          c('Các cơ quan, đơn vị liên quan', ['030.PNV']),
          'Quý I đến Quý III năm 2021',
        ),
      ]),
    ]),
    // Heading row and 5.1 are on a page missing from the seed.
    dimension('5', 'Thủ tục hành chính công', [
      sub('5.2', 'Dịch vụ hành chính cấp phép xây dựng', '5.2', [
        task('Nâng cao chất lượng trong cấp phép xây dựng', '100% kết quả giải quyết đúng hạn', c('Phòng Kinh tế - Hạ tầng'), COMMUNES, ONGOING),
      ]),
      sub('5.3', 'Dịch vụ hành chính cấp giấy chứng nhận quyền sử dụng đất', '5.3', [
        task(
          'Nâng cao chất lượng giải quyết TTHC trong việc cấp giấy chứng nhận quyền sử dụng đất',
          'Có ít nhất 95% kết quả giải quyết đúng hạn; có văn bản xin lỗi đối với 100% hồ sơ có kết quả giải quyết trễ hạn',
          c('Phòng Tài nguyên & MT'),
          c('Phòng Tài nguyên & MT; UBND các xã, thị trấn'),
          ONGOING,
        ),
      ]),
      sub('5.4', 'Đánh giá sự hài lòng của người dân', '5.4', [
        task(
          'Xây dựng kế hoạch, mẫu phiếu khảo sát sự hài lòng của người dân đối với sự phục vụ của các cơ quan nhà nước trong việc cung ứng dịch vụ công như: Chứng thực; cấp giấy phép xây dựng; chứng nhận quyền sử dụng đất; các dịch vụ hành chính cấp xã.',
          '15% kết quả giải quyết TTHC trên từng lĩnh vực',
          c('Phòng Nội vụ'),
          COMMUNES,
          'Quý III năm 2021',
        ),
      ]),
    ]),
    dimension('6', 'Cung ứng dịch vụ công', [
      sub('6.1', 'Y tế công lập', '6.1', [
        task(
          'Tăng cường tuyên truyền chính sách bảo hiểm y tế để góp phần tăng tỷ lệ người dân tham gia bảo hiểm y tế',
          'Theo chỉ tiêu tỉnh giao',
          c('Bảo hiểm xã hội huyện'),
          c('Các cơ quan, đơn vị; UBND các xã, thị trấn'),
          ONGOING,
        ),
        task(
          'Thường xuyên rà soát, điều chỉnh, bổ sung xây dựng và thực hiện quy tắc ứng xử của cán bộ CCVC trong ngành y tế',
          'Theo quy định của Sở Y tế',
          c('Phòng Y tế'),
          c('Bệnh viện ĐK và Trung tâm y tế huyện', ['030.BVDK', '030.TTYT']),
          ONGOING,
        ),
        task(
          'Kịp thời tiếp nhận, xử lý phản ánh kiến nghị của người dân đối với sự phục vụ của cán bộ, CCVC tại các cơ sở khám, chữa bệnh công lập trên địa bàn huyện.',
          '100% phản ánh, kiến nghị của người dân được tiếp nhận, xử lý kịp thời',
          c('Phòng Y tế'),
          c('Bệnh viện ĐK và Trung tâm y tế huyện', ['030.BVDK', '030.TTYT']),
          ONGOING,
        ),
      ]),
      sub('6.2', 'Giáo dục tiểu học công lập', '6.2', [
        task(
          'Tổ chức các đoàn thanh tra, kiểm tra về các khoản thu, chi phí, lệ phí, các loại quỹ, chất lượng giáo dục tại các trường tiểu học công lập.',
          'Ít nhất 01 đợt/năm',
          c('Phòng Giáo dục & ĐT'),
          c('UBND các xã, thị trấn; các cơ quan liên quan'),
          ONGOING,
        ),
      ]),
      sub('6.3', 'Cơ sở hạ tầng căn bản (Điện sinh hoạt)', '6.3', [
        task(
          'Thực hiện các giải pháp nâng cấp lưới điện nhằm đảm bảo cung cấp điện phục vụ phát triển kinh tế-xã hội và điện phục vụ sinh hoạt của người dân trên địa bàn.',
          'Các giải pháp triển khai thực hiện',
          c('Phòng Kinh tế - Hạ tầng'),
          c('Điện lực huyện'),
          ONGOING,
        ),
      ]),
      sub(null, 'Cơ sở hạ tầng căn bản (Giao thông)', '6.3', [
        task(
          'Xây dựng kế hoạch và tổ chức thực hiện các giải pháp cải thiện cơ sở hạ tầng giao thông trong huyện, đặc biệt là giao thông nông thôn.',
          'Theo chỉ tiêu về hạ tầng giao thông theo lộ trình của tỉnh',
          c('Phòng Kinh tế - Hạ tầng'),
          c('Văn phòng Điều phối xây dựng Nông thôn mới; UBND các xã, thị trấn'),
          'Theo kế hoạch xây dựng Nông thôn mới',
        ),
      ]),
      sub(null, 'Cơ sở hạ tầng căn bản (Thu gom rác thải)', '6.3', [
        task(
          'Xây dựng kế hoạch và tổ chức thực hiện kế hoạch thu gom và xử lý rác thải của huyện; xây dựng các tổ dịch vụ thu gom rác thải tại các xã, thị trấn (đối với các xã đã được công nhận xã Nông thôn mới).',
          '100% trung tâm các xã Nông thôn mới đều có tổ dịch vụ thu gom rác thải tập trung',
          c('Phòng Tài nguyên & MT'),
          COMMUNES,
          ONGOING,
        ),
      ]),
      sub(null, 'Cơ sở hạ tầng căn bản (nước sạch sinh hoạt)', '6.3', [
        // Shifted one cell right in the extraction; the timeframe cell is lost.
        task(
          'Cung cấp nước sạch cho người dân trong huyện (đối với trung tâm huyện và trung tâm các xã, thị trấn)',
          '100% người dân thuộc trung tâm huyện được sử dụng nước sinh hoạt hợp vệ sinh',
          c('Phòng Kinh tế - Hạ tầng'),
          c('Trung tâm Dịch vụ cấp thoát nước và môi trường; UBND các xã, thị trấn'),
          null,
        ),
        task(
          'Đối với nước sinh hoạt nông thôn',
          '90% người dân nông thôn được dùng nước sinh hoạt hợp vệ sinh',
          c('Phòng Nông nghiệp & PTNT'),
          COMMUNES,
          ONGOING,
        ),
      ]),
      sub('6.4', 'An ninh, trật tự khu dân cư', '6.4', [
        task(
          'Thực hiện tốt các chương trình mục tiêu quốc gia về phòng chống tội phạm, phòng chống ma túy; đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc ở khu dân cư; Kế hoạch trấn áp các loại tội phạm trên địa bàn toàn huyện.',
          'Theo chương trình mục tiêu quốc gia',
          c('Công an huyện'),
          c('Công an các xã, thị trấn'),
          ONGOING,
        ),
      ]),
    ]),
    dimension('7', 'Quản trị môi trường', [
      sub('7.1', 'Nghiêm túc trong bảo vệ môi trường', '7.1', [
        task(
          'Xây dựng kế hoạch và tổ chức thực hiện kế hoạch kiểm tra, thanh tra và xử phạt vi phạm hành chính trong lĩnh vực bảo vệ môi trường đối với các cơ sở sản xuất, kinh doanh, dịch vụ trên địa bàn và thu phí bảo vệ môi trường đối với nước thải công nghiệp.',
          'Xử lý 100% các cơ sở sản xuất, kinh doanh, dịch vụ gây ô nhiễm môi trường',
          c('Phòng Tài nguyên & MT'),
          COMMUNES,
          null,
        ),
      ]),
      // 7.2 and 7.3: implementing cell merged with 7.1's.
      sub('7.2', 'Chất lượng không khí', '7.2', [
        task(
          'Triển khai thực hiện kế hoạch bảo vệ rừng, trồng rừng, phủ xanh đất trống, đồi núi trọc trên địa bàn huyện.',
          'Theo kế hoạch của tỉnh giao',
          c('Phòng Nông nghiệp & PTNT'),
          COMMUNES,
          null,
        ),
      ]),
      sub('7.3', 'Chất lượng nguồn nước sinh hoạt', '7.3', [
        task(
          'Có các giải pháp để bảo vệ nguồn nước sinh hoạt tại các sông, suối, ao hồ trên địa bàn huyện',
          'Các sông, suối, ao hồ không bị ô nhiễm nguồn nước',
          c('Phòng Tài nguyên & MT'),
          COMMUNES,
          null,
        ),
      ]),
    ]),
    dimension('8', 'Quản trị điện tử', [
      sub('8.1', 'Sử dụng cổng thông tin điện tử của chính quyền địa phương', '8.1', [
        task(
          'Triển khai, rà soát, nâng cấp, hoàn thiện cơ sở hạ tầng Công nghệ thông tin; tham mưu UBND huyện giải pháp nâng cấp cơ sở hạ tầng CNTT đáp ứng các điều kiện về thực hiện thủ tục hành chính trên môi trường điện tử theo Nghị định 42/2020/NĐ-CP, ngày 08/4/2020 của Chính phủ. Nâng cấp hoàn thiện hệ thống thông tin một cửa điện tử tích hợp trên Cổng thông tin điện tử của tỉnh',
          'Theo kế hoạch đổi mới cơ chế một cửa, một cửa liên thông',
          VP,
          c('Phòng Văn hóa-TT, Phòng Tài chính-KH, các đơn vị liên quan; UBND các xã, thị trấn'),
          ONGOING,
        ),
      ]),
      sub('8.2', 'Tiếp cận và sử dụng Internet tại địa phương', '8.2', [
        task(
          'Phối hợp với các nhà cung cấp gia tăng nhiều ứng dụng, dịch vụ trên môi trường Internet đến người dùng, tạo tiền đề tốt khi triển khai chính quyền số và đo thị thông minh.',
          '80% dân số trên địa bàn huyện được sử dụng dịch vụ Internet',
          c('Phòng Văn hóa – TT'),
          COMMUNES,
          ONGOING,
        ),
      ]),
      sub('8.3', 'Phúc đáp của chính quyền qua cổng Thông tin điện tử', '8.3', [
        task(
          'Thực hiện tiếp nhận và phản hồi sau 24h đối với 100% kiến nghị, phản ánh qua Trang thông tin điện tử; tham mưu cho UBND giao cho các cơ quan, đơn vị liên quan trả lời công dân sau 7 ngày.',
          '100% phản ánh, kiến nghị qua Trang thông tin điện tử được giải quyết',
          VP,
          c('Các cơ quan, đơn vị liên quan; UBND các xã, thị trấn'),
          ONGOING,
        ),
      ]),
    ]),
  ],
  cascade: {
    text: 'Ủy ban nhân dân huyện yêu cầu các cơ quan, đơn vị, Chủ tịch UBND các xã, thị trấn xây dựng kế hoạch của cơ quan, đơn vị, địa phương mình gửi UBND huyện (trước ngày 15/6/2021); báo cáo sơ kết kết quả thực hiện (trước ngày 15/9/2021) và báo cáo tổng kết theo chỉ đạo của UBND huyện (gửi Phòng Nội vụ tổng hợp)',
    dueOn: '2021-06-15',
    levels: ['AGENCY', 'COMMUNE'],
  },
  // The interim report of the same paragraph: the reporting service makes an ad hoc regime of it when the plan is issued.
  reportingRequirements: [
    { text: 'báo cáo sơ kết kết quả thực hiện (trước ngày 15/9/2021) và báo cáo tổng kết theo chỉ đạo của UBND huyện (gửi Phòng Nội vụ tổng hợp)' },
  ],
};
