import { useTranslation } from 'react-i18next';
import { api, type Lang } from '../../../api.js';
import { ErrorMessage, Loading } from '../../../components/ErrorMessage.js';
import { FilterForm } from '../../../components/FilterForm.js';
import { SelectField, TextField } from '../../../components/forms.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { formatDateTime } from '../../../lib/format.js';
import { useApi } from '../../../lib/useApi.js';
import { useListFilters } from '../../../lib/useListFilters.js';
import { useRegions } from '../../../reference.js';
import { Link } from '../../../router.js';
import { useSession } from '../../../session.js';
import { LABELS, type ItemSummary } from '../types.js';
import { LabelBadge } from './LabelBadge.js';

const FIELDS = ['label', 'minScore', 'region', 'source', 'from', 'to'] as const;
const PAGE = 50;

/** Monitored items in the reader's region scope, filtered by label, score, region, source and period. */
export function ItemsListPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const regions = useRegions();
  const { current, form, set, submit, reset, pages, more } = useListFilters(FIELDS, '/monitor');
  const list = useApi(() => api.get<{ items: ItemSummary[]; more: boolean }>('/api/monitor/items', { ...current, limit: PAGE * pages }), [current, pages]);
  const lang = i18n.language as Lang;

  return (
    <>
      <PageTitle title={t('monitor.title')} actions={can('monitor.ingest') ? <Link className="btn btn-primary" to="/monitor/import">{t('monitor.import.title')}</Link> : null}>
        {t('monitor.title')}
      </PageTitle>
      <p className="muted">{t('monitor.scopeNote')}</p>
      <FilterForm label={t('monitor.filters')} onSubmit={submit} onReset={reset}>
        <SelectField label={t('monitor.labelField')} value={form.label} onValue={set('label')}
          options={[{ value: '', label: t('common.any') }, { value: 'flagged', label: t('monitor.label.flagged') }, ...LABELS.map((l) => ({ value: l, label: t(`monitor.label.${l}`) })), { value: 'pending', label: t('monitor.label.pending') }]} />
        <TextField label={t('monitor.minScore')} type="number" min={0} max={1} step={0.05} value={form.minScore} onValue={set('minScore')} />
        <SelectField label={t('common.region')} value={form.region} onValue={set('region')}
          options={[{ value: '', label: t('common.any') }, ...regions.list.map((r) => ({ value: r.code, label: regions.name(r.code) }))]} />
        <TextField label={t('monitor.source')} value={form.source} onValue={set('source')} />
        <TextField label={t('monitor.from')} type="date" value={form.from} onValue={set('from')} />
        <TextField label={t('monitor.to')} type="date" value={form.to} onValue={set('to')} />
      </FilterForm>
      <ErrorMessage error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('monitor.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('monitor.when')}</th>
                <th scope="col">{t('monitor.labelField')}</th>
                <th scope="col">{t('monitor.risk')}</th>
                <th scope="col">{t('monitor.text')}</th>
                <th scope="col">{t('monitor.channel')}</th>
                <th scope="col">{t('monitor.regions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.length === 0 ? <tr><td colSpan={6} className="muted">{t('common.nothingFound')}</td></tr> : list.data.items.map((it) => (
                <tr key={it.id} data-label={it.label ?? 'pending'}>
                  <td className="nowrap">{formatDateTime(it.postedAt ?? it.ingestedAt, lang)}</td>
                  <td><LabelBadge label={it.label} /></td>
                  <td className="nowrap">{it.risk === null ? '—' : `${Math.round(it.risk * 100)}%`}</td>
                  <td className="monitor-preview"><Link to={`/monitor/items/${it.id}`}>{it.preview || '—'}</Link></td>
                  <td>{it.channel ?? it.source}</td>
                  <td>{it.regions.map((r) => regions.name(r)).join(', ') || '—'}</td>
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
