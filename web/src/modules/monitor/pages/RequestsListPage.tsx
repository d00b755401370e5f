import { useTranslation } from 'react-i18next';
import { api, type Lang } from '../../../api.js';
import { ErrorMessage, Loading } from '../../../components/ErrorMessage.js';
import { FilterForm } from '../../../components/FilterForm.js';
import { SelectField } from '../../../components/forms.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { formatDateTime } from '../../../lib/format.js';
import { useApi } from '../../../lib/useApi.js';
import { useListFilters } from '../../../lib/useListFilters.js';
import { useRegions } from '../../../reference.js';
import { Link } from '../../../router.js';
import { useSession } from '../../../session.js';
import { PolicyBanner, REQUEST_STATUSES, REQUEST_TARGETS, RequestStatusBadge, type RequestSummary } from './RequestParts.js';

const FIELDS = ['status', 'target', 'region', 'origin'] as const;
const PAGE = 50;

/** Blocking requests in the reader's scope, filtered by status, target, region and origin. */
export function RequestsListPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const regions = useRegions();
  const { can } = useSession();
  const { current, form, set, submit, reset, pages, more } = useListFilters(FIELDS, '/monitor/requests');
  const list = useApi(() => api.get<{ requests: RequestSummary[]; more: boolean }>('/api/monitor/requests', { ...current, limit: PAGE * pages }), [current, pages]);
  const any = { value: '', label: t('common.any') };
  return (
    <>
      <PageTitle title={t('monitor.requests.title')} actions={can('monitor.request.policy') ? <Link className="btn" to="/monitor/requests/policy">{t('monitor.requests.policy.title')}</Link> : null}>
        {t('monitor.requests.title')}
      </PageTitle>
      <PolicyBanner />
      <p className="muted">{t('monitor.requests.help')}</p>
      <FilterForm label={t('monitor.requests.filters')} onSubmit={submit} onReset={reset}>
        <SelectField label={t('monitor.requests.statusField')} value={form.status} onValue={set('status')}
          options={[any, ...REQUEST_STATUSES.map((s) => ({ value: s, label: t(`monitor.requests.status.${s}`) }))]} />
        <SelectField label={t('monitor.requests.targetField')} value={form.target} onValue={set('target')}
          options={[any, ...REQUEST_TARGETS.map((s) => ({ value: s, label: t(`monitor.requests.target.${s}`) }))]} />
        <SelectField label={t('common.region')} value={form.region} onValue={set('region')}
          options={[any, ...regions.list.map((r) => ({ value: r.code, label: regions.name(r.code) }))]} />
        <SelectField label={t('monitor.requests.originField')} value={form.origin} onValue={set('origin')}
          options={[any, { value: 'monitor', label: t('monitor.requests.origin.monitor') }, { value: 'finance', label: t('monitor.requests.origin.finance') }]} />
      </FilterForm>
      <ErrorMessage error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        <div className="table-wrap">
          <table className="table" data-testid="requests">
            <caption className="visually-hidden">{t('monitor.requests.title')}</caption>
            <thead>
              <tr>
                <th scope="col">№</th>
                <th scope="col">{t('monitor.requests.targetField')}</th>
                <th scope="col">{t('monitor.requests.statusField')}</th>
                <th scope="col">{t('common.region')}</th>
                <th scope="col">{t('monitor.requests.entries')}</th>
                <th scope="col">{t('monitor.requests.createdBy')}</th>
                <th scope="col">{t('monitor.requests.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.requests.length === 0 ? <tr><td colSpan={7} className="muted">{t('monitor.requests.empty')}</td></tr> : list.data.requests.map((r) => (
                <tr key={r.id} data-status={r.status}>
                  <td><Link to={`/monitor/requests/${r.id}`}>{r.seq}</Link></td>
                  <td><Link to={`/monitor/requests/${r.id}`}>{t(`monitor.requests.target.${r.target}`)}</Link>{r.title ? <div className="muted">{r.title}</div> : null}</td>
                  <td><RequestStatusBadge status={r.status} />{r.approvedByPolicy ? <div className="muted">{t('monitor.requests.byPolicy')}</div> : null}</td>
                  <td>{regions.name(r.region)}</td>
                  <td>{r.entries}</td>
                  <td>{r.createdByName}{r.originModule === 'finance' ? ` (${t('monitor.requests.origin.finance')})` : ''}</td>
                  <td className="nowrap">{formatDateTime(r.updatedAt, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.data.more ? <button type="button" className="btn" onClick={more}>{t('monitor.more')}</button> : null}
        </div>
      ) : null}
    </>
  );
}
