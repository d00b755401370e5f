import { useTranslation } from 'react-i18next';
import { useRegions } from '../../../reference.js';
import { fmtInterval, fmtRank, type Rating } from '../types.js';

const ROW = 22;
const LABEL = 230;
const PLOT = 440;
const RIGHT = 70;

/**
 * Monte Carlo rank intervals (OECD/JRC handbook, step 7): per region a line over the 90% interval
 * of simulated ranks, a tick at the median and a dot at the published rank. A long line means the
 * rank depends on the weighting choices, so it should not be over-interpreted.
 */
export function SensitivityChart({ rating }: { rating: Rating }) {
  const { t } = useTranslation();
  const regions = useRegions();
  const o = rating.sensitivityOptions;
  const n = Math.max(2, rating.result.rows.length);
  const x = (rank: number) => LABEL + ((rank - 1) / (n - 1)) * PLOT;
  const height = 24 + rating.sensitivity.length * ROW;
  const norms = o.normalisations.length ? o.normalisations.map((k) => t(`rating.normalisations.${k}`)).join(', ') : t('rating.sens.own');
  return (
    <section className="card" aria-labelledby="rt-sens">
      <h2 id="rt-sens">{t('rating.sens.title')}</h2>
      <p className="muted small">{t('rating.sens.note', { runs: o.runs, seed: o.seed, jitter: Math.round(o.weightJitter * 100), norms })}</p>
      <svg viewBox={`0 0 ${LABEL + PLOT + RIGHT} ${height}`} width="100%" role="img" aria-label={t('rating.sens.title')} className="rt-sens">
        {[1, Math.ceil(n / 2), n].map((r) => (
          <text key={r} x={x(r)} y={12} fontSize={11} textAnchor="middle" fill="#6b7280">{r}</text>
        ))}
        {rating.sensitivity.map((s, k) => {
          const y = 24 + k * ROW + ROW / 2;
          return (
            <g key={s.region}>
              <title>{`${regions.name(s.region)}: ${t('rating.rank')} ${s.rank}, ${t('rating.interval')} ${fmtInterval(s.p05, s.p95)}, ${t('rating.median')} ${fmtRank(s.medianRank)}`}</title>
              <text x={LABEL - 8} y={y + 4} fontSize={12} textAnchor="end" fill="#111827">{`${s.rank}. ${regions.name(s.region)}`}</text>
              <line x1={LABEL} x2={LABEL + PLOT} y1={y} y2={y} stroke="#e5e7eb" />
              <line x1={x(s.p05)} x2={x(s.p95) + 0.01} y1={y} y2={y} stroke="#4e79a7" strokeWidth={5} strokeLinecap="round" />
              <line x1={x(s.medianRank)} x2={x(s.medianRank)} y1={y - 7} y2={y + 7} stroke="#0b2f52" strokeWidth={2} />
              <circle cx={x(s.rank)} cy={y} r={4.5} fill="#e15759" />
              <text x={LABEL + PLOT + RIGHT - 4} y={y + 4} fontSize={12} textAnchor="end" fill="#374151">{fmtInterval(s.p05, s.p95)}</text>
            </g>
          );
        })}
      </svg>
      <p className="muted small">
        <span className="rt-key rt-key-dot" aria-hidden="true" /> {t('rating.sens.dot')}{' '}
        <span className="rt-key rt-key-line" aria-hidden="true" /> {t('rating.sens.line')}{' '}
        <span className="rt-key rt-key-tick" aria-hidden="true" /> {t('rating.sens.tick')}
      </p>
    </section>
  );
}
