import { useTranslation } from 'react-i18next';
import { Link, useLocation } from '../../../router.js';
import { useSession } from '../../../session.js';

/** Sub-navigation of Crypto Trace: search and traces, attribution tags, dropper registry. */
export function FinanceTabs() {
  const { t } = useTranslation();
  const { path } = useLocation();
  const { can } = useSession();
  const tabs = [
    { to: '/finance', label: t('finance.tabs.home'), on: path === '/finance' || path.startsWith('/finance/address') || path.startsWith('/finance/traces') || path.startsWith('/finance/clusters'), show: true },
    { to: '/finance/tags', label: t('finance.tabs.tags'), on: path.startsWith('/finance/tags'), show: can('finance.tag.read') },
    { to: '/finance/droppers', label: t('finance.tabs.droppers'), on: path.startsWith('/finance/droppers'), show: can('finance.dropper.read') },
  ];
  return (
    <nav className="fin-tabs" aria-label={t('finance.tabs.label')}>
      <ul>
        {tabs.filter((x) => x.show).map((x) => <li key={x.to}><Link to={x.to} aria-current={x.on ? 'page' : undefined}>{x.label}</Link></li>)}
      </ul>
    </nav>
  );
}
