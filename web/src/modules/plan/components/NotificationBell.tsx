import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api.js';
import { Link, useLocation } from '../../../router.js';
import { useSession } from '../../../session.js';

/** Tells other parts of the page (the bell) that notifications were read. */
export const notificationsChanged = () => window.dispatchEvent(new Event('qalqan:plan-notifications'));

/**
 * Header indicator of unread plan notifications. Re-checked on navigation and when the
 * notifications page marks some read; silent on errors (it is a hint). No timer on purpose:
 * background polling would keep an unattended session alive past its idle timeout.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { path } = useLocation();
  const [unread, setUnread] = useState(0);
  const allowed = can('plan.read');
  useEffect(() => {
    if (!allowed) return;
    let alive = true;
    const load = () => api.get<{ unread: number }>('/api/plan/notifications', { unread: 'true', limit: 1 })
      .then((r) => { if (alive) setUnread(r.unread); }, () => undefined);
    load();
    window.addEventListener('qalqan:plan-notifications', load);
    return () => { alive = false; window.removeEventListener('qalqan:plan-notifications', load); };
  }, [allowed, path]);
  if (!allowed) return null;
  return (
    <Link to="/plan/notifications" className={`plan-bell ${unread ? 'plan-bell-on' : ''}`} data-testid="plan-bell"
      aria-label={t('plan.bell.label', { count: unread })}>
      <span aria-hidden="true">{t('plan.bell.short')}</span>
      {unread ? <span className="plan-bell-count" aria-hidden="true">{unread > 99 ? '99+' : unread}</span> : null}
    </Link>
  );
}
