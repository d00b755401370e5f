import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { queryString } from '../../../api.js';
import { ErrorMessage, Loading, StatusMessage } from '../../../components/ErrorMessage.js';
import { SelectField, TextField } from '../../../components/forms.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useApi } from '../../../lib/useApi.js';
import { navigate, useLocation } from '../../../router.js';
import { useSession } from '../../../session.js';
import { downloadFile, exportTagsPath, financeApi, IMPORT_PATHS } from '../client.js';
import { FinanceTabs } from '../components/FinanceTabs.js';
import { ImportBox } from '../components/ImportBox.js';
import { TagTable } from '../components/TagTable.js';
import { CATEGORIES, CHAINS, type Tag } from '../types.js';

const FIELDS = ['q', 'chain', 'category'] as const;
type Filters = Record<(typeof FIELDS)[number], string>;
const PAGE = 100;

/** What a TagPack or OFAC import answered: counts and refused entries. */
interface ImportResult { created?: number; updated?: number; refused?: number; tags?: number; errors?: { index?: number; row?: number; address?: string; reason: string }[]; pack?: { id: string; title: string } }

function ImportSummary({ r }: { r: ImportResult }) {
  const { t } = useTranslation();
  return (
    <div data-testid="tag-import-result">
      <p>{t('finance.tags.importCounts', { created: r.created ?? 0, updated: r.updated ?? 0, refused: r.refused ?? r.errors?.length ?? 0 })}</p>
      {r.errors?.length ? <ul className="small">{r.errors.slice(0, 100).map((e, i) => <li key={i}>{e.address ? <code>{e.address}</code> : `#${e.index ?? e.row ?? i}`}: {e.reason}</li>)}</ul> : null}
    </div>
  );
}

/**
 * Attribution tags: search, manual withdrawal (audited, with reason), imports of GraphSense
 * TagPacks and OFAC SDN lists, export as a TagPack for partner agencies.
 */
export function TagsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { search } = useLocation();
  const current = Object.fromEntries(FIELDS.map((f) => [f, search.get(f) ?? ''])) as Filters;
  const [form, setForm] = useState(current);
  const [offset, setOffset] = useState(0);
  const list = useApi(() => financeApi.tags({ ...current, limit: PAGE, offset }), [current, offset]);
  const [error, setError] = useState<unknown>(null);
  const [ok, setOk] = useState<string | null>(null);
  const set = (k: keyof Filters) => (v: string) => setForm({ ...form, [k]: v });
  const submit = (e: FormEvent) => { e.preventDefault(); setOffset(0); navigate('/finance/tags' + queryString(form), { replace: true }); };
  const remove = async (tag: Tag, reason: string) => {
    setError(null); setOk(null);
    try { await financeApi.removeTag(tag.id!, reason); setOk(t('finance.tags.removed')); list.reload(); } catch (e) { setError(e); }
  };
  const exportPack = async () => {
    setError(null); setOk(null);
    const q = Object.fromEntries(Object.entries(current).filter(([k, v]) => v && k !== 'q'));
    try { setOk(t('finance.export.saved', { name: await downloadFile(exportTagsPath(q), 'qalqan-tagpack.yaml') })); } catch (e) { setError(e); }
  };
  const tags = list.data?.tags ?? [];
  const total = list.data?.total;

  return (
    <>
      <PageTitle title={t('finance.tags.title')} actions={<button type="button" className="btn" onClick={exportPack}>{t('finance.tags.export')}</button>}>
        {t('finance.tags.title')}
      </PageTitle>
      <FinanceTabs />
      <form className="card form filters" role="search" aria-label={t('finance.tags.search')} onSubmit={submit}>
        <div className="form-grid form-grid-3">
          <TextField label={t('finance.tags.searchField')} value={form.q} onValue={set('q')} hint={t('finance.tags.searchHint')} />
          <SelectField label={t('finance.chain')} value={form.chain} onValue={set('chain')} options={[{ value: '', label: t('common.any') }, ...CHAINS.map((c) => ({ value: c, label: t(`finance.chainName.${c}`) }))]} />
          <SelectField label={t('finance.tags.category')} value={form.category} onValue={set('category')} options={[{ value: '', label: t('common.any') }, ...CATEGORIES.map((c) => ({ value: c, label: t(`finance.category.${c}`) }))]} />
        </div>
        <div className="actions">
          <button type="submit" className="btn btn-primary">{t('common.search')}</button>
          <button type="button" className="btn" onClick={() => { setForm({ q: '', chain: '', category: '' }); navigate('/finance/tags', { replace: true }); }}>{t('common.reset')}</button>
        </div>
      </form>
      <ErrorMessage error={error ?? list.error} />
      <StatusMessage text={ok} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        <section className="card" aria-label={t('finance.tags.title')}>
          <TagTable tags={tags} showAddress onRemove={can('finance.tag') ? remove : undefined} />
          <div className="pager">
            <button type="button" className="btn" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>{t('finance.prev')}</button>
            <span>{tags.length ? t('finance.range', { from: offset + 1, to: offset + tags.length }) : ''}{total !== undefined ? ` / ${total}` : ''}</span>
            <button type="button" className="btn" disabled={offset + tags.length >= (total ?? 0)} onClick={() => setOffset(offset + PAGE)}>{t('finance.next')}</button>
          </div>
        </section>
      ) : null}
      {can('finance.tag') ? (
        <section className="card two-col">
          <ImportBox<ImportResult> id="fin-tagpack" title={t('finance.tags.importTagPack')} help={t('finance.tags.importTagPackHelp')} accept=".yaml,.yml,application/yaml,text/yaml"
            path={IMPORT_PATHS.tagpack} onDone={() => list.reload()} render={(r) => <ImportSummary r={r} />} />
          <ImportBox<ImportResult> id="fin-ofac" title={t('finance.tags.importOfac')} help={t('finance.tags.importOfacHelp')} accept=".xml,application/xml,text/xml"
            path={IMPORT_PATHS.ofac} onDone={() => list.reload()} render={(r) => <ImportSummary r={r} />} />
        </section>
      ) : null}
    </>
  );
}
