import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString, type Lang } from '../../../api.js';
import { ErrorMessage, Loading } from '../../../components/ErrorMessage.js';
import { SelectField, TextField } from '../../../components/forms.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { formatDateTime } from '../../../lib/format.js';
import { useApi } from '../../../lib/useApi.js';
import { useRegions } from '../../../reference.js';
import { Link, navigate, useLocation } from '../../../router.js';
import { SHOP_STATUSES, ShopStatusBadge, shopName, type ShopSummary } from './ShopParts.js';

const FIELDS = ['status', 'region', 'q'] as const;
type Filters = Record<(typeof FIELDS)[number], string>;

/** Shops (items grouped by shared indicators) in the reader's scope, latest activity first. */
export function ShopsListPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const regions = useRegions();
  const { search } = useLocation();
  const current = Object.fromEntries(FIELDS.map((f) => [f, search.get(f) ?? ''])) as Filters;
  const [form, setForm] = useState(current);
  const [pages, setPages] = useState(1);
  const list = useApi(() => api.get<{ shops: ShopSummary[]; more: boolean }>('/api/monitor/shops', { ...current, limit: 50 * pages }), [current, pages]);
  const submit = (e: FormEvent) => { e.preventDefault(); setPages(1); navigate('/monitor/shops' + queryString(form), { replace: true }); };
  const set = (k: keyof Filters) => (v: string) => setForm({ ...form, [k]: v });
  return (
    <>
      <PageTitle title={t('monitor.shops.title')}>{t('monitor.shops.title')}</PageTitle>
      <p className="muted">{t('monitor.shops.help')}</p>
      <form className="card form filters" role="search" aria-label={t('monitor.filters')} onSubmit={submit}>
        <div className="form-grid form-grid-4">
          <TextField label={t('monitor.shops.search')} value={form.q} onValue={set('q')} />
          <SelectField label={t('monitor.shops.status')} value={form.status} onValue={set('status')}
            options={[{ value: '', label: t('monitor.shops.live') }, ...SHOP_STATUSES.map((s) => ({ value: s, label: t(`monitor.shops.st.${s}`) }))]} />
          <SelectField label={t('common.region')} value={form.region} onValue={set('region')}
            options={[{ value: '', label: t('common.any') }, ...regions.list.map((r) => ({ value: r.code, label: regions.name(r.code) }))]} />
        </div>
        <div className="actions"><button type="submit" className="btn btn-primary">{t('common.search')}</button></div>
      </form>
      <ErrorMessage error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && list.data.shops.length === 0 ? <p className="card muted">{t('monitor.shops.none')}</p> : null}
      {list.data && list.data.shops.length ? (
        <div className="table-wrap">
          <table className="table" data-testid="shops-table">
            <caption className="visually-hidden">{t('monitor.shops.title')}</caption>
            <thead><tr>
              <th scope="col">{t('monitor.shops.name')}</th><th scope="col">{t('monitor.shops.status')}</th><th scope="col">{t('monitor.shops.items')}</th>
              <th scope="col">{t('monitor.regions')}</th><th scope="col">{t('monitor.shops.firstSeen')}</th><th scope="col">{t('monitor.shops.lastSeen')}</th>
            </tr></thead>
            <tbody>
              {list.data.shops.map((s) => (
                <tr key={s.id}>
                  <td><Link to={`/monitor/shops/${s.id}`}>{shopName(s)}</Link></td>
                  <td><ShopStatusBadge status={s.status} /></td>
                  <td>{s.itemCount}</td>
                  <td>{s.regions.map((r) => regions.name(r)).join(', ') || t('monitor.noRegion')}</td>
                  <td>{formatDateTime(s.firstSeen, lang)}</td>
                  <td>{formatDateTime(s.lastSeen, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.data.more ? <button type="button" className="btn" onClick={() => setPages(pages + 1)}>{t('monitor.more')}</button> : null}
        </div>
      ) : null}
    </>
  );
}
