import type { DraftTask, PlanDraft, UnitCell } from '../../domain/plan-draft';

/**
 * The demo's plan of the two-tier structure (from 2025-07-01): the new Đà Nẵng (48, with Quảng
 * Nam since the reorganisation) issues directly to its 94 communes, wards and special zone.
 * RECONSTRUCTED: not a real document; number, date and tasks are the demo's, in the form the
 * provincial plans use (implementing and monitoring bodies).
 */
const COMMUNES: UnitCell = { text: 'UBND các xã, phường, đặc khu' };
const DEPARTMENTS_AND_COMMUNES: UnitCell = { text: 'Các Sở, ban, ngành; UBND các xã, phường, đặc khu' };
const DOHA: UnitCell = { text: 'Sở Nội vụ' };

const task = (text: string, implementing: UnitCell, timeframe: string | null, target: string | null = null): DraftTask => ({
  text,
  target,
  implementing,
  monitoring: DOHA,
  timeframe,
});

export const DA_NANG_PAR_2026: PlanDraft = {
  number: '25/KH-UBND',
  title: 'Kế hoạch cải cách hành chính năm 2026 của thành phố Đà Nẵng',
  issuerCode: '48',
  documentDate: '2026-01-20',
  year: 2026,
  frameworks: ['PAR_INDEX'],
  columns: { implementing: 'Cơ quan thực hiện', monitoring: 'Cơ quan theo dõi' },
  sections: [
    {
      code: 'I',
      title: 'Kiện toàn tổ chức bộ máy sau sắp xếp đơn vị hành chính',
      indicator: { framework: 'PAR_INDEX', code: '4' },
      tasks: [
        task(
          'Kiện toàn Bộ phận Tiếp nhận và Trả kết quả của xã, phường, đặc khu sau sắp xếp đơn vị hành chính',
          COMMUNES,
          'Tháng 3/2026',
          '100% xã, phường, đặc khu',
        ),
        task('Tiếp nhận, tiếp tục thực hiện các nhiệm vụ chưa hoàn thành của đơn vị hành chính cũ', COMMUNES, 'Tháng 6/2026'),
      ],
    },
    {
      code: 'II',
      title: 'Cải cách thủ tục hành chính',
      indicator: { framework: 'PAR_INDEX', code: '3' },
      tasks: [
        task(
          'Công khai đầy đủ, kịp thời thủ tục hành chính trên Cổng Dịch vụ công và tại nơi tiếp nhận hồ sơ',
          DEPARTMENTS_AND_COMMUNES,
          'Thường xuyên',
          '100% thủ tục hành chính',
        ),
      ],
    },
  ],
  cascade: null,
};
