import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString, type AuditRow } from '../../api.js';
import { ErrorMessage, Loading } from '../../components/ErrorMessage.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useApi } from '../../lib/useApi.js';
import { navigate, useLocation } from '../../router.js';
import { AuditFilters, filterFromSearch, toQuery, type AuditFilter } from './AuditFilters.js';
import { AuditTable } from './AuditTable.js';

const PAGE = 50;

/**
 * Filters live in the URL (shareable, survive reload); paging keeps a stack of `before`
 * cursors, because the log is newest-first and only moves backwards in time.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const filter = filterFromSearch(search);
  const query = toQuery(filter);
  const [cursors, setCursors] = useState<number[]>([]);
  const before = cursors[cursors.length - 1];
  const page = useApi(() => api.get<{ rows: AuditRow[]; nextBefore: number | null }>('/api/audit', { ...query, before, limit: PAGE }), [query, before]);

  const apply = (f: AuditFilter) => {
    setCursors([]);
    const q: Record<string, string> = {};
    for (const [k, v] of Object.entries(f)) if (v.trim()) q[k] = v.trim();
    navigate('/audit' + queryString(q), { replace: true });
  };

  const rows = page.data?.rows ?? [];
  const hasOlder = rows.length === PAGE && page.data?.nextBefore != null;
  const exportHref = '/api/audit/export.csv' + queryString(query);

  return (
    <>
      <PageTitle title={t('audit.title')} actions={<a className="btn" href={exportHref} download>{t('audit.export')}</a>}>{t('audit.title')}</PageTitle>
      <p className="muted">{t('audit.intro')}</p>
      <AuditFilters key={search.toString()} value={filter} onApply={apply} />
      <ErrorMessage error={page.error} />
      {page.loading ? <Loading /> : null}
      {page.data ? <AuditTable key={String(before)} rows={rows} /> : null}
      <nav className="pager" aria-label={t('audit.paging')}>
        <button type="button" className="btn" disabled={cursors.length === 0} onClick={() => setCursors([])}>{t('audit.newest')}</button>
        <button type="button" className="btn" disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>{t('audit.newer')}</button>
        <span className="muted" aria-live="polite">{t('audit.pageN', { n: cursors.length + 1 })}</span>
        <button type="button" className="btn" disabled={!hasOlder} onClick={() => setCursors([...cursors, page.data!.nextBefore!])}>{t('audit.older')}</button>
      </nav>
    </>
  );
}
