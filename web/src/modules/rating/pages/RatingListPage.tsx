import { useTranslation } from 'react-i18next';
import { api, type Lang } from '../../../api.js';
import { ErrorMessage, Loading } from '../../../components/ErrorMessage.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { formatDateTime } from '../../../lib/format.js';
import { useApi } from '../../../lib/useApi.js';
import { Link } from '../../../router.js';
import { useSession } from '../../../session.js';
import type { RatingListItem } from '../types.js';
import { StatusBadge } from './StatusBadge.js';

/** All ratings the caller may see, newest period first (regional users: published only). */
export function RatingListPage() {
  const { t, i18n } = useTranslation();
  const { can, me } = useSession();
  const lang = i18n.language as Lang;
  const list = useApi(() => api.get<{ items: RatingListItem[] }>('/api/rating/ratings'), []);
  const actions = (
    <>
      <Link className="btn" to="/rating/methodologies">{t('rating.methodologies')}</Link>
      {can('rating.compute') && me?.actor.scope.national ? <Link className="btn btn-primary" to="/rating/new">{t('rating.newRating')}</Link> : null}
    </>
  );
  return (
    <>
      <PageTitle title={t('rating.title')} actions={actions}>{t('rating.title')}</PageTitle>
      <p className="muted">{t('rating.intro')}</p>
      {!me?.actor.scope.national ? <p className="alert alert-info">{t('rating.regionalNote')}</p> : null}
      <ErrorMessage error={list.error} />
      {list.loading ? <Loading /> : null}
      {list.data ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('rating.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rating.period')}</th>
                <th scope="col">{t('rating.methodology')}</th>
                <th scope="col">{t('rating.statusLabel')}</th>
                <th scope="col" className="num">{t('rating.rated')}</th>
                <th scope="col">{t('rating.computed')}</th>
                <th scope="col">{t('rating.publishedCol')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.length === 0 ? <tr><td colSpan={6} className="muted">{t('common.nothingFound')}</td></tr> : list.data.items.map((r) => (
                <tr key={r.id}>
                  <td className="nowrap">
                    <Link to={`/rating/${r.id}`}>{t('rating.ratingFor', { period: r.period })}</Link>
                    {r.previousPeriod ? <span className="muted small"> ({t('rating.vs', { period: r.previousPeriod })})</span> : null}
                  </td>
                  <td>{r.methodologyName} <span className="muted">{r.methodologyVersion}</span></td>
                  <td><StatusBadge status={r.status} /></td>
                  <td className="num">{r.rated}</td>
                  <td>{r.computedBy}<br /><span className="muted small">{formatDateTime(r.computedAt, lang)}</span></td>
                  <td>{r.publishedAt ? <>{r.publishedBy}<br /><span className="muted small">{formatDateTime(r.publishedAt, lang)}</span></> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
