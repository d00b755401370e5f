import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { ITEM_STATUSES, STATUS_COLORS, type Counts } from '../types.js';

// SVG: crisp when printed for a HQ meeting, and the bars stay in the DOM for tests.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/**
 * Horizontal bars stacked by status, one per group (section, agency, region). The same
 * figures are in the table under it, which is what screen readers use.
 */
export default function StatusChart({ rows, label, onSelect }: { rows: { key: string; label: string; counts: Counts }[]; label: string; onSelect?(key: string): void }) {
  const { t } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, data: ITEM_STATUSES.map((s) => t(`plan.status.${s}`)) },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((r) => r.label), inverse: true, axisLabel: { width: 260, overflow: 'truncate' } },
      series: ITEM_STATUSES.map((s) => ({
        name: t(`plan.status.${s}`), type: 'bar', stack: 'status', itemStyle: { color: STATUS_COLORS[s] },
        data: rows.map((r) => r.counts[s] || null),
      })),
    });
    if (onSelect) chart.on('click', (p) => { const row = rows[p.dataIndex as number]; if (row) onSelect(row.key); });
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el.current);
    return () => { ro.disconnect(); chart.dispose(); };
  }, [rows, t, onSelect]);
  return <div ref={el} className="plan-chart" role="img" aria-label={label} style={{ height: `${70 + rows.length * 32}px` }} />;
}
