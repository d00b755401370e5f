import { useTranslation } from 'react-i18next';
import { api, type Lang } from '../../../api.js';
import { ErrorMessage, Loading } from '../../../components/ErrorMessage.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { formatDateTime } from '../../../lib/format.js';
import { useApi } from '../../../lib/useApi.js';
import { Link } from '../../../router.js';
import { useSession } from '../../../session.js';
import type { MethodologyVersion } from '../types.js';
import { StatusBadge } from './StatusBadge.js';

/** Methodology versions grouped by name; each version is immutable once active. */
export function MethodologyListPage() {
  const { t, i18n } = useTranslation();
  const { can, me } = useSession();
  const lang = i18n.language as Lang;
  const list = useApi(() => api.get<{ items: MethodologyVersion[] }>('/api/rating/methodologies'), []);
  const canCreate = can('rating.compute') && me?.actor.scope.national;
  return (
    <>
      <PageTitle title={t('rating.methodologies')} actions={canCreate ? <Link className="btn btn-primary" to="/rating/methodologies/new">{t('rating.m.new')}</Link> : null}>
        {t('rating.methodologies')}
      </PageTitle>
      <p><Link to="/rating">{t('rating.backToList')}</Link></p>
      <p className="muted">{t('rating.m.intro')}</p>
      <ErrorMessage error={list.error} />
      {list.loading ? <Loading /> : null}
      {list.data ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('rating.methodologies')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rating.m.name')}</th>
                <th scope="col">{t('rating.m.version')}</th>
                <th scope="col">{t('rating.statusLabel')}</th>
                <th scope="col" className="num">{t('rating.m.indicators')}</th>
                <th scope="col">{t('rating.m.created')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.length === 0 ? <tr><td colSpan={5} className="muted">{t('common.nothingFound')}</td></tr> : list.data.items.map((m) => (
                <tr key={m.id}>
                  <td><Link to={`/rating/methodologies/${m.id}`}>{m.name}</Link></td>
                  <td>{m.version}</td>
                  <td><StatusBadge status={m.status} /></td>
                  <td className="num">{m.config.indicators.length}</td>
                  <td>{m.createdBy}<br /><span className="muted small">{formatDateTime(m.createdAt, lang)}</span></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
