import type { DraftSection, DraftTask, PlanDraft, UnitCell } from '../../domain/plan-draft';

/**
 * Seed 002 (docs/domain/seeds/002_*.txt): Kế hoạch 53/KH-UBND of UBND huyện Thăng Bình (513,
 * Quảng Nam), 14/01/2021, "Công tác cải cách hành chính năm 2021", after the province's
 * Quyết định 4003/QĐ-UBND of 31/12/2020. Frameworks from its targets (II.1: "chỉ số PAR INDEX, ICT
 * INDEX, DDCI, PAPI, SIPAS").
 *
 * The seed does not contain its appendix ("IV. NHIỆM VỤ CỤ THỂ (Chi tết tại Phụ lục đính kèm)";
 * the text ends with the signature). The tasks are therefore the paragraphs of "III. NHIỆM VỤ",
 * one task per paragraph, in its seven areas (which are the seven fields of the PAR index), text as
 * written. No paragraph names its units, target or timeframe; section V says who does them:
 * "Các Phòng, Ban và Ủy ban nhân dân các xã, thị trấn" implement (V.1), Phòng Nội vụ "chủ trì,
 * tham mưu ... theo dõi, kiểm tra, đánh giá việc thực hiện Kế hoạch này" (V.2): those two cells,
 * as written there, are every task's implementing and monitoring cells. The appendix's column
 * headings are unknown (columns: null).
 */
const IMPLEMENTING: UnitCell = { text: 'Các Phòng, Ban và Ủy ban nhân dân các xã, thị trấn' };
const MONITORING: UnitCell = { text: 'Phòng Nội vụ' };

const task = (text: string): DraftTask => ({ text, implementing: IMPLEMENTING, monitoring: MONITORING });

const area = (code: string, title: string, paragraphs: string[]): DraftSection => ({
  code,
  title,
  indicator: { framework: 'PAR_INDEX', code },
  tasks: paragraphs.map(task),
});

export const THANG_BINH_PAR_2021: PlanDraft = {
  number: '53/KH-UBND',
  title: 'Công tác cải cách hành chính năm 2021',
  issuerCode: '513',
  documentDate: '2021-01-14',
  year: 2021,
  frameworks: ['PAR_INDEX', 'ICT_INDEX', 'DDCI', 'PAPI', 'SIPAS'],
  implementsText: 'Quyết định số 4003/QĐ-UBND ngày 31/12/2020 của UBND tỉnh Quảng Nam',
  purposes: [
    'Đảm bảo triển khai toàn diện, hiệu quả, hoàn thành các chỉ tiêu, nhiệm vụ cải cách hành chính, trong đó xác định các nhiệm vụ trọng tâm để các Phòng, Ban và UBND các xã, thị trấn tổ chức thực hiện trong năm 2021.',
    'Tiếp tục nâng cao sự phục vụ của cơ quan nhà nước đối với người dân, tổ chức và doanh nghiệp trên địa bàn huyện.',
  ].join('\n'),
  requirements: [
    'Kế thừa và phát huy những kết quả tốt về cải cách hành chính trong thời gian qua, đổi mới trong tư duy và hành động, đẩy mạnh triển khai các mô hình, giải pháp mới, sáng tạo, đồng thời tiếp thu, học tập, vận dụng phù hợp các giải pháp, cách làm hay có hiệu quả của các cơ quan, địa phương khác.',
    'Các cơ quan, đơn vị phát huy tinh thần chủ động, sáng tạo, phối hợp hiệu quả hoàn thành đúng tiến độ các nhiệm vụ cải cách hành chính được giao.',
    'Người đứng đầu các cơ quan, đơn vị, địa phương theo dõi, chỉ đạo, phối hợp và triển khai, tổ chức thực hiện có hiệu quả, chất lượng các nhiệm vụ theo kế hoạch đã được đề ra; các nhiệm vụ được giao phải hoàn thành đảm bảo tiến độ về thời gian.',
  ].join('\n'),
  columns: null,
  sections: [
    area('1', 'Công tác chỉ đạo điều hành', [
      'Tổ chức thực hiện tốt các Nghị quyết, Kế hoạch của UBND tỉnh, Chủ tịch UBND tỉnh về công tác cải cách hành chính.',
      'Thường xuyên kiểm tra, theo dõi, đôn đốc tình hình, tiến độ thực hiện nhiệm vụ được Ủy ban nhân dân huyện, Chủ tịch Ủy ban nhân dân huyện giao cho các Phòng, Ban và Ủy ban nhân dân các xã, thị trấn.',
      'Tập trung chỉ đạo, đôn đốc, hướng dẫn các Phòng, Ban, Ủy ban nhân dân các xã, thị trấn trong việc triển khai thực hiện kế hoạch cải cách hành chính năm 2020 bảo đảm chất lượng, đáp ứng yêu cầu và tiến độ đề ra.',
      'Triển khai thực hiện đánh giá và công bố Chỉ số cải cách hành chính năm 2019 của các Phòng, Ban, Ủy ban nhân dân các xã, thị trấn; đánh giá xếp loại trách nhiệm người đứng đầu.',
      'Tiếp tục tăng cường năng lực cho đội ngũ công chức chuyên trách cải cách hành chính hoặc phụ trách công tác cải cách hành chính từ huyện đến cấp xã.',
      'Tăng cường thông tin tuyên truyền cải cách hành chính, trọng tâm: Cải cách thủ tục hành chính; thực hiện dịch vụ công trực tuyến mức độ 3, mức độ 4; các giải pháp hỗ trợ nhà đầu tư và doanh nghiệp; tinh thần, thái độ phục vụ của đội ngũ cán bộ, công chức, viên chức.',
      'Tổ chức tọa đàm, đối thoại giữa nhà đầu tư với lãnh đạo huyện để giải quyết các khó khăn, vướng mắc của nhà đầu tư và doanh nghiệp; tăng cường nâng cao trình độ, kinh nghiệm xúc tiến đầu tư cho đội ngũ cán bộ làm công tác xúc tiến đầu tư; tăng cường phối hợp giữa các cơ quan đơn vị trong công tác xúc tiến đầu tư.',
      'Khuyến khích nghiên cứu, áp dụng, nhân rộng các sáng kiến, giải pháp cải cách hành chính; bảo đảm sự phối hợp chặt chẽ trong việc thực hiện các nhiệm vụ cải cách hành chính; khen thưởng kịp thời, xứng đáng đối với tập thể, cá nhân có thành tích xuất sắc về cải cách hành chính; đồng thời, xử lý nghiêm người đứng đầu các cơ quan, đơn vị vi phạm.',
      'Tăng cường kiểm tra cải cách hành chính, tập trung kiểm tra chuyên đề và kiểm tra đột xuất, kịp thời khắc phục các hạn chế, xử lý nghiêm các vi phạm trong công tác cải cách hành chính.',
    ]),
    area('2', 'Cải cách thể chế hành chính, nâng cao hiệu quả công tác xây dựng, ban hành văn bản quy phạm pháp luật', [
      'Rà soát, hệ thống hóa văn bản quy phạm pháp luật của huyện phù hợp với các quy định của Trung ương, tỉnh và điều kiện thực tế địa phương, kịp thời phát hiện đề xuất xử lý những mâu thuẫn, chồng chéo giữa các quy định pháp luật.',
      'Chú trọng triển khai thực hiện các văn bản quy phạm pháp luật một cách hiệu quả, nhất là những văn bản có tác động trực tiếp rộng rãi đến người dân và doanh nghiệp, đẩy mạnh xử lý văn bản trái pháp luật đã được phát hiện, kết luận.',
      'Công khai đầy đủ, kịp thời và có hệ thống toàn bộ quy định, chính sách, cơ chế, bảo đảm việc tiếp cận bình đẳng của người dân, doanh nghiệp, nhà đầu tư trong và ngoài nước. Cung cấp thông tin, giới thiệu nội dung và hướng dẫn kịp thời khi có các quy định, chính sách mới và khi người dân, doanh nghiệp có nhu cầu.',
      'Tiếp tục nâng cao chất lượng công tác theo dõi tình hình thi hành pháp luật, quản lý xử lý vi phạm hành chính trên địa bàn huyện',
    ]),
    area('3', 'Cải cách thủ tục hành chính', [
      'Triển khai thực hiện đúng quy trình, tiến độ việc công bố, công khai thủ tục hành chính thuộc thẩm quyền giải quyết. Thường xuyên cập nhật thủ tục hành chính và công khai tại Bộ phận tiếp nhận và hoàn trả kết quả, Cổng thông tin điện tử huyện, Trang thông tin điện tử cơ quan, đơn vị địa phương.',
      'Tiếp tục rà soát, đề xuất các phương án đơn giản hóa thủ tục hành chính nhằm giảm thời gian và chi phí thực hiện cho người dân, doanh nghiệp.',
      'Rà soát lại các quy trình, quy chế phối hợp giải quyết các thủ tục hành chính liên quan đến lĩnh vực đất đai để kiến nghị điều chỉnh, bổ sung cho phù hợp.',
      'Đẩy mạnh cải cách quy trình giải quyết công việc trong nội bộ các cơ quan hành chính.',
      'Thường xuyên rà soát, xây dựng phương án, kiến nghị phân cấp, ủy quyền giải quyết thủ tục hành chính.',
      'Xây dựng, ban hành Đề án kiểm soát hồ sơ thủ tục ngoài thủ tục hành chính đã thực hiện theo cơ chế một cửa tại các cơ quan, đơn vị, địa phương trên địa bàn huyện.',
      'Bảo đảm đồng bộ, kết nối thông tin phục vụ công tác, vận hành có hiệu quả phần mềm một cửa điện tử và kết nối thông suốt từ Bộ phận tiếp nhận và trả kết quả xã đến Bộ phận tiếp nhận và trả kết quả huyện.',
      'Thực hiện nghiêm quy định về công khai xin lỗi cá nhân, tổ chức khi giải quyết thủ tục hành chính trễ hạn theo đúng quy định tại Quyết định số 3200/QĐ-UBND ngày 07/10/2019 của Ủy ban nhân dân tỉnh.',
      'Nâng cao chất lượng khảo sát mức độ hài lòng của tổ chức, công dân ; duy trì khảo sát trực tuyến về chất lượng dịch vụ hành chính công và công chức làm việc tại Bộ phận Một cửa các cấp.',
    ]),
    area('4', 'Cải cách tổ chức bộ máy hành chính nhà nước', [
      'Kiện toàn sắp xếp, tinh gọn tổ chức bộ máy theo Nghị định số 107/2020/NĐ-CP và Nghị định số 108/2020/NĐ-CP, ngày 14/9/2020 của Chính phủ.',
      'Sắp xếp, tổ chức lại các đơn vị sự nghiệp công lập không đáp ứng tiêu chí theo quy định tại Nghị định số 120/2020/NĐCP',
      'Thực hiện điều chỉnh, phê duyệt đề án vị trí việc làm trong cơ quan hành chính, đơn vị sự nghiệp theo Nghị định số 62/2020/NĐ-CP, ngày 01/6/2020 và Nghị định số 106/2020/NĐ-CP, ngày 10/9/2020 của Chính phủ, trên cơ sở danh mục khung vị trí việc làm được Bộ Chính trị thông qua và hướng dẫn của Bộ Nội vụ, Bộ quản lý chuyên ngành.',
    ]),
    area('5', 'Nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức', [
      'Thực hiện việc bố trí công chức, viên chức gắn với cơ cấu ngạch công chức, viên chức và vị trí việc làm theo Đề án vị trí việc làm trong cơ quan hành chính, đơn vị sự nghiệp được cấp thẩm quyền phê duyệt.',
      'Ban hành Quy tắc ứng xử của cán bộ, công chức, viên chức trong thực hiện nhiệm vụ, công vụ nhằm tăng cường kỷ luật, kỷ cương hành chính trong cơ quan hành chính nhà nước trên địa bàn huyện.',
      'Thực hiện đào tạo, bồi dưỡng theo vị trí việc làm, chú trọng việc đào tạo, bồi dưỡng, nâng cao trình độ tin học, đáp ứng yêu cầu về ứng dụng công nghệ thông tin trong quản lý điều hành chính cho đội ngũ cán bộ, công chức, nhất là cán bộ cấp xã.',
      'Tiếp tục thực hiện việc tinh giản biên chế theo Nghị định số 143/2020/NĐ-CP ngày 10/12/2020 của Chính phủ Sửa đổi, bổ sung một số điều của Nghị định số 108/2014/NĐ-CP ngày 20/11/2014 của Chính phủ về chính sách tinh giản biên chế và Nghị định số 113/2018/NĐ-CP ngày 31/8/2018 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 108/2014/NĐ-CP ngày 20/11/2014 của Chính phủ về chính sách tinh giản biên chế.',
      'Nâng cao chất lượng đánh giá cán bộ, công chức, viên chức, tăng cường ứng dụng công nghệ thông tin trong quản lý, đánh giá cán bộ, công chức, viên chức.',
      'Tăng cường kỷ luật, kỷ cương hành chính trong quá trình thực hiện nhiệm vụ, công vụ của cán bộ, công chức, viên chức.',
    ]),
    area('6', 'Cải cách tài chính công', [
      'Tiếp tục thực hiện giải pháp cơ cấu lại ngân sách nhà nước, từng bước cơ cấu lại chi ngân sách nhà nước theo hướng tăng hợp lý tỉ trọng chi đầu tư, giảm dần tỉ trọng chi thường xuyên gắn với đổi mới mạnh mẽ khu vực sự nghiệp công lập theo cơ chế tự chủ và tinh giản bộ máy, biên chế, thực hiện cải cách tiền lương.',
      'Thực hiện phân cấp nguồn thu, nhiệm vụ chi, đảm bảo nguyên tắc không trùng, không sót trong thực hiện các chức năng, nhiệm vụ và thẩm quyền quản lý nhà nước, phân cấp quản lý, sử dụng tài sản công tại cơ quan, tổ chức đơn vị thuộc phạm vi quản lý.',
      'Tiếp tục đổi mới cơ chế phân bổ và sử dụng ngân sách đối với cơ quan hành chính dựa trên kết quả và chất lượng hoạt động, hướng vào kiểm soát đầu ra, mục tiêu, nhiệm vụ của các cơ quan hành chính nhà nước. Hoàn thiện cơ chế tài chính tại các đơn vị sự nghiệp công lập;',
    ]),
    area('7', 'Hiện đại hóa nền hành chính', [
      'Tiếp tục triển khai các giải pháp xử lý công việc và chỉ đạo, điều hành của Ủy ban nhân dân huyện để rút ngắn thời gian họp, giảm giấy tờ hành chính.',
      'Triển khai hệ thống “Phòng họp không giấy” (eCabinet) và phần mềm nhắc việc.',
      'Tiếp tục cải tạo, nâng cấp trang thiết bị tại Bộ phận tiếp nhận và trả kết quả huyện và các xã, thị trấn; trang bị hệ thống camera theo dõi tại Bộ phận tiếp nhận và trả kết quả huyện, xã, thị trấn và kết nối với máy tính theo dõi tại UBND huyện.',
      'Thực hiện liên thông văn bản điện tử trên phần mềm Q-office từ huyện đến cấp xã nhằm nâng cao chất lượng công tác chỉ đạo, điều hành và phục vụ người dân, doanh nghiệp.',
      'Đẩy mạnh dịch vụ công trực tuyến mức độ 3, mức độ 4, dịch vụ bưu chính công ích theo chỉ đạo của Thủ tướng Chính phủ, UBND tỉnh và kế hoạch lộ trình triển khai dịch vụ công trực tuyến của huyện. Tổ chức tuyên truyền, hướng dẫn doanh nghiệp, người dân sử dụng “biểu mẫu điện tử”, “hồ sơ điện tử” để nộp hồ sơ trực tuyến qua mạng khi đăng ký thủ tục trực tuyến mức độ 3,4.',
      'Triển khai Quyết định số 2034/QĐ-UBND ngày 03/7/2018 của Ủy ban nhân dân tỉnh phê duyệt Kế hoạch xây dựng, chuyển đổi, mở rộng Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2015 vào hoạt động của các cơ quan, tổ chức thuộc hệ thống hành chính nhà nước trên địa bàn huyện.',
      'Kiểm tra, rà soát các phần mềm hiện đang sử dụng tại các cơ quan, đơn vị, địa phương để khắc phục hoặc kiến nghị khắc phục những hạn chế, vướng mắc trong quá trình triển khai thực hiện. Đảm bảo sử dụng phần mềm một cách hiệu quả trong công việc; không gây khó khăn và tốn kém thời gian, công sức của cán bộ, công chức, viên chức trong quá trình thực hiện nhiệm vụ.',
    ]),
  ],
  cascade: {
    text: 'Xây dựng và tổ chức thực hiện kế hoạch cải cách hành chính năm 2021 của địa phương, đơn vị, bám sát nội dung, nhiệm vụ theo kế hoạch cải cách hành chính năm 2021 của huyện (thời gian ban hành chậm nhất 30 ngày kể từ ngày kế hoạch cải cách hành chính của huyện được ban hành).',
    withinDays: 30,
    levels: ['AGENCY', 'COMMUNE'],
  },
  // Section V, 1: the regime is Thăng Bình's quarterly one (the demo defines it: its communes report), linked when the plan is issued.
  reportingRequirements: [
    {
      text: 'Tăng cường công tác tự kiểm tra, giám sát tình hình thực hiện cải cách hành chính tại các cơ quan, đơn vị và báo cáo kết quả về Ủy ban nhân dân huyện (qua Phòng Nội vụ) định kỳ hằng quý, 6 tháng, 9 tháng và năm.',
      regimeId: 'thang-binh-cchc',
    },
  ],
};
