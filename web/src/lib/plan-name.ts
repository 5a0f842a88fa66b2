import { formatDay } from './format';

/** "Kế hoạch 53/KH-UBND ngày 14/01/2021 của UBND huyện Thăng Bình", as officials name a plan. */
export function planName(plan: {
  number: string;
  documentDate?: string | null;
  issuedOn?: string | null;
  issuer?: { name: string; level: string } | null;
}): string {
  const day = plan.documentDate ?? plan.issuedOn;
  const issuer = plan.issuer
    ? `UBND ${plan.issuer.name.replace(/^(Huyện|Tỉnh|Thị xã|Thành phố|Quận|Xã|Phường|Thị trấn) /, (m) => m.toLocaleLowerCase('vi'))}`
    : '';
  return `Kế hoạch ${plan.number}${day ? ` ngày ${formatDay(day)}` : ''}${issuer && plan.issuer?.level !== 'AGENCY' ? ` của ${issuer}` : plan.issuer ? ` của ${plan.issuer.name}` : ''}`;
}
