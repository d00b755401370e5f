import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, EVIDENCE_STATUSES, queryString, type EvidenceItem, type Lang } from '../../api.js';
import { ErrorMessage, Loading } from '../../components/ErrorMessage.js';
import { SelectField, TextField } from '../../components/forms.js';
import { PageTitle } from '../../components/PageTitle.js';
import { formatDateTime } from '../../lib/format.js';
import { useApi } from '../../lib/useApi.js';
import { useRegions } from '../../reference.js';
import { Link, navigate, useLocation } from '../../router.js';
import { useSession } from '../../session.js';
import { EvidenceStatus } from './EvidenceStatus.js';

export function EvidenceListPage() {
  const { t, i18n } = useTranslation();
  const { can, me } = useSession();
  const regions = useRegions();
  const { search } = useLocation();
  const current = { q: search.get('q') ?? '', region: search.get('region') ?? '', status: search.get('status') ?? '' };
  const [form, setForm] = useState(current);
  const list = useApi(() => api.get<{ items: EvidenceItem[] }>('/api/evidence', current), [current.q, current.region, current.status]);
  const scope = me?.actor.scope;
  const regionOptions = scope?.national ? regions.list : regions.list.filter((r) => scope?.regions.includes(r.code));
  const lang = i18n.language as Lang;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate('/evidence' + queryString({ q: form.q.trim(), region: form.region, status: form.status }), { replace: true });
  };

  return (
    <>
      <PageTitle title={t('evidence.title')} actions={can('evidence.write') ? <Link className="btn btn-primary" to="/evidence/new">{t('evidence.new')}</Link> : null}>
        {t('evidence.title')}
      </PageTitle>
      <form className="card form filters" role="search" aria-label={t('evidence.search')} onSubmit={submit}>
        <div className="form-grid form-grid-4">
          <TextField label={t('evidence.searchLabel')} type="search" value={form.q} onValue={(q) => setForm({ ...form, q })} hint={t('evidence.searchHint')} />
          <SelectField label={t('common.region')} value={form.region} onValue={(region) => setForm({ ...form, region })}
            options={[{ value: '', label: t('common.any') }, ...regionOptions.map((r) => ({ value: r.code, label: regions.name(r.code) }))]} />
          <SelectField label={t('evidence.statusLabel')} value={form.status} onValue={(status) => setForm({ ...form, status })}
            options={[{ value: '', label: t('common.any') }, ...EVIDENCE_STATUSES.map((s) => ({ value: s, label: t(`evidence.status.${s}`) }))]} />
        </div>
        <div className="actions">
          <button type="submit" className="btn btn-primary">{t('common.search')}</button>
          <button type="button" className="btn" onClick={() => { setForm({ q: '', region: '', status: '' }); navigate('/evidence', { replace: true }); }}>{t('common.reset')}</button>
        </div>
      </form>
      <ErrorMessage error={list.error} />
      {list.loading ? <Loading /> : null}
      {list.data ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('evidence.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('evidence.caseNumber')}</th>
                <th scope="col">{t('evidence.itemTitle')}</th>
                <th scope="col">{t('evidence.category')}</th>
                <th scope="col">{t('common.region')}</th>
                <th scope="col">{t('evidence.statusLabel')}</th>
                <th scope="col">{t('evidence.holder')}</th>
                <th scope="col">{t('evidence.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.length === 0 ? <tr><td colSpan={7} className="muted">{t('common.nothingFound')}</td></tr> : list.data.items.map((it) => (
                <tr key={it.id} data-region={it.region}>
                  <td className="nowrap">{it.caseNumber}</td>
                  <td><Link to={`/evidence/${it.id}`}>{it.title}</Link></td>
                  <td>{t(`evidence.categories.${it.category}`, { defaultValue: it.category })}</td>
                  <td>{regions.name(it.region)}</td>
                  <td><EvidenceStatus status={it.status} /></td>
                  <td>{it.holder}</td>
                  <td className="nowrap">{formatDateTime(it.updatedAt, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
