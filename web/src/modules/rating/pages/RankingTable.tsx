import { useTranslation } from 'react-i18next';
import { useRegions } from '../../../reference.js';
import { fmtInterval, fmtRank, scoreDigits, type Methodology, type Rating } from '../types.js';

/** Rank change as text with an arrow; colour is a hint only (the sign is in the text). */
export function Change({ change }: { change: number | null }) {
  const { t } = useTranslation();
  if (change === null) return <span className="muted">{t('rating.new')}</span>;
  if (change === 0) return <span className="muted">0</span>;
  return change > 0
    ? <span className="rt-up" aria-label={t('rating.upBy', { n: change })}>{'\u25b2'} {change}</span>
    : <span className="rt-down" aria-label={t('rating.downBy', { n: -change })}>{'\u25bc'} {-change}</span>;
}

/** The ranking, best first. Choosing a region opens its "why this rank" panel. */
export function RankingTable({ rating, methodology, selected, onSelect }: { rating: Rating; methodology: Methodology; selected: string | null; onSelect(code: string): void }) {
  const { t } = useTranslation();
  const regions = useRegions();
  const digits = scoreDigits(methodology);
  const sens = new Map(rating.sensitivity.map((s) => [s.region, s]));
  const hasPrev = rating.previousPeriod !== null;
  return (
    <section className="rt-ranking" aria-labelledby="rt-ranking">
      <h2 id="rt-ranking">{t('rating.ranking')}</h2>
      <div className="table-wrap">
        <table className="table table-compact">
          <caption className="visually-hidden">{t('rating.ranking')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">{t('rating.rank')}</th>
              <th scope="col">{t('common.region')}</th>
              <th scope="col" className="num">{t('rating.score')}</th>
              {hasPrev ? <th scope="col" className="num">{t('rating.change')}</th> : null}
              <th scope="col" className="num">{t('rating.interval')}</th>
              <th scope="col" className="num">{t('rating.median')}</th>
            </tr>
          </thead>
          <tbody>
            {rating.result.rows.map((r) => {
              const s = sens.get(r.region);
              return (
                <tr key={r.region} data-region={r.region} className={selected === r.region ? 'row-open' : undefined}>
                  <td className="num">{r.rank}</td>
                  <td className="rt-region">
                    <button type="button" className="linklike" aria-pressed={selected === r.region} onClick={() => onSelect(r.region)}>{regions.name(r.region)}</button>
                    {r.missing.length ? <span className="muted" title={t('rating.missingHint')}> *</span> : null}
                  </td>
                  <td className="num">{r.score.toFixed(digits)}</td>
                  {/* The previous rank is in the tooltip: the change says the same, in fewer columns. */}
                  {hasPrev ? <td className="num" title={r.previousRank === null ? undefined : `${t('rating.prevRank')}: ${r.previousRank}`}><Change change={r.change} /></td> : null}
                  <td className="num">{s ? fmtInterval(s.p05, s.p95) : '—'}</td>
                  <td className="num">{s ? fmtRank(s.medianRank) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {rating.result.rows.some((r) => r.missing.length) ? <p className="muted small">* {t('rating.missingHint')}</p> : null}
    </section>
  );
}
