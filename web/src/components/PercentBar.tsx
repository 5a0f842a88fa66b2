import { Progress } from 'antd';
import { formatPercent } from '../lib/format';

/** A completion rate with its figure written the Vietnamese way (85,5%). */
export function PercentBar({ value, label }: { value: number; label?: string }) {
  const rounded = Math.round(value * 10) / 10;
  return <Progress percent={rounded} size="small" format={(p) => formatPercent(p ?? 0)} aria-label={label ?? `Tỷ lệ hoàn thành ${formatPercent(rounded)}`} status={rounded >= 100 ? 'success' : 'normal'} />;
}
