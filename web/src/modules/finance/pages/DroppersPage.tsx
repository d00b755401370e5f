import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, queryString, type Lang } from '../../../api.js';
import { ErrorMessage, Loading, StatusMessage } from '../../../components/ErrorMessage.js';
import { SelectField, TextField } from '../../../components/forms.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { formatDateTime } from '../../../lib/format.js';
import { useApi } from '../../../lib/useApi.js';
import { useRegions } from '../../../reference.js';
import { Link, navigate, useLocation } from '../../../router.js';
import { useSession } from '../../../session.js';
import { dropperTemplatePath, financeApi, IMPORT_PATHS, uploadFile } from '../client.js';
import { FinanceTabs } from '../components/FinanceTabs.js';
import { DROPPER_KINDS, DROPPER_STATUSES, type CsvImportResult } from '../types.js';

const FIELDS = ['kind', 'status', 'region', 'q'] as const;
type Filters = Record<(typeof FIELDS)[number], string>;
const PAGE = 50;

const tone = (s: string) => (s === 'blocked' ? 'badge-ok' : s === 'confirmed' ? 'badge-danger' : s === 'cleared' ? 'badge-neutral' : 'badge-warn');

/** Row-level result of a bank CSV import: counts and each refused row with its column and reason. */
export function CsvResult({ r, rejected }: { r: CsvImportResult; rejected?: boolean }) {
  const { t } = useTranslation();
  return (
    <div data-testid="csv-result">
      {rejected
        ? <p className="error">{t('finance.droppers.importRejected', { errors: r.errors.length, rows: r.rows })}</p>
        : <p>{t('finance.droppers.importCounts', { rows: r.rows, written: r.written, created: r.created, errors: r.errors.length })}</p>}
      {r.errors.length ? (
        <table className="table table-compact" data-testid="csv-errors">
          <caption>{t('finance.droppers.rowErrors')}</caption>
          <thead><tr><th scope="col">{t('finance.droppers.row')}</th><th scope="col">{t('finance.droppers.column')}</th><th scope="col">{t('finance.droppers.reason')}</th></tr></thead>
          <tbody>{r.errors.slice(0, 1000).map((e, i) => <tr key={i}><td className="num">{e.row}</td><td><code>{e.column}</code></td><td>{t(`finance.droppers.err.${e.reason}`, { defaultValue: e.reason })}</td></tr>)}</tbody>
        </table>
      ) : null}
    </div>
  );
}

/** Dropper (money-mule) cards, IBANs and phones within the reader's regions; bulk bank imports; block requests. */
export function DroppersPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const regions = useRegions();
  const lang = i18n.language as Lang;
  const { search } = useLocation();
  const current = Object.fromEntries(FIELDS.map((f) => [f, search.get(f) ?? ''])) as Filters;
  const [form, setForm] = useState(current);
  const [offset, setOffset] = useState(0);
  const list = useApi(() => financeApi.droppers({ ...current, limit: PAGE, offset }), [current, offset]);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState('');
  const [blockError, setBlockError] = useState<unknown>(null);
  const [blockOk, setBlockOk] = useState<string | null>(null);
  const set = (k: keyof Filters) => (v: string) => setForm({ ...form, [k]: v });
  const submit = (e: FormEvent) => { e.preventDefault(); setOffset(0); setPicked(new Set()); navigate('/finance/droppers' + queryString(form), { replace: true }); };
  const toggle = (id: string, on: boolean) => { const s = new Set(picked); if (on) s.add(id); else s.delete(id); setPicked(s); };
  const block = async () => {
    setBlockError(null); setBlockOk(null);
    try {
      const r = await financeApi.requestBankBlock([...picked], reason.trim());
      setBlockOk(t('finance.droppers.blockRequested', { count: r.requests.length }) + (r.skipped.length ? ' ' + t('finance.droppers.blockSkipped', { count: r.skipped.length }) : ''));
      setPicked(new Set());
      list.reload();
    } catch (e) { setBlockError(e); }
  };
  const rows = list.data?.droppers ?? [];
  const writer = can('finance.dropper.write');

  return (
    <>
      <PageTitle title={t('finance.droppers.title')}>{t('finance.droppers.title')}</PageTitle>
      <FinanceTabs />
      <form className="card form filters" role="search" aria-label={t('finance.droppers.filters')} onSubmit={submit}>
        <div className="form-grid form-grid-4">
          <SelectField label={t('finance.droppers.kind')} value={form.kind} onValue={set('kind')} options={[{ value: '', label: t('common.any') }, ...DROPPER_KINDS.map((k) => ({ value: k, label: t(`finance.droppers.kindName.${k}`) }))]} />
          <SelectField label={t('finance.droppers.status')} value={form.status} onValue={set('status')} options={[{ value: '', label: t('common.any') }, ...DROPPER_STATUSES.map((s) => ({ value: s, label: t(`finance.droppers.statusName.${s}`) }))]} />
          <SelectField label={t('common.region')} value={form.region} onValue={set('region')} options={[{ value: '', label: t('common.any') }, ...regions.list.map((r) => ({ value: r.code, label: regions.name(r.code) }))]} />
          <TextField label={t('finance.droppers.q')} value={form.q} onValue={set('q')} hint={t('finance.droppers.qHint')} />
        </div>
        <div className="actions">
          <button type="submit" className="btn btn-primary">{t('common.search')}</button>
          <button type="button" className="btn" onClick={() => { setForm({ kind: '', status: '', region: '', q: '' }); navigate('/finance/droppers', { replace: true }); }}>{t('common.reset')}</button>
        </div>
      </form>
      <ErrorMessage error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        <section className="card" aria-label={t('finance.droppers.title')}>
          {rows.length === 0 ? <p className="muted">{t('common.nothingFound')}</p> : (
            <div className="table-wrap">
              <table className="table table-compact" data-testid="droppers">
                <thead><tr>
                  {writer ? <th scope="col"><span className="visually-hidden">{t('finance.droppers.pick')}</span></th> : null}
                  <th scope="col">{t('finance.droppers.value')}</th><th scope="col">{t('finance.droppers.kind')}</th><th scope="col">{t('finance.droppers.bank')}</th>
                  <th scope="col">{t('finance.droppers.status')}</th><th scope="col">{t('common.region')}</th><th scope="col" className="num">{t('finance.droppers.reports')}</th><th scope="col">{t('finance.droppers.lastSeen')}</th>
                </tr></thead>
                <tbody>
                  {rows.map((d) => (
                    <tr key={d.id}>
                      {writer ? <td className="fin-pick"><input type="checkbox" aria-label={t('finance.droppers.pickOne', { value: d.display })} checked={picked.has(d.id)} onChange={(e) => toggle(d.id, e.target.checked)} /></td> : null}
                      <td><Link to={`/finance/droppers/${encodeURIComponent(d.id)}`}><code>{d.display}</code></Link></td>
                      <td>{t(`finance.droppers.kindName.${d.kind}`, { defaultValue: d.kind })}{d.scheme ? ` · ${d.scheme}` : ''}</td>
                      <td>{d.bankName ?? d.bankCode ?? '—'}</td>
                      <td><span className={`badge ${tone(d.status)}`}>{t(`finance.droppers.statusName.${d.status}`, { defaultValue: d.status })}</span></td>
                      <td>{regions.name(d.region)}</td>
                      <td className="num">{d.reports}</td>
                      <td className="nowrap">{formatDateTime(d.lastSeen, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="pager">
                <button type="button" className="btn" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>{t('finance.prev')}</button>
                <span>{t('finance.range', { from: offset + 1, to: offset + rows.length })}{` / ${list.data.total}`}</span>
                <button type="button" className="btn" disabled={offset + rows.length >= list.data.total} onClick={() => setOffset(offset + PAGE)}>{t('finance.next')}</button>
              </div>
            </div>
          )}
          {writer && rows.length ? (
            <div className="fin-subform">
              <h3>{t('finance.droppers.block')}</h3>
              <TextField label={t('finance.droppers.blockReason')} value={reason} onValue={setReason} maxLength={2000} hint={t('finance.droppers.blockHint')} />
              <div className="actions">
                <button type="button" className="btn btn-danger" disabled={picked.size === 0} onClick={block}>
                  {t('finance.droppers.blockButton', { count: picked.size })}
                </button>
              </div>
              <ErrorMessage error={blockError} />
              <StatusMessage text={blockOk} />
            </div>
          ) : null}
        </section>
      ) : null}
      {writer ? <CsvImport onDone={() => list.reload()} /> : null}
    </>
  );
}

/**
 * Bank CSV import. Atomic by default: one bad row refuses the file (422) and every bad row is
 * listed; "import the valid rows" writes the rest and lists the refused ones the same way.
 */
function CsvImport({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const regions = useRegions();
  const { me } = useSession();
  const scope = me?.actor.scope ?? { national: false, regions: [] };
  const choices = scope.national ? regions.list.map((r) => r.code) : scope.regions;
  const [file, setFile] = useState<File | null>(null);
  const [region, setRegion] = useState(choices.length === 1 ? choices[0]! : '');
  const [bank, setBank] = useState('');
  const [mode, setMode] = useState<'atomic' | 'valid_rows'>('atomic');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<{ r: CsvImportResult; rejected: boolean } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true); setError(null); setResult(null);
    try {
      const r = await uploadFile<CsvImportResult>(IMPORT_PATHS.droppersCsv, file, { ...(region ? { region } : {}), ...(bank.trim() ? { bank: bank.trim() } : {}), mode });
      setResult({ r, rejected: false });
      onDone();
    } catch (err) {
      const d = err instanceof ApiError ? err.details as { errors?: CsvImportResult['errors']; rows?: number } | null : null;
      if (err instanceof ApiError && err.code === 'finance.import_rejected' && d?.errors) setResult({ r: { importId: null, rows: d.rows ?? 0, written: 0, created: 0, errors: d.errors }, rejected: true });
      else setError(err);
    } finally { setBusy(false); }
  };
  return (
    <form className="card form" onSubmit={submit} aria-label={t('finance.droppers.import')}>
      <h2>{t('finance.droppers.import')}</h2>
      <p className="muted small">{t('finance.droppers.importHelp')} <a href={dropperTemplatePath} download>{t('finance.droppers.template')}</a></p>
      <div className="form-grid form-grid-4">
        <div className="field">
          <label htmlFor="fin-dropper-csv">{t('finance.import.file')}</label>
          <input id="fin-dropper-csv" type="file" accept=".csv,text/csv" required onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        {choices.length > 1 ? (
          <SelectField label={t('common.region')} required value={region} onValue={setRegion}
            options={[{ value: '', label: t('common.choose') }, ...choices.map((c) => ({ value: c, label: regions.name(c) }))]} />
        ) : null}
        <TextField label={t('finance.droppers.bankDefault')} value={bank} onValue={setBank} maxLength={200} hint={t('finance.droppers.bankDefaultHint')} />
        <SelectField label={t('finance.droppers.mode')} value={mode} onValue={(v) => setMode(v as 'atomic' | 'valid_rows')}
          options={[{ value: 'atomic', label: t('finance.droppers.modeAtomic') }, { value: 'valid_rows', label: t('finance.droppers.modeValid') }]} />
      </div>
      <div className="actions"><button type="submit" className="btn btn-primary" disabled={busy || !file || (choices.length > 1 && !region)}>{busy ? t('finance.import.uploading') : t('finance.import.upload')}</button></div>
      <ErrorMessage error={error} />
      <div aria-live="polite">{result ? <CsvResult r={result.r} rejected={result.rejected} /> : null}</div>
    </form>
  );
}
