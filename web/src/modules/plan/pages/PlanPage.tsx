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
import { ImportCard } from '../components/ImportCard.js';
import { ItemForm } from '../components/ItemForm.js';
import { PlanTabs } from '../components/PlanTabs.js';
import { StatusBadge, StatusCounts } from '../components/StatusBadge.js';
import { formatDay, ITEM_STATUSES, type PlanDetail, type PlanItem } from '../types.js';

function Kpi({ item }: { item: PlanItem }) {
  if (item.kpiTarget === null && item.kpiActual === null) return null;
  return <span className="nowrap">{item.kpiActual ?? '—'} / {item.kpiTarget ?? '—'} {item.kpiUnit}</span>;
}

function ItemRow({ item, sub }: { item: PlanItem; sub?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <tr data-item={item.number} data-status={item.status} className={sub ? 'plan-sub' : undefined}>
      <td className="nowrap">{item.number}</td>
      <td><Link to={`/plan/items/${item.id}`}>{item.title}</Link></td>
      <td>{item.responsible}</td>
      <td className="nowrap">{formatDay(item.overdueSince ?? item.nextDeadline, i18n.language)}</td>
      <td><StatusBadge status={item.status} />{item.pending ? <span className="plan-pending small"> {t('plan.item.pendingShort', { count: item.pending })}</span> : null}</td>
      <td><Kpi item={item} /></td>
    </tr>
  );
}

function AddSection({ planId, onDone }: { planId: string; onDone(): void }) {
  const { t } = useTranslation();
  const [f, setF] = useState({ number: '', title: '' });
  const [error, setError] = useState<unknown>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try { await api.post(`/api/plan/plans/${planId}/sections`, f); setF({ number: '', title: '' }); onDone(); } catch (err) { setError(err); }
  }
  return (
    <form className="form" onSubmit={submit}>
      <div className="form-grid">
        <TextField label={t('plan.section.number')} required maxLength={20} value={f.number} onValue={(number) => setF({ ...f, number })} />
        <TextField label={t('plan.section.title')} required maxLength={2000} value={f.title} onValue={(title) => setF({ ...f, title })} />
      </div>
      <ErrorMessage error={error} />
      <div className="actions"><button type="submit" className="btn">{t('plan.section.add')}</button></div>
    </form>
  );
}

/** A plan as a tree: sections, items and sub-items with computed statuses; editing for the secretariat. */
export function PlanPage({ params }: PageProps) {
  const { t, i18n } = useTranslation();
  const regions = useRegions();
  const res = useApi(() => api.get<PlanDetail>(`/api/plan/plans/${encodeURIComponent(params.id!)}`), [params.id]);
  const [status, setStatus] = useState('');
  const [q, setQ] = useState('');
  if (!res.data) return <><PageTitle title={t('plan.plan')}>{t('plan.plan')}</PageTitle><PlanTabs /><ErrorMessage error={res.error} />{res.loading ? <Loading /> : null}</>;
  const { plan, sections, items, counts, can } = res.data;
  const needle = q.trim().toLowerCase();
  const shown = (i: PlanItem) => (!status || i.status === status) && (!needle || `${i.number} ${i.title} ${i.responsible}`.toLowerCase().includes(needle));
  const children = (id: string) => items.filter((c) => c.parentId === id);
  const qs = `planId=${encodeURIComponent(plan.id)}`;
  return (
    <>
      <PageTitle title={plan.title}>{plan.title}</PageTitle>
      <PlanTabs />
      <p className="lead">
        <span className="muted">{plan.code}</span> · {plan.region ? regions.name(plan.region) : t('plan.kind.national')} · {formatDay(plan.periodStart, i18n.language)} – {formatDay(plan.periodEnd, i18n.language)}
      </p>
      <div className="toolbar plan-toolbar">
        <StatusCounts counts={counts} />
        <span className="plan-links">
          <Link to={`/plan/dashboard?${qs}`}>{t('plan.tabs.dashboard')}</Link>
          {plan.kind === 'regional' ? <Link to={`/plan/${plan.id}/cadca`}>{t('plan.cadca.link')}</Link> : null}
          <a href={`/api/plan/export.xlsx?${qs}`} download>{t('plan.export.xlsx')}</a>
          <a href={`/api/plan/export.csv?${qs}`} download>{t('plan.export.csv')}</a>
        </span>
      </div>
      <form className="card form filters" role="search" aria-label={t('plan.filter.label')} onSubmit={(e) => e.preventDefault()}>
        <div className="form-grid">
          <TextField label={t('plan.filter.text')} type="search" value={q} onValue={setQ} />
          <SelectField label={t('plan.filter.status')} value={status} onValue={setStatus}
            options={[{ value: '', label: t('common.any') }, ...ITEM_STATUSES.map((s) => ({ value: s, label: t(`plan.status.${s}`) }))]} />
        </div>
      </form>
      {sections.map((s) => {
        const top = items.filter((i) => i.sectionId === s.id && !i.parentId && (shown(i) || children(i.id).some(shown)));
        return (
          <section key={s.id} className="card plan-section" aria-labelledby={`sec-${s.id}`} data-section={s.number}>
            <h2 id={`sec-${s.id}`}>{t('plan.section.heading', { number: s.number })}. {s.phase ? t(`plan.phase.${s.phase}`) : s.title}</h2>
            <p className="small"><StatusCounts counts={s.counts} /></p>
            {top.length === 0 ? <p className="muted">{t('plan.noItems')}</p> : (
              <div className="table-wrap"><table className="table table-compact">
                <thead><tr>
                  <th scope="col">№</th><th scope="col">{t('plan.item.title')}</th><th scope="col">{t('plan.item.responsible')}</th>
                  <th scope="col">{t('plan.item.nextDeadline')}</th><th scope="col">{t('plan.item.status')}</th><th scope="col">{t('plan.item.kpi')}</th>
                </tr></thead>
                <tbody>{top.map((i) => [<ItemRow key={i.id} item={i} />, ...children(i.id).filter(shown).map((c) => <ItemRow key={c.id} item={c} sub />)])}</tbody>
              </table></div>
            )}
          </section>
        );
      })}
      {can.manage ? (
        <>
          <ImportCard planId={plan.id} onDone={res.reload} />
          <details className="card"><summary>{t('plan.item.add')}</summary>
            {sections.length ? <ItemForm sections={sections} items={items} submitLabel={t('plan.item.add')} onSubmit={async (body) => { await api.post(`/api/plan/plans/${plan.id}/items`, body); res.reload(); }} /> : <p className="muted">{t('plan.section.first')}</p>}
          </details>
          <details className="card"><summary>{t('plan.section.add')}</summary><AddSection planId={plan.id} onDone={res.reload} /></details>
        </>
      ) : null}
    </>
  );
}
