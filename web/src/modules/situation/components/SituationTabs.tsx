import { useTranslation } from 'react-i18next';
import type { Permission } from '../../../api.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { Link, useLocation } from '../../../router.js';
import { useSession } from '../../../session.js';

const TABS: { to: string; key: string; permission: Permission }[] = [
  { to: '/situation', key: 'dashboard', permission: 'situation.read' },
  { to: '/situation/catalogue', key: 'catalogue', permission: 'situation.read' },
  { to: '/situation/entry', key: 'entry', permission: 'situation.submit' },
  { to: '/situation/import', key: 'import', permission: 'situation.submit' },
  { to: '/situation/review', key: 'review', permission: 'situation.accept' },
];

/** The module's page title and its section links (only those the user may open). */
export function SituationHeader({ title }: { title: string }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const { path } = useLocation();
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <nav aria-label={t('situation.tabs.label')} className="situation-tabs">
        {TABS.filter((tab) => can(tab.permission)).map((tab) => (
          <Link key={tab.to} to={tab.to} className={`btn btn-small ${path === tab.to ? 'btn-primary' : ''}`} aria-current={path === tab.to ? 'page' : undefined}>
            {t(`situation.tabs.${tab.key}`)}
          </Link>
        ))}
      </nav>
    </>
  );
}
