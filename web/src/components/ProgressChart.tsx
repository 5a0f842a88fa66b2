import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Only the parts the dashboards draw: this chunk loads with the dashboard, never at sign-in.
echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export interface ChartRow {
  name: string;
  completed: number;
  open: number;
  overdue: number;
}

/** Assignments per unit, stacked: done (green), still open (blue), overdue (red): grey is for cancelled, amber for due soon. */
/** `onDrawn`: called once the bars are on the canvas (the page asks for its lists after that). */
export default function ProgressChart({ rows, title, onDrawn }: { rows: ChartRow[]; title: string; onDrawn?: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const drawn = useRef(onDrawn);
  drawn.current = onDrawn;
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.setOption({
      // No animation: the figures are read at once (and screenshots show them whole).
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, data: ['Hoàn thành', 'Chưa hoàn thành', 'Quá hạn'] },
      grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { rotate: rows.length > 8 ? 40 : 0, interval: 0, fontSize: 11 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: 'Hoàn thành', type: 'bar', stack: 'n', data: rows.map((r) => r.completed), itemStyle: { color: '#389e0d' } },
        { name: 'Chưa hoàn thành', type: 'bar', stack: 'n', data: rows.map((r) => r.open), itemStyle: { color: '#4096ff' } },
        { name: 'Quá hạn', type: 'bar', stack: 'n', data: rows.map((r) => r.overdue), itemStyle: { color: '#cf1322' } },
      ],
    });
    drawn.current?.();
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [rows]);
  return <div ref={ref} role="img" aria-label={title} style={{ width: '100%', height: 360, background: '#fff' }} />;
}
