import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api.js';
import { ErrorMessage, Loading } from '../../../components/ErrorMessage.js';
import { SelectField, TextField } from '../../../components/forms.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useApi } from '../../../lib/useApi.js';
import { useRegions } from '../../../reference.js';
import type { PageProps } from '../../../routes.js';
import { Link } from '../../../router.js';
import { PlanTabs } from '../components/PlanTabs.js';
import { StatusBadge, StatusCounts } from '../components/StatusBadge.js';
import { CADCA_SECTORS, CADCA_STEPS, CADCA_STRATEGIES, type Outcome, type PlanDetail } from '../types.js';
import { OutcomeForm } from './OutcomeForm.js';

/** Share of the way from baseline to target (works for targets below the baseline too). */
function progress(o: Outcome): number | null {
  if (o.actual === null || o.target === o.baseline) return null;
  return Math.round(((o.actual - o.baseline) / (o.target - o.baseline)) * 100);
}

/** A regional HQ plan seen through the CADCA Strategic Prevention Framework. */
export function CadcaPage({ params }: PageProps) {
  const { t } = useTranslation();
  const regions = useRegions();
  const res = useApi(() => api.get<PlanDetail>(`/api/plan/plans/${encodeURIComponent(params.id!)}`), [params.id]);
  const [member, setMember] = useState({ sector: 'youth', organisation: '', contact: '' });
  const [error, setError] = useState<unknown>(null);
  if (!res.data) return <><PageTitle title={t('plan.cadca.title')}>{t('plan.cadca.title')}</PageTitle><PlanTabs /><ErrorMessage error={res.error} />{res.loading ? <Loading /> : null}</>;
  const { plan, sections, items, coalition, outcomes, can } = res.data;
  const run = async (fn: () => Promise<unknown>) => { setError(null); try { await fn(); res.reload(); } catch (e) { setError(e); } };
  const addMember = (e: FormEvent) => { e.preventDefault(); void run(async () => { await api.post(`/api/plan/plans/${plan.id}/coalition`, member); setMember({ ...member, organisation: '', contact: '' }); }); };
  const current = CADCA_STEPS.indexOf(plan.currentPhase as never);
  return (
    <>
      <PageTitle title={t('plan.cadca.title')}>{t('plan.cadca.title')}</PageTitle>
      <PlanTabs />
      <p className="lead"><Link to={`/plan/${plan.id}`}>{plan.title}</Link> · {plan.region ? regions.name(plan.region) : ''}</p>
      <ErrorMessage error={error} />
      <section className="card" aria-labelledby="spf">
        <h2 id="spf">{t('plan.cadca.steps')}</h2>
        <ol className="plan-spf">
          {CADCA_STEPS.map((step, i) => {
            const sec = sections.find((s) => s.phase === step);
            return (
              <li key={step} className={i === current ? 'current' : i < current ? 'past' : ''} aria-current={i === current ? 'step' : undefined}>
                <strong>{i + 1}. {t(`plan.phase.${step}`)}</strong>
                <span className="small">{t(`plan.phaseHint.${step}`)}</span>
                {sec ? <StatusCounts counts={sec.counts} /> : null}
              </li>
            );
          })}
        </ol>
        {can.manage ? (
          <SelectField label={t('plan.cadca.current')} value={plan.currentPhase ?? ''} onValue={(v) => void run(() => api.patch(`/api/plan/plans/${plan.id}`, { currentPhase: v }))}
            options={CADCA_STEPS.map((s) => ({ value: s, label: t(`plan.phase.${s}`) }))} />
        ) : null}
      </section>
      <section className="card" aria-labelledby="strategies">
        <h2 id="strategies">{t('plan.cadca.strategies')}</h2>
        <div className="table-wrap"><table className="table table-compact">
          <thead><tr><th scope="col">{t('plan.cadca.strategy')}</th><th scope="col" className="num">{t('plan.cadca.activities')}</th><th scope="col">{t('plan.item.title')}</th></tr></thead>
          <tbody>{CADCA_STRATEGIES.map((s) => {
            const tagged = items.filter((i) => i.strategies.includes(s));
            return (
              <tr key={s} data-strategy={s}><th scope="row">{t(`plan.strategy.${s}`)}</th><td className="num">{tagged.length}</td>
                <td>{tagged.length ? tagged.map((i) => <div key={i.id}><Link to={`/plan/items/${i.id}`}>{i.number}. {i.title}</Link> <StatusBadge status={i.status} /></div>) : <span className="muted">{t('plan.cadca.unused')}</span>}</td></tr>
            );
          })}</tbody>
        </table></div>
      </section>
      <section className="card" aria-labelledby="coalition">
        <h2 id="coalition">{t('plan.cadca.coalition', { covered: new Set(coalition.map((m) => m.sector)).size })}</h2>
        <ul className="plan-sectors">
          {CADCA_SECTORS.map((s) => {
            const members = coalition.filter((m) => m.sector === s);
            return (
              <li key={s} data-sector={s} className={members.length ? '' : 'gap'}>
                <strong>{t(`plan.sector.${s}`)}</strong>
                {members.length ? <ul>{members.map((m) => (
                  <li key={m.id}>{m.organisation}{m.contact ? <span className="muted small"> — {m.contact}</span> : null}
                    {can.manage ? <> <button type="button" className="btn btn-small btn-ghost" onClick={() => void run(() => api.del(`/api/plan/coalition/${m.id}`))}>{t('plan.cadca.remove')}</button></> : null}</li>
                ))}</ul> : <span className="badge badge-warn">{t('plan.cadca.gap')}</span>}
              </li>
            );
          })}
        </ul>
        {can.manage ? (
          <form className="form" onSubmit={addMember}>
            <div className="form-grid form-grid-3">
              <SelectField label={t('plan.cadca.sector')} value={member.sector} onValue={(sector) => setMember({ ...member, sector })} options={CADCA_SECTORS.map((s) => ({ value: s, label: t(`plan.sector.${s}`) }))} />
              <TextField label={t('plan.cadca.organisation')} required maxLength={300} value={member.organisation} onValue={(organisation) => setMember({ ...member, organisation })} />
              <TextField label={t('plan.cadca.contact')} maxLength={300} value={member.contact} onValue={(contact) => setMember({ ...member, contact })} />
            </div>
            <div className="actions"><button type="submit" className="btn">{t('plan.cadca.addMember')}</button></div>
          </form>
        ) : null}
      </section>
      <section className="card" aria-labelledby="outcomes">
        <h2 id="outcomes">{t('plan.cadca.outcomes')}</h2>
        <div className="table-wrap"><table className="table table-compact">
          <thead><tr><th scope="col">{t('plan.cadca.measure')}</th><th scope="col" className="num">{t('plan.cadca.baseline')}</th><th scope="col" className="num">{t('plan.cadca.target')}</th><th scope="col" className="num">{t('plan.cadca.actual')}</th><th scope="col" className="num">{t('plan.cadca.progress')}</th><th scope="col">{t('plan.cadca.source')}</th></tr></thead>
          <tbody>{outcomes.length === 0 ? <tr><td colSpan={6} className="muted">{t('plan.cadca.noOutcomes')}</td></tr> : outcomes.map((o) => {
            const p = progress(o);
            return (
              <tr key={o.id}><th scope="row">{o.name}{o.unit ? <span className="muted">, {o.unit}</span> : null}</th>
                <td className="num">{o.baseline}{o.baselineYear ? <span className="muted small"> ({o.baselineYear})</span> : null}</td><td className="num">{o.target}</td>
                <td className="num">{o.actual ?? '—'}</td><td className="num">{p === null ? '—' : `${p}%`}</td><td className="small">{o.source}</td></tr>
            );
          })}</tbody>
        </table></div>
        {can.manage ? <OutcomeForm planId={plan.id} outcomes={outcomes} onDone={res.reload} /> : null}
      </section>
    </>
  );
}
