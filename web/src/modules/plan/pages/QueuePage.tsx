import { useTranslation } from 'react-i18next';
import { api } from '../../../api.js';
import { ErrorMessage, Loading } from '../../../components/ErrorMessage.js';
import { SelectField } from '../../../components/forms.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { formatDateTime } from '../../../lib/format.js';
import { useApi } from '../../../lib/useApi.js';
import { useRegions } from '../../../reference.js';
import { Link, navigate, useLocation } from '../../../router.js';
import { PlanTabs } from '../components/PlanTabs.js';
import { ReviewControls } from '../components/ReportTimeline.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { formatDay, type QueueReport } from '../types.js';

/** The secretariat's queue: reports waiting for a decision (or the decided ones, for reference). */
export function QueuePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const regions = useRegions();
  const { search } = useLocation();
  const status = search.get('status') ?? 'submitted';
  const res = useApi(() => api.get<{ reports: QueueReport[] }>('/api/plan/reports', { status }), [status]);
  return (
    <>
      <PageTitle title={t('plan.queue.title')}>{t('plan.queue.title')}</PageTitle>
      <PlanTabs />
      <p className="lead">{t('plan.queue.lead')}</p>
      <div className="form filters">
        <SelectField label={t('plan.queue.show')} value={status} onValue={(v) => navigate(`/plan/queue?status=${v}`, { replace: true })}
          options={['submitted', 'accepted', 'returned'].map((s) => ({ value: s, label: t(`plan.reportStatus.${s}`) }))} />
      </div>
      <ErrorMessage error={res.error} />
      {res.loading && !res.data ? <Loading /> : null}
      {res.data && res.data.reports.length === 0 ? <p className="muted">{t('plan.queue.empty')}</p> : null}
      {res.data?.reports.map((r) => (
        <article key={r.id} className="card plan-queue-item" data-report={r.id} aria-labelledby={`q-${r.id}`}>
          <h2 id={`q-${r.id}`}><Link to={`/plan/items/${r.itemId}`}>{r.item.number}. {r.item.title}</Link></h2>
          <p className="small muted">
            {r.plan.code} · {r.region ? regions.name(r.region) : t('plan.kind.national')} · {r.item.responsible}
            {r.dueDate ? <> · {t('plan.report.forDate', { date: formatDay(r.dueDate, lang) })}</> : null}
          </p>
          <p><StatusBadge status={r.status} kind="report" /> {r.submittedByName}, <time dateTime={r.submittedAt}>{formatDateTime(r.submittedAt, lang)}</time>
            {r.kpiValue !== null ? <> · {t('plan.report.kpiValue')}: {r.kpiValue}</> : null}
            {r.attachments ? <> · {t('plan.queue.files', { count: r.attachments })}</> : null}
            {r.final ? <> · <strong>{t('plan.report.final')}</strong></> : null}</p>
          <p className="pre-wrap">{r.text}</p>
          {r.reviewComment ? <p className="muted pre-wrap">{t('plan.review.comment')}: {r.reviewComment}</p> : null}
          {r.status === 'submitted' && r.canReview ? <ReviewControls reportId={r.id} onDone={res.reload} /> : null}
          {r.status === 'submitted' && !r.canReview ? <p className="muted small">{t('plan.queue.own')}</p> : null}
        </article>
      ))}
    </>
  );
}
