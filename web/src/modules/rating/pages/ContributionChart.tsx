import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { Line } from './WhyPanel.js';

// SVG renderer: crisp at any zoom, and the bars stay in the DOM for tests and print.
echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

/** Contribution bars over their ceilings (echarts, SVG). Default export for React.lazy. */
export default function ContributionChart({ data, label }: { data: Line[]; label: string }) {
  const { t } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'svg' });
    const names = data.map((d) => d.name);
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 24, top: 8, bottom: 24, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? v.toFixed(2) : String(v ?? '')) },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 180, overflow: 'truncate' } },
      series: [
        // The ceiling behind each bar makes the lost points visible, not only the gained ones.
        { name: t('rating.why.max'), type: 'bar', data: data.map((d) => d.max ?? 0), barGap: '-100%', itemStyle: { color: '#e5e7eb' }, silent: true },
        { name: t('rating.why.contribution'), type: 'bar', data: data.map((d) => ({ value: d.contribution, itemStyle: { color: d.colour } })) },
      ],
    });
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el.current);
    return () => { ro.disconnect(); chart.dispose(); };
  }, [data, t]);
  return <div ref={el} className="rt-chart" role="img" aria-label={label} style={{ height: `${60 + data.length * 34}px` }} />;
}
