/**
 * The index frameworks plans cite, as versioned data rather than enums: PAPI's sub-dimensions
 * change between survey years (FACTS.md), so each framework lists editions valid from a year and
 * a plan is checked against the edition of its own year. Names are as the seeds write them
 * (seed 001's appendix for PAPI 2020+; FACTS.md for the dimensions).
 */
export interface Indicator {
  /** "1" for a dimension, "1.1" for a sub-dimension / sub-criterion. */
  readonly code: string;
  readonly name: string;
}

export interface FrameworkEdition {
  /** First plan year the edition applies to. */
  readonly fromYear: number;
  readonly indicators: readonly Indicator[];
}

export interface Framework {
  readonly code: string;
  readonly name: string;
  /** Oldest first; empty when the platform does not itemise the framework's indicators. */
  readonly editions: readonly FrameworkEdition[];
}

const papi2020: Indicator[] = [
  { code: '1', name: 'Tham gia của người dân ở cấp cơ sở' },
  { code: '1.1', name: 'Tri thức công dân' },
  { code: '1.2', name: 'Cơ hội tham gia' },
  { code: '1.3', name: 'Chất lượng bầu cử' },
  { code: '1.4', name: 'Đóng góp tự nguyện' },
  { code: '2', name: 'Công khai, minh bạch trong việc ra quyết định ở địa phương' },
  { code: '2.1', name: 'Tiếp cận thông tin' },
  { code: '2.2', name: 'Công khai danh sách hộ nghèo' },
  { code: '2.3', name: 'Công khai thu, chi ngân sách cấp xã' },
  { code: '2.4', name: 'Quy hoạch, kế hoạch sử dụng đất; giá bồi thường thu hồi đất' },
  { code: '3', name: 'Trách nhiệm giải trình với người dân' },
  { code: '3.1', name: 'Mức độ và hiệu quả trong tiếp xúc với chính quyền' },
  { code: '3.2', name: 'Giải đáp khiếu nại, tố cáo, khúc mắc của người dân' },
  { code: '3.3', name: 'Tiếp cận dịch vụ tư pháp' },
  { code: '4', name: 'Kiểm soát tham nhũng trong khu vực công' },
  { code: '4.1', name: 'Kiểm soát tham nhũng trong chính quyền địa phương' },
  { code: '4.2', name: 'Kiểm soát tham nhũng trong cung ứng dịch vụ y tế' },
  { code: '4.3', name: 'Kiểm soát tham nhũng trong cung ứng dịch vụ công Giáo dục tiểu học' },
  { code: '4.4', name: 'Công bằng trong tuyển dụng vào khu vực công' },
  { code: '4.5', name: 'Quyết tâm phòng chống tham nhũng của chính quyền' },
  { code: '4.6', name: 'Việc giải quyết TTHC ở các cấp' },
  { code: '5', name: 'Thủ tục hành chính công' },
  { code: '5.1', name: 'Dịch vụ chứng thực, xác nhận' },
  { code: '5.2', name: 'Dịch vụ hành chính cấp phép xây dựng' },
  { code: '5.3', name: 'Dịch vụ hành chính cấp giấy chứng nhận quyền sử dụng đất' },
  { code: '5.4', name: 'Đánh giá sự hài lòng của người dân' },
  { code: '6', name: 'Cung ứng dịch vụ công' },
  { code: '6.1', name: 'Y tế công lập' },
  { code: '6.2', name: 'Giáo dục tiểu học công lập' },
  { code: '6.3', name: 'Cơ sở hạ tầng căn bản' },
  { code: '6.4', name: 'An ninh, trật tự khu dân cư' },
  { code: '7', name: 'Quản trị môi trường' },
  { code: '7.1', name: 'Nghiêm túc trong bảo vệ môi trường' },
  { code: '7.2', name: 'Chất lượng không khí' },
  { code: '7.3', name: 'Chất lượng nguồn nước sinh hoạt' },
  { code: '8', name: 'Quản trị điện tử' },
  { code: '8.1', name: 'Sử dụng cổng thông tin điện tử của chính quyền địa phương' },
  { code: '8.2', name: 'Tiếp cận và sử dụng Internet tại địa phương' },
  { code: '8.3', name: 'Phúc đáp của chính quyền qua cổng Thông tin điện tử' },
];

export const FRAMEWORKS: readonly Framework[] = [
  { code: 'PAPI', name: 'Chỉ số Hiệu quả Quản trị và Hành chính công cấp tỉnh (PAPI)', editions: [{ fromYear: 2018, indicators: papi2020 }] },
  { code: 'PAR_INDEX', name: 'Chỉ số cải cách hành chính (PAR INDEX)', editions: [] },
  { code: 'SIPAS', name: 'Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)', editions: [] },
  { code: 'ICT_INDEX', name: 'Chỉ số ứng dụng công nghệ thông tin (ICT INDEX)', editions: [] },
  { code: 'DDCI', name: 'Chỉ số năng lực cạnh tranh cấp sở, ban, ngành và địa phương (DDCI)', editions: [] },
  { code: 'OTHER', name: 'Khác', editions: [] },
];

export function frameworkOf(code: string, catalogue: readonly Framework[] = FRAMEWORKS): Framework | null {
  return catalogue.find((framework) => framework.code === code) ?? null;
}

/**
 * The indicator `code` of `framework` in the edition for `year`. A framework without itemised
 * editions accepts any code (its criteria trees are each province's own data, not the platform's).
 */
export function indicatorOf(framework: string, code: string, year: number, catalogue: readonly Framework[] = FRAMEWORKS): Indicator | null | 'unknown-framework' {
  const known = frameworkOf(framework, catalogue);
  if (!known) return 'unknown-framework';
  if (known.editions.length === 0) return { code, name: code };
  const edition = [...known.editions].reverse().find((e) => e.fromYear <= year) ?? known.editions[0];
  return edition.indicators.find((indicator) => indicator.code === code) ?? null;
}
