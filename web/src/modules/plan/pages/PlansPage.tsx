import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api.js';
import { ErrorMessage, Loading } from '../../../components/ErrorMessage.js';
import { SelectField, TextField } from '../../../components/forms.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useApi } from '../../../lib/useApi.js';
import { useRegions } from '../../../reference.js';
import { Link, navigate } from '../../../router.js';
import { useSession } from '../../../session.js';
import { PlanTabs } from '../components/PlanTabs.js';
import { StatusCounts } from '../components/StatusBadge.js';
import { formatDay, type Plan, type PlanSummary } from '../types.js';

/** A new national or regional plan; only kinds and regions the user may manage are offered. */
function NewPlanForm() {
  const { t } = useTranslation();
  const { me } = useSession();
  const regions = useRegions();
  const scope = me?.actor.scope;
  const offered = scope?.national ? regions.list : regions.list.filter((r) => scope?.regions.includes(r.code));
  const [f, setF] = useState({ kind: scope?.national ? 'national' : 'regional', region: offered.length === 1 ? offered[0]!.code : '', code: '', title: '', periodStart: '2026-01-01', periodEnd: '2028-12-31' });
  const set = (k: keyof typeof f) => (v: string) => setF((o) => ({ ...o, [k]: v }));
  const [error, setError] = useState<unknown>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const r = await api.post<{ plan: Plan }>('/api/plan/plans', { ...f, region: f.kind === 'regional' ? f.region : null });
      navigate(`/plan/${r.plan.id}`);
    } catch (err) { setError(err); }
  }
  return (
    <details className="card">
      <summary>{t('plan.plans.new')}</summary>
      <form className="form" onSubmit={submit}>
        <div className="form-grid">
          <SelectField label={t('plan.plans.kind')} value={f.kind} onValue={set('kind')}
            options={[...(scope?.national ? ['national'] : []), 'regional'].map((k) => ({ value: k, label: t(`plan.kind.${k}`) }))} />
          {f.kind === 'regional' ? <SelectField label={t('common.region')} required value={f.region} onValue={set('region')}
            options={[{ value: '', label: t('common.choose') }, ...offered.map((r) => ({ value: r.code, label: regions.name(r.code) }))]} /> : <div />}
          <TextField label={t('plan.plans.code')} required maxLength={40} pattern="[\w.\-]{2,40}" hint={t('plan.plans.codeHint')} value={f.code} onValue={set('code')} />
          <TextField label={t('plan.plans.titleLabel')} required maxLength={500} value={f.title} onValue={set('title')} />
          <TextField label={t('plan.plans.start')} type="date" required value={f.periodStart} onValue={set('periodStart')} />
          <TextField label={t('plan.plans.end')} type="date" required value={f.periodEnd} onValue={set('periodEnd')} />
        </div>
        {f.kind === 'regional' ? <p className="hint">{t('plan.plans.cadcaHint')}</p> : null}
        <ErrorMessage error={error} />
        <div className="actions"><button type="submit" className="btn btn-primary">{t('plan.plans.create')}</button></div>
      </form>
    </details>
  );
}

/** The national Plan and the regional HQ plans the user may see, with execution at a glance. */
export function PlansPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const regions = useRegions();
  const res = useApi(() => api.get<{ plans: PlanSummary[] }>('/api/plan/plans'), []);
  return (
    <>
      <PageTitle title={t('plan.plans.title')}>{t('plan.plans.title')}</PageTitle>
      <PlanTabs />
      <p className="lead">{t('plan.plans.lead')}</p>
      <ErrorMessage error={res.error} />
      {res.loading && !res.data ? <Loading /> : null}
      {res.data ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('plan.plans.title')}</caption>
            <thead><tr>
              <th scope="col">{t('plan.plans.titleLabel')}</th><th scope="col">{t('common.region')}</th><th scope="col">{t('plan.plans.period')}</th>
              <th scope="col" className="num">{t('plan.plans.items')}</th><th scope="col">{t('plan.plans.execution')}</th>
            </tr></thead>
            <tbody>
              {res.data.plans.length === 0 ? <tr><td colSpan={5} className="muted">{t('common.nothingFound')}</td></tr> : res.data.plans.map((p) => (
                <tr key={p.id} data-plan={p.code}>
                  <td>
                    <Link to={`/plan/${p.id}`}>{p.title}</Link><div className="muted small">{p.code}</div>
                    {p.kind === 'regional' ? <div className="small"><Link to={`/plan/${p.id}/cadca`}>{t('plan.cadca.link')}</Link> · {t('plan.cadca.current')}: {t(`plan.phase.${p.currentPhase}`)}</div> : null}
                  </td>
                  <td>{p.region ? regions.name(p.region) : t('plan.kind.national')}</td>
                  <td className="nowrap">{formatDay(p.periodStart, i18n.language)} – {formatDay(p.periodEnd, i18n.language)}</td>
                  <td className="num">{p.items}</td>
                  <td><StatusCounts counts={p.counts} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {can('plan.manage') ? <NewPlanForm /> : null}
    </>
  );
}
