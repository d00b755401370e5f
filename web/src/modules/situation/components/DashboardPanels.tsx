import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../api.js';
import { useRegions } from '../../../reference.js';
import { fmt, nameOf, type AnomalyRow, type Catalogue, type RegionFigure, type Trend } from '../lib.js';
import { EChart, type ChartOption } from './EChart.js';

/** The figure a view shows: the rate when the per-100,000 view is on, else the value. */
export const shown = (r: { value: number | null; rate: number | null }, perCapita: boolean): number | null => (perCapita ? r.rate : r.value);

/** Regions compared: a sorted bar chart and the same figures as a table. */
export function Compare({ rows, perCapita, lang }: { rows: RegionFigure[]; perCapita: boolean; lang: Lang }) {
  const { t } = useTranslation();
  const regions = useRegions();
  const sorted = [...rows].sort((a, b) => (shown(b, perCapita) ?? -Infinity) - (shown(a, perCapita) ?? -Infinity));
  const withData = sorted.filter((r) => shown(r, perCapita) !== null).reverse(); // echarts draws bottom-up
  const option: ChartOption = {
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: withData.map((r) => regions.name(r.region)), axisLabel: { width: 160, overflow: 'truncate' } },
    series: [{
      type: 'bar', data: withData.map((r) => ({ value: shown(r, perCapita), itemStyle: { color: r.anomaly?.flagged ? '#b45309' : '#2171b5' } })),
      label: { show: true, position: 'right', formatter: (p: { value: number }) => fmt(p.value, lang, perCapita ? 1 : 2) },
    }],
  };
  return (
    <section className="card" aria-labelledby="sit-compare">
      <h2 id="sit-compare">{t('situation.dashboard.compare')}</h2>
      {withData.length ? <EChart option={option} height={Math.max(160, withData.length * 26 + 40)} testId="compare-chart" /> : null}
      <div className="table-wrap">
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">{t('situation.f.region')}</th>
              <th scope="col" className="num">{t('situation.f.value')}</th>
              <th scope="col" className="num">{t('situation.f.perCapita')}</th>
              <th scope="col" className="num">{t('situation.dashboard.z')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={r.region} className={r.anomaly?.flagged ? 'situation-flagged' : undefined}>
                <td>{regions.name(r.region)}</td>
                <td className="num">{fmt(r.value, lang)}</td>
                <td className="num">{fmt(r.rate, lang, 1)}</td>
                <td className="num">{r.anomaly ? (r.anomaly.z === null ? t('situation.dashboard.flat') : fmt(r.anomaly.z, lang, 1)) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Line chart over the trend window: the selected regions, plus the total for national users. */
export function TrendChart({ trend, regionsShown, perCapita, showTotal, lang }: { trend: Trend; regionsShown: string[]; perCapita: boolean; showTotal: boolean; lang: Lang }) {
  const { t } = useTranslation();
  const regions = useRegions();
  const pick = (s: { values: (number | null)[]; rates: (number | null)[] }) => (perCapita ? s.rates : s.values);
  const series = trend.series.filter((s) => regionsShown.includes(s.region)).map((s) => ({ name: regions.name(s.region), values: pick(s) }));
  if (showTotal) series.unshift({ name: t('situation.dashboard.total'), values: pick(trend.total) });
  const option: ChartOption = {
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    xAxis: { type: 'category', data: trend.periods },
    yAxis: { type: 'value' },
    series: series.map((s) => ({ name: s.name, type: 'line', data: s.values, connectNulls: false, showAllSymbol: true, symbolSize: 6 })),
  };
  return (
    <>
      <EChart option={option} height={300} testId="trend-chart" />
      <div className="table-wrap">
        <table className="table table-compact">
          <thead><tr><th scope="col">{t('situation.f.period')}</th>{series.map((s) => <th key={s.name} scope="col" className="num">{s.name}</th>)}</tr></thead>
          <tbody>
            {trend.periods.map((p, i) => (
              <tr key={p}><td>{p}</td>{series.map((s) => <td key={s.name} className="num">{fmt(s.values[i], lang, perCapita ? 1 : 2)}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Flagged values with the baseline that makes them unusual. */
export function AnomalyTable({ rows, cat, lang, showIndicator }: { rows: AnomalyRow[]; cat: Catalogue | null; lang: Lang; showIndicator: boolean }) {
  const { t } = useTranslation();
  const regions = useRegions();
  if (!rows.length) return <p className="muted">{t('situation.dashboard.noAnomalies')}</p>;
  return (
    <div className="table-wrap">
      <table className="table table-compact" data-testid={showIndicator ? 'anomalies-all' : 'anomalies'}>
        <thead>
          <tr>
            {showIndicator ? <th scope="col">{t('situation.f.indicator')}</th> : null}
            <th scope="col">{t('situation.f.region')}</th>
            <th scope="col" className="num">{t('situation.f.value')}</th>
            <th scope="col" className="num">{t('situation.dashboard.median')}</th>
            <th scope="col" className="num">{t('situation.dashboard.mad')}</th>
            <th scope="col" className="num">{t('situation.dashboard.z')}</th>
            <th scope="col">{t('situation.dashboard.direction')}</th>
            <th scope="col">{t('situation.dashboard.baseline')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.indicator}-${r.region}`}>
              {showIndicator ? <td>{nameOf(cat, r.indicator, lang)}</td> : null}
              <td>{regions.name(r.region)}</td>
              <td className="num">{fmt(r.value, lang)}</td>
              <td className="num">{fmt(r.median, lang)}</td>
              <td className="num">{fmt(r.mad, lang)}</td>
              <td className="num">{r.z === null ? t('situation.dashboard.flat') : fmt(r.z, lang, 1)}</td>
              <td>{r.direction ? t(`situation.dashboard.${r.direction}`) : ''}</td>
              <td className="small">{r.baseline.map((b) => fmt(b, lang)).join(' · ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
