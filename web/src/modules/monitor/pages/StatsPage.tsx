import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { api, queryString, type Lang } from '../../../api.js';
import { ErrorMessage, Loading } from '../../../components/ErrorMessage.js';
import { SelectField, TextField } from '../../../components/forms.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { formatNumber } from '../../../lib/format.js';
import { useApi } from '../../../lib/useApi.js';
import { useRegions } from '../../../reference.js';
import { navigate, useLocation } from '../../../router.js';

// SVG renderer: crisp in printed HQ reports, and the bars are DOM nodes the browser tests can count.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const METRICS = ['found', 'confirmed', 'requested', 'blocked', 'restored'] as const;
type Metric = (typeof METRICS)[number];
const COLORS: Record<Metric, string> = { found: '#8c6d1f', confirmed: '#b54708', requested: '#1d4ed8', blocked: '#15803d', restored: '#b91c1c' };
const LABELS = ['drug_sale', 'courier_recruitment', 'drug_propaganda'] as const;
const FIELDS = ['granularity', 'from', 'to', 'region', 'label', 'source'] as const;
type Filters = Record<(typeof FIELDS)[number], string>;
const BREAKDOWNS = ['region', 'label', 'source'] as const;
type Breakdown = (typeof BREAKDOWNS)[number];

/** One row of the server's statistics (stats.service.ts StatsRow). */
interface Row extends Record<Metric, number> { key: string; medianHours: number | null; p90Hours: number | null }
interface Stats {
  range: { granularity: string; from: string; to: string; buckets: string[] };
  tz: string;
  totals: Omit<Row, 'key'>;
  series: Row[];
  byRegion: Row[];
  byLabel: Row[];
  bySource: Row[];
}

/** A bar chart (stacked by metric) over categories; the same figures are in the tables below it. */
function Bars({ categories, rows, horizontal, label, testId }: { categories: string[]; rows: Row[]; horizontal?: boolean; label: string; testId: string }) {
  const { t } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'svg' });
    const cat = { type: 'category', data: categories, ...(horizontal ? { inverse: true, axisLabel: { width: 200, overflow: 'truncate' } } : {}) };
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, data: METRICS.map((m) => t(`monitor.stats.m.${m}`)) },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: horizontal ? { type: 'value', minInterval: 1 } : cat,
      yAxis: horizontal ? cat : { type: 'value', minInterval: 1 },
      series: METRICS.map((m) => ({ name: t(`monitor.stats.m.${m}`), type: 'bar', stack: 'funnel', itemStyle: { color: COLORS[m] }, data: rows.map((r) => r[m] || null) })),
    });
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el.current);
    return () => { ro.disconnect(); chart.dispose(); };
  }, [categories, rows, horizontal, t]);
  const height = horizontal ? 80 + categories.length * 30 : 340;
  return <div ref={el} className="monitor-stats-chart" role="img" aria-label={label} data-testid={testId} style={{ height }} />;
}

/** Hours as the desk reads them: hours under two days, days (one decimal) above. */
function useDuration() {
  const { t, i18n } = useTranslation();
  return (h: number | null) => {
    if (h === null) return '—';
    return h < 48 ? t('monitor.stats.hours', { n: formatNumber(h, i18n.language) }) : t('monitor.stats.days', { n: formatNumber(Math.round(h / 2.4) / 10, i18n.language) });
  };
}

function FigureTable({ rows, keyLabel, name, testId, caption }: { rows: Row[]; keyLabel: string; name(k: string): string; testId: string; caption: string }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language as Lang);
  const dur = useDuration();
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead><tr>
          <th scope="col">{keyLabel}</th>
          {METRICS.map((m) => <th key={m} scope="col" className="num">{t(`monitor.stats.m.${m}`)}</th>)}
          <th scope="col" className="num">{t('monitor.stats.median')}</th><th scope="col" className="num">{t('monitor.stats.p90')}</th>
        </tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-key={r.key}>
              <th scope="row">{name(r.key)}</th>
              {METRICS.map((m) => <td key={m} className="num" data-metric={m}>{n(r[m])}</td>)}
              <td className="num">{dur(r.medianHours)}</td><td className="num">{dur(r.p90Hours)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Cyber-supervision statistics: the funnel found → confirmed → requested → blocked → restored
 * by period (Kazakhstan calendar), region, label and source, the detection → block time, and
 * CSV / XLSX exports of exactly what is shown. Filters live in the URL so a view can be shared.
 */
export function StatsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const regions = useRegions();
  const dur = useDuration();
  const { search } = useLocation();
  const current = Object.fromEntries(FIELDS.map((f) => [f, search.get(f) ?? (f === 'granularity' ? 'week' : '')])) as Filters;
  const [form, setForm] = useState(current);
  const [breakdown, setBreakdown] = useState<Breakdown>('region');
  const stats = useApi(() => api.get<Stats>('/api/monitor/stats', current), [current]);
  const sources = useApi(() => api.get<{ sources: string[] }>('/api/monitor/stats/sources'), []);
  const set = (k: keyof Filters) => (v: string) => setForm({ ...form, [k]: v });
  const submit = (e: FormEvent) => { e.preventDefault(); navigate('/monitor/stats' + queryString(form), { replace: true }); };
  const s = stats.data;
  const keyName = (b: Breakdown | 'period') => (k: string) => {
    if (b === 'region') return k ? regions.name(k) : t('monitor.noRegion');
    if (b === 'label') return k ? t(`monitor.label.${k}`) : t('monitor.stats.noLabel');
    if (b === 'source') return k || t('monitor.stats.noSource');
    return k;
  };
  const periods = useMemo(() => s?.series.map((r) => r.key) ?? [], [s]);
  const regionRows = useMemo(() => s?.byRegion ?? [], [s]);
  const regionNames = useMemo(() => regionRows.map((r) => (r.key ? regions.name(r.key) : t('monitor.noRegion'))), [regionRows, regions, t]);
  const exportQuery = { ...current, lang };
  const breakdownRows = s ? (breakdown === 'region' ? s.byRegion : breakdown === 'label' ? s.byLabel : s.bySource) : [];
  return (
    <>
      <PageTitle title={t('monitor.stats.title')} actions={s ? (
        <>
          <a className="btn" href={`/api/monitor/stats.csv${queryString({ ...exportQuery, table: 'period' })}`} download data-testid="stats-csv">{t('monitor.stats.csv')}</a>
          <a className="btn" href={`/api/monitor/stats.xlsx${queryString(exportQuery)}`} download data-testid="stats-xlsx">{t('monitor.stats.xlsx')}</a>
        </>
      ) : undefined}>{t('monitor.stats.title')}</PageTitle>
      <p className="muted">{t('monitor.stats.help')}</p>
      <form className="card form filters" role="search" aria-label={t('monitor.filters')} onSubmit={submit}>
        <div className="form-grid form-grid-4">
          <SelectField label={t('monitor.stats.granularity')} value={form.granularity} onValue={set('granularity')}
            options={(['day', 'week', 'month'] as const).map((g) => ({ value: g, label: t(`monitor.stats.g.${g}`) }))} />
          <TextField type="date" label={t('monitor.from')} value={form.from} onValue={set('from')} />
          <TextField type="date" label={t('monitor.to')} value={form.to} onValue={set('to')} />
          <SelectField label={t('common.region')} value={form.region} onValue={set('region')}
            options={[{ value: '', label: t('common.any') }, ...regions.list.map((r) => ({ value: r.code, label: regions.name(r.code) }))]} />
          <SelectField label={t('monitor.labelField')} value={form.label} onValue={set('label')}
            options={[{ value: '', label: t('common.any') }, ...LABELS.map((l) => ({ value: l, label: t(`monitor.label.${l}`) }))]} />
          <SelectField label={t('monitor.source')} value={form.source} onValue={set('source')}
            options={[{ value: '', label: t('common.any') }, ...(sources.data?.sources ?? []).map((x) => ({ value: x, label: x }))]} />
        </div>
        <div className="actions"><button type="submit" className="btn btn-primary">{t('monitor.stats.apply')}</button></div>
      </form>
      <ErrorMessage error={stats.error} />
      {stats.loading && !s ? <Loading /> : null}
      {s ? (
        <>
          <p className="muted small" data-testid="stats-range">{t('monitor.stats.range', { from: s.range.from, to: s.range.to, tz: s.tz })}</p>
          <dl className="figures card" data-testid="stats-totals">
            {METRICS.map((m) => <div key={m} className="figure" data-metric={m}><dt>{t(`monitor.stats.m.${m}`)}</dt><dd>{formatNumber(s.totals[m], lang)}</dd></div>)}
            <div className="figure" data-testid="stats-median"><dt>{t('monitor.stats.medianLong')}</dt><dd>{dur(s.totals.medianHours)}</dd></div>
            <div className="figure"><dt>{t('monitor.stats.p90Long')}</dt><dd>{dur(s.totals.p90Hours)}</dd></div>
          </dl>
          {s.totals.found + s.totals.requested + s.totals.confirmed === 0 ? <p className="card muted" data-testid="stats-empty">{t('monitor.stats.empty')}</p> : null}
          <section className="card" aria-labelledby="stats-series-h">
            <h2 id="stats-series-h">{t('monitor.stats.byPeriod')}</h2>
            <Bars categories={periods} rows={s.series} label={t('monitor.stats.byPeriod')} testId="stats-series-chart" />
            <FigureTable rows={s.series} keyLabel={t('monitor.stats.period')} name={keyName('period')} testId="stats-series" caption={t('monitor.stats.byPeriod')} />
          </section>
          <section className="card" aria-labelledby="stats-region-h">
            <h2 id="stats-region-h">{t('monitor.stats.byRegion')}</h2>
            {regionRows.length ? <Bars categories={regionNames} rows={regionRows} horizontal label={t('monitor.stats.byRegion')} testId="stats-region-chart" />
              : <p className="muted">{t('monitor.stats.empty')}</p>}
          </section>
          <section className="card" aria-labelledby="stats-breakdown-h">
            <h2 id="stats-breakdown-h">{t('monitor.stats.breakdown')}</h2>
            <div className="form-grid form-grid-4">
              <SelectField label={t('monitor.stats.breakdownBy')} value={breakdown} onValue={(v) => setBreakdown(v as Breakdown)}
                options={BREAKDOWNS.map((b) => ({ value: b, label: t(`monitor.stats.by.${b}`) }))} />
            </div>
            {breakdownRows.length ? <FigureTable rows={breakdownRows} keyLabel={t(`monitor.stats.by.${breakdown}`)} name={keyName(breakdown)} testId="stats-breakdown" caption={t('monitor.stats.breakdown')} />
              : <p className="muted">{t('monitor.stats.empty')}</p>}
            <p className="muted small">
              <a href={`/api/monitor/stats.csv${queryString({ ...exportQuery, table: breakdown })}`} download>{t('monitor.stats.csvTable', { table: t(`monitor.stats.by.${breakdown}`) })}</a>
            </p>
            {breakdown === 'region' ? <p className="muted small">{t('monitor.stats.regionNote')}</p> : null}
          </section>
        </>
      ) : null}
    </>
  );
}
