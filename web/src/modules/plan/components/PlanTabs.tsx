import { useTranslation } from 'react-i18next';
import { Link, useLocation } from '../../../router.js';
import { useSession } from '../../../session.js';

/** The module's own sub-navigation: one main-menu entry, four views. */
export function PlanTabs() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { path } = useLocation();
  const tabs = [
    { to: '/plan', label: t('plan.tabs.plans'), show: true, current: path === '/plan' || (/^\/plan\/[^/]+/.test(path) && !/^\/plan\/(dashboard|queue|notifications)$/.test(path)) },
    { to: '/plan/dashboard', label: t('plan.tabs.dashboard'), show: true, current: path === '/plan/dashboard' },
    { to: '/plan/queue', label: t('plan.tabs.queue'), show: can('plan.accept'), current: path === '/plan/queue' },
    { to: '/plan/notifications', label: t('plan.tabs.notifications'), show: true, current: path === '/plan/notifications' },
  ];
  return (
    <nav className="plan-tabs" aria-label={t('plan.tabs.label')}>
      <ul>
        {tabs.filter((x) => x.show).map((x) => (
          <li key={x.to}><Link to={x.to} aria-current={x.current ? 'page' : undefined}>{x.label}</Link></li>
        ))}
      </ul>
    </nav>
  );
}
