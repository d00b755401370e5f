import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format.js';
import { useRegions } from '../../../reference.js';
import { colourOf, fmtInterval, indicatorName, scoreDigits, type Methodology, type Rating, type ResultRow } from '../types.js';
import { Change } from './RankingTable.js';

// echarts is large: loaded only when a panel is first opened, so the rest of the SPA stays small.
const ContributionChart = lazy(() => import('./ContributionChart.js'));

export interface Line { code: string; name: string; colour: string; value: number | undefined; normalised: number | null; contribution: number; max: number | null; missing: boolean }

/**
 * The points each indicator could bring: its weight share × 100. Only meaningful for an
 * arithmetic mean of 0–100 scales; for z-scores or a geometric mean there is no fixed ceiling.
 */
function lines(rating: Rating, m: Methodology, row: ResultRow): Line[] {
  const bounded = m.aggregation === 'arithmetic' && m.indicators.every((i) => i.normalisation !== 'zscore');
  const active = m.indicators.filter((i) => row.normalised[i.code] !== null);
  const total = active.reduce((s, i) => s + i.weight, 0);
  return m.indicators.map((i, k) => ({
    code: i.code, name: indicatorName(m, i.code), colour: colourOf(k),
    value: rating.inputs.find((v) => v.period === rating.period && v.region === row.region && v.indicator === i.code)?.value,
    normalised: row.normalised[i.code] ?? null,
    contribution: row.contributions[i.code] ?? 0,
    max: bounded && row.normalised[i.code] !== null ? (100 * i.weight) / total : null,
    missing: row.missing.includes(i.code),
  }));
}

/** "Why is this region N-th": contributions against their ceilings, with the numbers behind them. */
export function WhyPanel({ rating, methodology, row }: { rating: Rating; methodology: Methodology; row: ResultRow }) {
  const { t, i18n } = useTranslation();
  const regions = useRegions();
  // Stable identity, so the chart is rebuilt only when the region or rating changes.
  const data = useMemo(() => lines(rating, methodology, row), [rating, methodology, row]);
  const digits = scoreDigits(methodology);
  const s = rating.sensitivity.find((x) => x.region === row.region);
  const gaps = data.filter((d) => d.max !== null && d.max - d.contribution > 0.005).sort((a, b) => (b.max! - b.contribution) - (a.max! - a.contribution)).slice(0, 2);
  const name = regions.name(row.region);
  const fmt = (n: number, d = 2) => n.toFixed(d);
  return (
    <section className="rt-why" aria-labelledby="rt-why-title" data-testid="why-panel">
      <h3 id="rt-why-title">{t('rating.why.title', { region: name, rank: row.rank })}</h3>
      <p>
        {t('rating.why.summary', { rank: row.rank, n: rating.result.rows.length, score: fmt(row.score, digits) })}{' '}
        {rating.previousPeriod ? <>{t('rating.change')}: <Change change={row.change} />. </> : null}
        {s ? t('rating.why.interval', { interval: fmtInterval(s.p05, s.p95) }) : null}
      </p>
      {gaps.length ? <p>{t('rating.why.gaps', { list: gaps.map((g) => `${g.name} (\u2212${fmt(g.max! - g.contribution)})`).join('; ') })}</p> : null}
      <div className="rt-why-grid">
      <Suspense fallback={<div className="rt-chart" />}><ContributionChart data={data} label={t('rating.why.chartLabel', { region: name })} /></Suspense>
      <div className="table-wrap">
        <table className="table table-compact">
          <caption className="visually-hidden">{t('rating.why.tableCaption', { region: name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rating.indicator')}</th>
              <th scope="col" className="num">{t('rating.why.value')}</th>
              <th scope="col" className="num">{t('rating.why.normalised')}</th>
              <th scope="col" className="num">{t('rating.why.contribution')}</th>
              <th scope="col" className="num">{t('rating.why.max')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.code}>
                <td><span className="rt-swatch" style={{ background: d.colour }} aria-hidden="true" />{d.name}</td>
                <td className="num">{d.value === undefined ? <span className="muted">{t('rating.why.noValue')}</span> : formatNumber(d.value, i18n.language)}</td>
                <td className="num">{d.normalised === null ? <span className="muted">{t('rating.why.dropped')}</span> : fmt(d.normalised, 1)}{d.missing && d.normalised !== null ? ' *' : ''}</td>
                <td className="num">{fmt(d.contribution)}</td>
                <td className="num">{d.max === null ? '—' : fmt(d.max)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      </div>
      <p className="muted small">{t('rating.why.note')}</p>
    </section>
  );
}
