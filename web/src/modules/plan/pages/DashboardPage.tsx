import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api.js';
import { ErrorMessage, Loading } from '../../../components/ErrorMessage.js';
import { SelectField } from '../../../components/forms.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useApi } from '../../../lib/useApi.js';
import { useRegions } from '../../../reference.js';
import { Link, navigate, useLocation } from '../../../router.js';
import { PlanTabs } from '../components/PlanTabs.js';
import { ITEM_STATUSES, formatDay, type Dashboard, type PlanSummary } from '../types.js';

// echarts is loaded with the dashboard only, not with every page of the app.
const StatusChart = lazy(() => import('../components/StatusChart.js'));

/** Execution by section, agency or region: stacked bars by status, the same as a table, the overdue list and exports. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const regions = useRegions();
  const { search } = useLocation();
  const planId = search.get('planId') ?? '';
  const by = (search.get('by') ?? 'section') as Dashboard['by'];
  const plans = useApi(() => api.get<{ plans: PlanSummary[] }>('/api/plan/plans'), []);
  const dash = useApi(() => api.get<Dashboard>('/api/plan/dashboard', { planId, by }), [planId, by]);
  const go = (p: { planId?: string; by?: string }) => {
    const q = new URLSearchParams({ ...(planId ? { planId } : {}), by, ...p });
    if (!q.get('planId')) q.delete('planId');
    navigate(`/plan/dashboard?${q.toString()}`, { replace: true });
  };
  const label = (r: Dashboard['rows'][number]) => by === 'region' ? (r.key === 'national' ? t('plan.kind.national') : regions.name(r.key))
    : r.phase ? `${r.label.split('. ')[0]}. ${t(`plan.phase.${r.phase}`)}` : r.label;
  const rows = (dash.data?.rows ?? []).map((r) => ({ ...r, label: label(r) }));
  const exportQs = planId ? `?planId=${encodeURIComponent(planId)}` : '';
  return (
    <>
      <PageTitle title={t('plan.dashboard.title')}>{t('plan.dashboard.title')}</PageTitle>
      <PlanTabs />
      <div className="card form filters">
        <div className="form-grid form-grid-3">
          <SelectField label={t('plan.plan')} value={planId} onValue={(v) => go({ planId: v })}
            options={[{ value: '', label: t('plan.dashboard.allPlans') }, ...(plans.data?.plans ?? []).map((p) => ({ value: p.id, label: `${p.code} — ${p.title.slice(0, 70)}` }))]} />
          <SelectField label={t('plan.dashboard.by')} value={by} onValue={(v) => go({ by: v })}
            options={['section', 'agency', 'region'].map((b) => ({ value: b, label: t(`plan.dashboard.byOpt.${b}`) }))} />
          <div className="field"><span className="plan-links"><a href={`/api/plan/export.xlsx${exportQs}`} download>{t('plan.export.xlsx')}</a> <a href={`/api/plan/export.csv${exportQs}`} download>{t('plan.export.csv')}</a></span></div>
        </div>
      </div>
      <ErrorMessage error={dash.error} />
      {dash.loading && !dash.data ? <Loading /> : null}
      {dash.data ? (
        <>
          <dl className="figures">
            {ITEM_STATUSES.map((s) => <div key={s} className={`figure ${s === 'overdue' && dash.data!.totals.overdue ? 'figure-warn' : ''}`}><dt>{t(`plan.status.${s}`)}</dt><dd>{dash.data!.totals[s]}</dd></div>)}
          </dl>
          <section className="card" aria-labelledby="dash-chart">
            <h2 id="dash-chart">{t('plan.dashboard.chartTitle', { by: t(`plan.dashboard.byOpt.${by}`) })}</h2>
            {rows.length ? <Suspense fallback={<Loading />}><StatusChart rows={rows} label={t('plan.dashboard.chartTitle', { by: t(`plan.dashboard.byOpt.${by}`) })} /></Suspense> : <p className="muted">{t('plan.noItems')}</p>}
            <div className="table-wrap"><table className="table table-compact">
              <caption>{t('plan.dashboard.tableCaption')}</caption>
              <thead><tr><th scope="col">{t(`plan.dashboard.byOpt.${by}`)}</th>{ITEM_STATUSES.map((s) => <th key={s} scope="col" className="num">{t(`plan.status.${s}`)}</th>)}<th scope="col" className="num">{t('plan.dashboard.total')}</th></tr></thead>
              <tbody>{rows.map((r) => <tr key={r.key}><th scope="row">{r.label}</th>{ITEM_STATUSES.map((s) => <td key={s} className="num">{r.counts[s]}</td>)}<td className="num">{r.total}</td></tr>)}</tbody>
            </table></div>
          </section>
          <section className="card" aria-labelledby="dash-overdue">
            <h2 id="dash-overdue">{t('plan.dashboard.overdue', { count: dash.data.overdue.length })}</h2>
            {dash.data.overdue.length === 0 ? <p className="muted">{t('plan.dashboard.noOverdue')}</p> : (
              <div className="table-wrap"><table className="table table-compact">
                <thead><tr><th scope="col">№</th><th scope="col">{t('plan.item.title')}</th><th scope="col">{t('plan.item.responsible')}</th><th scope="col">{t('common.region')}</th><th scope="col">{t('plan.dashboard.since')}</th><th scope="col" className="num">{t('plan.dashboard.days')}</th></tr></thead>
                <tbody>{dash.data.overdue.map((o) => (
                  <tr key={o.itemId} data-item={o.number}>
                    <td className="nowrap">{o.planCode} · {o.number}</td><td><Link to={`/plan/items/${o.itemId}`}>{o.title}</Link></td><td>{o.responsible}</td>
                    <td>{o.region ? regions.name(o.region) : t('plan.kind.national')}</td><td className="nowrap">{formatDay(o.overdueSince, lang)}</td><td className="num">{o.daysOverdue}</td>
                  </tr>
                ))}</tbody>
              </table></div>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}
