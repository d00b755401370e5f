import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Lang } from '../../../api.js';
import { ErrorMessage, Loading } from '../../../components/ErrorMessage.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { RegionMap } from '../../../components/RegionMap.js';
import { formatDateTime } from '../../../lib/format.js';
import { useApi } from '../../../lib/useApi.js';
import { useRegions } from '../../../reference.js';
import type { PageProps } from '../../../routes.js';
import { Link, navigate, useLocation } from '../../../router.js';
import type { RegionCode } from '../../../../../src/platform/geo/regions.js';
import type { MethodologyVersion, Rating } from '../types.js';
import { RankingTable } from './RankingTable.js';
import { SensitivityChart } from './SensitivityChart.js';
import { StatusBadge } from './StatusBadge.js';
import { WhyPanel } from './WhyPanel.js';
import { WorkflowPanel } from './WorkflowPanel.js';

type MapMode = 'rank' | 'score' | 'change';

/** Values for the tile map: darker = better in every mode (ranks and changes are flipped for colour, not for labels). */
function mapValues(rating: Rating, mode: MapMode): { values: Partial<Record<RegionCode, number>>; format: (n: number) => string; scale: 'sequential' | 'diverging' } {
  const rows = rating.result.rows;
  const n = rows.length;
  if (mode === 'score') return { values: Object.fromEntries(rows.map((r) => [r.region, r.score])), format: (v) => v.toFixed(1), scale: 'sequential' };
  if (mode === 'change') {
    // RegionMap's diverging ramp is blue below zero: a rise (positive change) is drawn blue, a fall red.
    return { values: Object.fromEntries(rows.filter((r) => r.change !== null).map((r) => [r.region, -r.change!])), format: (v) => (v < 0 ? `+${-v}` : v > 0 ? `\u2212${v}` : '0'), scale: 'diverging' };
  }
  return { values: Object.fromEntries(rows.map((r) => [r.region, n + 1 - r.rank])), format: (v) => `${n + 1 - v}`, scale: 'sequential' };
}

/** One rating: map, ranking, "why this rank", sensitivity, workflow and reports. */
export function RatingPage({ params }: PageProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const regions = useRegions();
  const { search, path } = useLocation();
  const [mode, setMode] = useState<MapMode>('rank');
  const whyRef = useRef<HTMLDivElement>(null);
  const chosen = search.get('region');
  // The panel sits below the map and the table: bring it into view when a region is picked.
  useEffect(() => { if (chosen) whyRef.current?.scrollIntoView({ block: 'nearest' }); }, [chosen]);
  const res = useApi(() => api.get<{ rating: Rating; methodology: MethodologyVersion }>(`/api/rating/ratings/${encodeURIComponent(params.id!)}`), [params.id]);
  const back = <p><Link to="/rating">{t('rating.backToList')}</Link></p>;
  if (!res.data) return <><PageTitle title={t('rating.title')}>{t('rating.title')}</PageTitle>{back}<ErrorMessage error={res.error} />{res.loading ? <Loading /> : null}</>;
  const { rating, methodology } = res.data;
  const rows = rating.result.rows;
  const selected = rows.find((r) => r.region === search.get('region')) ?? null;
  const select = (code: string) => navigate(`${path}?region=${encodeURIComponent(code)}`, { replace: true });
  const map = mapValues(rating, mode);
  const title = t('rating.ratingFor', { period: rating.period });
  const modes: MapMode[] = rating.previousPeriod ? ['rank', 'score', 'change'] : ['rank', 'score'];

  return (
    <>
      <PageTitle title={title} actions={<StatusBadge status={rating.status} />}>{title}</PageTitle>
      {back}
      <section className="card" aria-labelledby="rt-about">
        <h2 id="rt-about" className="visually-hidden">{t('rating.about')}</h2>
        <dl className="props">
          <div><dt>{t('rating.methodology')}</dt><dd><Link to={`/rating/methodologies/${methodology.id}`}>{methodology.name} {methodology.version}</Link></dd></div>
          <div><dt>{t('rating.period')}</dt><dd>{rating.period}{rating.previousPeriod ? ` (${t('rating.vs', { period: rating.previousPeriod })})` : ''}</dd></div>
          <div><dt>{t('rating.inputs')}</dt><dd>{t(`rating.sources.${rating.inputSource}`, { defaultValue: rating.inputSource })}{rating.inputNote ? ` \u2014 ${rating.inputNote}` : ''}</dd></div>
          <div><dt>{t('rating.computed')}</dt><dd>{rating.computedBy}, {formatDateTime(rating.computedAt, lang)}</dd></div>
          {rating.approvedBy ? <div><dt>{t('rating.approved')}</dt><dd>{rating.approvedBy}, {formatDateTime(rating.approvedAt, lang)}</dd></div> : null}
          {rating.publishedBy ? <div><dt>{t('rating.published')}</dt><dd>{rating.publishedBy}, {formatDateTime(rating.publishedAt, lang)}</dd></div> : null}
        </dl>
        {rating.result.warnings.map((w) => <p key={w} className="alert alert-warn small">{w}</p>)}
      </section>
      <WorkflowPanel rating={rating} onChange={res.reload} />
      <section className="card card-wide" aria-labelledby="rt-map">
        <h2 id="rt-map" className="visually-hidden">{t('rating.mapTitle')}</h2>
        <div className="rt-modes" role="group" aria-label={t('rating.mapMode')}>
          {modes.map((m) => <button key={m} type="button" className="btn btn-small" aria-pressed={mode === m} onClick={() => setMode(m)}>{t(`rating.mapModes.${m}`)}</button>)}
        </div>
        <div className="rt-map-ranking">
          <div className="map-box">
            <RegionMap values={map.values} lang={lang} title={t(`rating.mapModes.${mode}`)} formatValue={map.format} colorScale={map.scale}
              selected={(selected?.region as RegionCode) ?? null} onSelect={select} />
          </div>
          <RankingTable rating={rating} methodology={methodology.config} selected={selected?.region ?? null} onSelect={select} />
        </div>
      </section>
      <div ref={whyRef} className="card">
        {selected ? <WhyPanel rating={rating} methodology={methodology.config} row={selected} /> : <p className="muted">{t('rating.pickRegion')}</p>}
      </div>
      {rating.result.unrated.length ? <p className="muted">{t('rating.unrated')}: {rating.result.unrated.map((c) => regions.name(c)).join(', ')}</p> : null}
      <SensitivityChart rating={rating} />
    </>
  );
}
