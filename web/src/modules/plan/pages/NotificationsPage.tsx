import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api.js';
import { ErrorMessage, Loading } from '../../../components/ErrorMessage.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { formatDateTime } from '../../../lib/format.js';
import { useApi } from '../../../lib/useApi.js';
import { Link } from '../../../router.js';
import { notificationsChanged } from '../components/NotificationBell.js';
import { PlanTabs } from '../components/PlanTabs.js';
import { formatDay, type Notification } from '../types.js';

/** The signed-in user's reminders and review decisions, newest first. */
export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const res = useApi(() => api.get<{ items: Notification[]; unread: number }>('/api/plan/notifications', { limit: 200 }), []);
  const [error, setError] = useState<unknown>(null);
  const mark = async (body: unknown) => {
    setError(null);
    try { await api.post('/api/plan/notifications/read', body); notificationsChanged(); res.reload(); } catch (e) { setError(e); }
  };
  const text = (n: Notification) => t(`plan.notify.${n.kind}`, {
    number: n.params.number ?? '', title: n.params.title ?? '', date: formatDay(n.dueDate, lang), days: Math.abs(n.params.days ?? 0), comment: n.params.comment ?? '',
  });
  return (
    <>
      <PageTitle title={t('plan.notifications.title')} actions={res.data?.unread ? <button type="button" className="btn" onClick={() => void mark({ all: true })}>{t('plan.notifications.readAll')}</button> : null}>
        {t('plan.notifications.title')}
      </PageTitle>
      <PlanTabs />
      <ErrorMessage error={res.error ?? error} />
      {res.loading && !res.data ? <Loading /> : null}
      {res.data && res.data.items.length === 0 ? <p className="muted">{t('plan.notifications.none')}</p> : null}
      <ul className="plan-notes">
        {res.data?.items.map((n) => (
          <li key={n.id} className={n.readAt ? 'read' : 'unread'} data-kind={n.kind}>
            <div>
              {n.readAt ? null : <strong className="plan-new">{t('plan.notifications.new')} </strong>}
              <Link to={`/plan/items/${n.itemId}`}>{text(n)}</Link>
              {n.kind === 'report_returned' && n.params.comment ? <p className="pre-wrap small">{n.params.comment}</p> : null}
            </div>
            <div className="plan-note-side">
              <time dateTime={n.createdAt} className="muted small">{formatDateTime(n.createdAt, lang)}</time>
              {n.readAt ? null : <button type="button" className="btn btn-small" onClick={() => void mark({ ids: [n.id] })}>{t('plan.notifications.markRead')}</button>}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
