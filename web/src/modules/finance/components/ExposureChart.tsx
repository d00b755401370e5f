import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { categoryColor } from '../lib.js';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** Direct and indirect shares per category as grouped bars (SVG: prints cleanly into case files). */
export default function ExposureChart({ categories, direct, indirect, label }: { categories: string[]; direct: Record<string, number>; indirect: Record<string, number>; label: string }) {
  const { t } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'svg' });
    const names = categories.map((c) => t(`finance.category.${c}`, { defaultValue: c }));
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, data: [t('finance.exposure.direct'), t('finance.exposure.indirect')] },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => `${Number(v).toFixed(1)}%` },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 200, overflow: 'truncate' } },
      series: [
        { name: t('finance.exposure.direct'), type: 'bar', data: categories.map((c) => ({ value: +((direct[c] ?? 0) * 100).toFixed(2), itemStyle: { color: categoryColor(c) } })) },
        { name: t('finance.exposure.indirect'), type: 'bar', data: categories.map((c) => ({ value: +((indirect[c] ?? 0) * 100).toFixed(2), itemStyle: { color: categoryColor(c), opacity: 0.45 } })) },
      ],
    });
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el.current);
    return () => { ro.disconnect(); chart.dispose(); };
  }, [categories, direct, indirect, t]);
  return <div ref={el} className="fin-chart" role="img" aria-label={label} style={{ height: `${80 + categories.length * 44}px` }} />;
}
