import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api.js';
import { ConfirmButton } from '../../../components/ConfirmButton.js';
import { ErrorMessage, Loading } from '../../../components/ErrorMessage.js';
import { TextField } from '../../../components/forms.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useApi } from '../../../lib/useApi.js';
import type { PageProps } from '../../../routes.js';
import { Link } from '../../../router.js';
import { ItemForm } from '../components/ItemForm.js';
import { PlanTabs } from '../components/PlanTabs.js';
import { ReportForm } from '../components/ReportForm.js';
import { ReportTimeline } from '../components/ReportTimeline.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { formatDay, type ItemDetail } from '../types.js';

/** Executors, cancellation and editing: the secretariat's controls for one item. */
function Manage({ d, onDone }: { d: ItemDetail; onDone(): void }) {
  const { t } = useTranslation();
  const [usernames, setUsernames] = useState(d.executors.map((e) => e.username).join(', '));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const run = async (fn: () => Promise<unknown>) => { setError(null); try { await fn(); onDone(); } catch (e) { setError(e); } };
  const saveExecutors = (e: FormEvent) => { e.preventDefault(); void run(() => api.put(`/api/plan/items/${d.item.id}/executors`, { usernames: usernames.split(/[,;\s]+/).filter(Boolean) })); };
  return (
    <section className="card" aria-labelledby="item-manage">
      <h2 id="item-manage">{t('plan.manage.title')}</h2>
      <form className="form" onSubmit={saveExecutors}>
        <TextField label={t('plan.manage.executors')} hint={t('plan.manage.executorsHint')} value={usernames} onValue={setUsernames} />
        <div className="actions"><button type="submit" className="btn">{t('common.save')}</button></div>
      </form>
      {d.item.cancelled
        ? <button type="button" className="btn" onClick={() => void run(() => api.patch(`/api/plan/items/${d.item.id}`, { cancelled: false }))}>{t('plan.manage.restore')}</button>
        : <div className="form">
          <TextField label={t('plan.manage.cancelReason')} maxLength={2000} value={reason} onValue={setReason} />
          <ConfirmButton danger disabled={!reason.trim()} question={t('plan.manage.cancelQuestion')} onConfirm={() => run(() => api.patch(`/api/plan/items/${d.item.id}`, { cancelled: true, cancelReason: reason.trim() }))}>{t('plan.manage.cancel')}</ConfirmButton>
        </div>}
      <ErrorMessage error={error} />
      <details><summary>{t('plan.manage.edit')}</summary>
        <ItemForm initial={d.item} submitLabel={t('common.save')} onSubmit={async (body) => { await api.patch(`/api/plan/items/${d.item.id}`, body); onDone(); }} />
      </details>
    </section>
  );
}

/** One item: its state, sub-items, reports timeline, report form (executors) and review (secretariat). */
export function ItemPage({ params }: PageProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const res = useApi(() => api.get<ItemDetail>(`/api/plan/items/${encodeURIComponent(params.id!)}`), [params.id]);
  if (!res.data) return <><PageTitle title={t('plan.item.one')}>{t('plan.item.one')}</PageTitle><PlanTabs /><ErrorMessage error={res.error} />{res.loading ? <Loading /> : null}</>;
  const d = res.data;
  const i = d.item;
  const title = `${i.number}. ${i.title}`;
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <PlanTabs />
      <p className="plan-crumbs">
        <Link to={`/plan/${d.plan.id}`}>{d.plan.title}</Link>
        {d.section ? <> › {t('plan.section.heading', { number: d.section.number })}. {d.section.phase ? t(`plan.phase.${d.section.phase}`) : d.section.title}</> : null}
        {d.parent ? <> › <Link to={`/plan/items/${d.parent.id}`}>{d.parent.number}</Link></> : null}
      </p>
      <div className="two-col">
        <section className="card" aria-labelledby="item-props">
          <h2 id="item-props">{t('plan.item.one')}</h2>
          <dl className="props">
            <div><dt>{t('plan.item.status')}</dt><dd data-testid="item-status"><StatusBadge status={i.status} />{i.overdueSince ? <> {t('plan.item.overdueSince', { date: formatDay(i.overdueSince, lang) })}</> : null}</dd></div>
            {i.cancelled ? <div><dt>{t('plan.manage.cancelReason')}</dt><dd className="pre-wrap">{i.cancelReason}</dd></div> : null}
            <div><dt>{t('plan.item.responsible')}</dt><dd>{i.responsible}</dd></div>
            {i.coExecutors.length ? <div><dt>{t('plan.item.coExecutors')}</dt><dd>{i.coExecutors.join('; ')}</dd></div> : null}
            <div><dt>{t('plan.item.deadlines')}</dt><dd>{i.deadlines.map((x) => formatDay(x, lang)).join('; ') || '—'}{i.nextDeadline ? <div className="small muted">{t('plan.item.nextDeadline')}: {formatDay(i.nextDeadline, lang)}</div> : null}</dd></div>
            <div><dt>{t('plan.item.periodicity')}</dt><dd>{t(`plan.periodicity.${i.periodicity}`, { defaultValue: i.periodicity })}</dd></div>
            {i.kpiName || i.kpiTarget !== null ? <div><dt>{t('plan.item.kpi')}</dt><dd>{i.kpiName} — {t('plan.item.kpiActualOfTarget', { actual: i.kpiActual ?? '—', target: i.kpiTarget ?? '—', unit: i.kpiUnit })}</dd></div> : null}
            {i.expectedResult ? <div><dt>{t('plan.item.expectedResult')}</dt><dd className="pre-wrap">{i.expectedResult}</dd></div> : null}
            {i.reportingForm ? <div><dt>{t('plan.item.reportingForm')}</dt><dd className="pre-wrap">{i.reportingForm}</dd></div> : null}
            {i.strategies.length ? <div><dt>{t('plan.item.strategies')}</dt><dd>{i.strategies.map((s) => t(`plan.strategy.${s}`)).join('; ')}</dd></div> : null}
            <div><dt>{t('plan.item.executors')}</dt><dd>{d.executors.length ? d.executors.map((e) => e.displayName).join(', ') : <span className="muted">{t('plan.item.noExecutors')}</span>}</dd></div>
          </dl>
        </section>
        <section className="card" aria-labelledby="item-reports">
          <h2 id="item-reports">{t('plan.report.timeline')}</h2>
          {d.children.length ? (
            <>
              {i.deadlines.length ? null : <p>{t('plan.item.hasChildren')}</p>}
              <ul>{d.children.map((c) => <li key={c.id}><Link to={`/plan/items/${c.id}`}>{c.number}. {c.title}</Link> <StatusBadge status={c.status} /></li>)}</ul>
            </>
          ) : null}
          <ReportTimeline reports={d.reports} unit={i.kpiUnit} onChange={res.reload} />
        </section>
      </div>
      {d.can.report ? <ReportForm item={i} onDone={res.reload} /> : null}
      {d.can.manage ? <Manage d={d} onDone={res.reload} /> : null}
    </>
  );
}
