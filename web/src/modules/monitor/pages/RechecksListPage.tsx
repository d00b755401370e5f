import { useTranslation } from 'react-i18next';
import { api, queryString, type Lang } from '../../../api.js';
import { ErrorMessage, Loading } from '../../../components/ErrorMessage.js';
import { FilterForm } from '../../../components/FilterForm.js';
import { SelectField, TextField } from '../../../components/forms.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { formatDateTime } from '../../../lib/format.js';
import { useApi } from '../../../lib/useApi.js';
import { useListFilters } from '../../../lib/useListFilters.js';
import { useRegions } from '../../../reference.js';
import { Link } from '../../../router.js';
import { RECHECK_STATUSES, RecheckBadge, type RecheckTarget } from './RecheckParts.js';
import './Recheck.css';

const FIELDS = ['status', 'q', 'inactive'] as const;
const PAGE = 50;

/** Watched URLs of sent/blocked/restored requests: current status, counts per status, filters. */
export function RechecksListPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const regions = useRegions();
  const { current, form, set, submit, reset, pages, more } = useListFilters(FIELDS, '/monitor/rechecks');
  const list = useApi(() => api.get<{ targets: RecheckTarget[]; more: boolean; counts: Record<string, number> }>('/api/monitor/rechecks', { ...current, limit: PAGE * pages }), [current, pages]);

  return (
    <>
      <PageTitle title={t('monitor.rechecks.title')} actions={<Link className="btn" to="/monitor/alerts">{t('monitor.alerts.title')}</Link>}>
        {t('monitor.rechecks.title')}
      </PageTitle>
      <p className="muted">{t('monitor.rechecks.intro')}</p>
      {list.data ? (
        <ul className="recheck-counts" aria-label={t('monitor.rechecks.counts')}>
          {RECHECK_STATUSES.map((s) => (
            <li key={s}><Link to={'/monitor/rechecks' + queryString({ ...current, status: s })}><RecheckBadge value={s} /> {list.data!.counts[s] ?? 0}</Link></li>
          ))}
        </ul>
      ) : null}
      <FilterForm label={t('monitor.rechecks.filters')} onSubmit={submit} onReset={reset}>
        <SelectField label={t('monitor.rechecks.statusField')} value={form.status} onValue={set('status')}
          options={[{ value: '', label: t('common.any') }, ...RECHECK_STATUSES.map((s) => ({ value: s, label: t(`monitor.rechecks.status.${s}`) }))]} />
        <TextField label={t('monitor.rechecks.urlContains')} value={form.q} onValue={set('q')} />
        <SelectField label={t('monitor.rechecks.watching')} value={form.inactive} onValue={set('inactive')}
          options={[{ value: '', label: t('monitor.rechecks.activeOnly') }, { value: 'true', label: t('monitor.rechecks.withInactive') }]} />
      </FilterForm>
      <ErrorMessage error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('monitor.rechecks.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('monitor.rechecks.url')}</th>
                <th scope="col">{t('monitor.rechecks.statusField')}</th>
                <th scope="col">{t('monitor.rechecks.lastCheck')}</th>
                <th scope="col">{t('monitor.rechecks.since')}</th>
                <th scope="col">{t('monitor.rechecks.request')}</th>
                <th scope="col">{t('common.region')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.targets.length === 0 ? <tr><td colSpan={6} className="muted">{t('monitor.rechecks.empty')}</td></tr> : list.data.targets.map((r) => (
                <tr key={r.id} data-status={r.status}>
                  <td className="monitor-preview"><Link to={`/monitor/rechecks/${r.id}`}>{r.url}</Link></td>
                  <td><RecheckBadge value={r.status} />{r.consecutiveErrors > 0 ? <span className="muted"> {t('monitor.rechecks.errorsInRow', { n: r.consecutiveErrors })}</span> : null}</td>
                  <td className="nowrap">{r.lastCheckedAt ? formatDateTime(r.lastCheckedAt, lang) : '—'}{r.lastHttpStatus ? ` · HTTP ${r.lastHttpStatus}` : ''}</td>
                  <td className="nowrap">{r.lastChangeAt ? formatDateTime(r.lastChangeAt, lang) : '—'}</td>
                  <td>{t(`monitor.rechecks.requestStatus.${r.requestStatus}`, { defaultValue: r.requestStatus })}</td>
                  <td>{regions.name(r.region)}</td>
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
