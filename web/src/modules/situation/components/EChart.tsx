/**
 * A thin React wrapper around echarts (bundled, tree-shaken to the line and bar charts; SVG so it
 * prints and scales crisply). The chart is decorative for screen readers: every chart on the
 * dashboard has a table with the same figures next to it.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

export function EChart({ option, height = 320, testId }: { option: ChartOption; height?: number; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const c = echarts.init(box.current, null, { renderer: 'svg' });
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(box.current);
    return () => { observer.disconnect(); c.dispose(); chart.current = null; };
  }, []);

  useEffect(() => {
    // notMerge: a new indicator must not keep the previous one's series.
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} className="situation-chart" style={{ height }} aria-hidden="true" data-testid={testId} />;
}
