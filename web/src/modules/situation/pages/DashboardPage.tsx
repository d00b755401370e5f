import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString, type Lang } from '../../../api.js';
import { ErrorMessage, Loading } from '../../../components/ErrorMessage.js';
import { Checkbox, SelectField } from '../../../components/forms.js';
import { RegionMap } from '../../../components/RegionMap.js';
import { useApi } from '../../../lib/useApi.js';
import { useRegions } from '../../../reference.js';
import { useSession } from '../../../session.js';
import type { RegionCode } from '../../../../../src/platform/geo/regions.js';
import { AnomalyTable, Compare, shown, TrendChart } from '../components/DashboardPanels.js';
import { SituationHeader } from '../components/SituationTabs.js';
import { fmt, loadCatalogue, PERIOD_KINDS, recentPeriods, windowEnding, type AnomalyRow, type PeriodKind, type Stats, type Trend, type View } from '../lib.js';

const TREND_LENGTH: Record<PeriodKind, number> = { month: 24, quarter: 12, year: 6 };

/** Map, comparison, trend and anomalies for one indicator and period, within the user's regions. */
export default function DashboardPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { me } = useSession();
  const regions = useRegions();
  const scope = me?.actor.scope;
  const cat = useApi(() => loadCatalogue(), []);
  const stats = useApi(() => api.get<Stats>('/api/situation/stats'), []);
  const [indicator, setIndicator] = useState('crimes_total');
  const [kind, setKind] = useState<PeriodKind>('quarter');
  const [period, setPeriod] = useState('');
  const [perCapitaWanted, setPerCapita] = useState(false);
  const [includeSubmitted, setIncludeSubmitted] = useState(false);
  const [selected, setSelected] = useState<RegionCode | null>(scope && !scope.national && scope.regions.length === 1 ? (scope.regions[0] as RegionCode) : null);

  const ind = cat.data?.items.find((i) => i.code === indicator) ?? null;
  const kinds = PERIOD_KINDS.filter((k) => !ind || ind.periods.includes(k) || ind.aggregation !== 'none');
  const periods = useMemo(() => recentPeriods(kind, TREND_LENGTH[kind] * 2, stats.data?.latest[kind]), [kind, stats.data]);
  useEffect(() => { if (!periods.includes(period)) setPeriod(periods[0] ?? ''); }, [periods, period]);
  useEffect(() => { if (ind && !kinds.includes(kind)) setKind(kinds[0] ?? 'year'); }, [ind, kinds, kind]);
  const perCapita = perCapitaWanted && Boolean(ind?.perCapita);
  const sub = includeSubmitted ? 'true' : undefined;

  const view = useApi(() => (period ? api.get<View>('/api/situation/view', { indicator, period, includeSubmitted: sub }) : Promise.resolve(null)), [indicator, period, sub]);
  const win = period ? windowEnding(period, TREND_LENGTH[kind]) : null;
  const trend = useApi(() => (win ? api.get<Trend>('/api/situation/trend', { indicator, ...win, includeSubmitted: sub }) : Promise.resolve(null)), [indicator, win?.from, win?.to, sub]);
  const anomalies = useApi(() => (period ? api.get<{ rows: AnomalyRow[] }>('/api/situation/anomalies', { period, includeSubmitted: sub }) : Promise.resolve(null)), [period, sub]);

  const values: Partial<Record<RegionCode, number>> = {};
  for (const r of view.data?.rows ?? []) {
    const v = shown(r, perCapita);
    if (v !== null) values[r.region as RegionCode] = v;
  }
  const indName = ind?.names[lang] ?? indicator;
  const unit = ind ? cat.data?.units[ind.unit]?.[lang] ?? ind.unit : '';
  const common = { lang, includeSubmitted: sub, perCapita: perCapita ? 'true' : undefined };
  const exportHref = (q: Record<string, string | undefined>, format: string) => `/api/situation/export${queryString({ ...common, ...q, format })}`;
  const flagged = (view.data?.rows ?? []).filter((r) => r.anomaly?.flagged).map((r) => ({ ...r.anomaly!, indicator, region: r.region, period, value: r.value! }));
  const trendRegions = selected ? [selected] : scope && !scope.national ? scope.regions : [];

  return (
    <>
      <SituationHeader title={t('situation.title')} />
      <p className="lead">{t('situation.dashboard.intro')}</p>
      <ErrorMessage error={cat.error ?? stats.error ?? view.error ?? trend.error ?? anomalies.error} />
      <form className="card form filters" onSubmit={(e) => e.preventDefault()} aria-label={t('situation.tabs.dashboard')}>
        <div className="form-grid form-grid-3">
          <SelectField label={t('situation.f.indicator')} value={indicator} onValue={setIndicator} className="span-2"
            options={(cat.data?.items ?? []).filter((i) => i.active).map((i) => ({ value: i.code, label: i.names[lang] }))} />
          <SelectField label={t('situation.dashboard.kind')} value={kind} onValue={(k) => setKind(k as PeriodKind)} options={kinds.map((k) => ({ value: k, label: t(`situation.kinds.${k}`) }))} />
          <SelectField label={t('situation.f.period')} value={period} onValue={setPeriod} options={periods.map((p) => ({ value: p, label: p }))} />
          <div className="situation-checks">
            <Checkbox label={t('situation.dashboard.perCapita')} checked={perCapita} disabled={!ind?.perCapita} onChecked={setPerCapita} />
            <Checkbox label={t('situation.dashboard.includeSubmitted')} checked={includeSubmitted} onChecked={setIncludeSubmitted} />
          </div>
        </div>
        {ind && !ind.perCapita ? <p className="hint">{t('situation.dashboard.noPerCapita')}</p> : null}
        {ind ? <p className="hint">{ind.source[lang]}{unit ? ` · ${unit}` : ''}</p> : null}
      </form>

      {view.loading && !view.data ? <Loading /> : null}
      <div className="situation-grid">
        <section className="card" aria-labelledby="sit-map">
          <h2 id="sit-map">{indName}</h2>
          <div className="map-box">
            <RegionMap values={values} lang={lang} selected={selected} onSelect={(c) => setSelected((s) => (s === c ? null : c))}
              title={t(perCapita ? 'situation.dashboard.mapTitleRate' : 'situation.dashboard.mapTitle', { period, unit })}
              formatValue={(n) => fmt(n, lang, perCapita ? 1 : 2)} />
          </div>
          {selected ? (
            <p>{t('situation.dashboard.selected', { name: regions.name(selected) })}{' '}
              <button type="button" className="btn btn-small btn-ghost" onClick={() => setSelected(null)}>{t('situation.dashboard.clear')}</button></p>
          ) : null}
          {view.data ? (
            <p className="small">
              {t('situation.dashboard.total')}: <strong>{fmt(perCapita ? view.data.total.rate : view.data.total.value, lang, perCapita ? 1 : 2)}</strong>
              {perCapita ? <><br /><span className="muted">{t('situation.dashboard.populationNote')}</span></> : null}
              {includeSubmitted ? <><br /><span className="muted">{t('situation.dashboard.pending')}</span></> : null}
            </p>
          ) : null}
          <p className="small">{t('situation.dashboard.export')}: <a href={exportHref({ view: 'map', indicator, period }, 'csv')} download>CSV</a> · <a href={exportHref({ view: 'map', indicator, period }, 'xlsx')} download>XLSX</a></p>
        </section>
        {view.data ? <Compare rows={view.data.rows} perCapita={perCapita} lang={lang} /> : null}
      </div>

      <section className="card" aria-labelledby="sit-trend">
        <h2 id="sit-trend">{trendRegions.length ? t('situation.dashboard.trendFor', { names: trendRegions.map((c) => regions.name(c)).join(', ') }) : t('situation.dashboard.trend')}</h2>
        {trend.data ? <TrendChart trend={trend.data} regionsShown={trendRegions} perCapita={perCapita} showTotal={Boolean(scope?.national)} lang={lang} /> : <Loading />}
        {win ? <p className="small">{t('situation.dashboard.exportTrend')}: <a href={exportHref({ view: 'trend', indicator, ...win, regions: trendRegions.join(',') || undefined }, 'csv')} download>CSV</a> · <a href={exportHref({ view: 'trend', indicator, ...win, regions: trendRegions.join(',') || undefined }, 'xlsx')} download>XLSX</a></p> : null}
      </section>

      <section className="card" aria-labelledby="sit-anom">
        <h2 id="sit-anom">{t('situation.dashboard.anomalies')}</h2>
        <p className="hint">{t('situation.dashboard.anomaliesIntro')}</p>
        <AnomalyTable rows={flagged} cat={cat.data} lang={lang} showIndicator={false} />
        <h3>{t('situation.dashboard.anomaliesAll', { period })}</h3>
        {anomalies.data ? <AnomalyTable rows={anomalies.data.rows} cat={cat.data} lang={lang} showIndicator /> : <Loading />}
        <p className="small">{t('situation.dashboard.exportAnomalies')}: <a href={exportHref({ view: 'anomalies', period, perCapita: undefined }, 'csv')} download>CSV</a> · <a href={exportHref({ view: 'anomalies', period, perCapita: undefined }, 'xlsx')} download>XLSX</a></p>
      </section>
    </>
  );
}
