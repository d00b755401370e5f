import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, queryString, requestContext } from '../../../api.js';
import { ErrorMessage } from '../../../components/ErrorMessage.js';
import { SelectField, TextArea, TextField } from '../../../components/forms.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { Link, navigate } from '../../../router.js';
import type { ImportStatus } from '../types.js';

/** The file goes as the raw request body (no multipart, no base64); the server streams it to disk. */
async function upload(file: File, source: string, format: string): Promise<ImportStatus> {
  const { csrfToken, lang } = requestContext();
  const res = await fetch('/api/monitor/imports' + queryString({ source, format, filename: file.name }), {
    method: 'POST', body: file, credentials: 'same-origin',
    headers: { 'content-type': 'application/octet-stream', accept: 'application/json', 'x-qalqan-lang': lang, ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
  });
  const data = await res.json().catch(() => null) as { import?: ImportStatus; error?: { code: string; message: string; details?: unknown } } | null;
  if (!res.ok) throw new ApiError(res.status, data?.error?.code ?? `http.${res.status}`, data?.error?.message ?? '', data?.error?.details);
  return data!.import!;
}

/** File import (Telegram export, CSV, JSONL) with a progress bar, and an officer's manual submission. */
export function ImportPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState('');
  const [format, setFormat] = useState('');
  const [imp, setImp] = useState<ImportStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [manual, setManual] = useState({ url: '', text: '' });
  const [manualError, setManualError] = useState<unknown>(null);

  // Poll while the background job runs.
  useEffect(() => {
    if (!imp || imp.status === 'done' || imp.status === 'failed') return;
    const timer = setTimeout(() => {
      api.get<{ import: ImportStatus }>(`/api/monitor/imports/${imp.id}`).then((r) => setImp(r.import), setError);
    }, 500);
    return () => clearTimeout(timer);
  }, [imp]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true); setError(null); setImp(null);
    try { setImp(await upload(file, source.trim(), format)); } catch (err) { setError(err); } finally { setBusy(false); }
  };
  const submitManual = async (e: FormEvent) => {
    e.preventDefault();
    setManualError(null);
    try {
      const r = await api.post<{ id: string }>('/api/monitor/items/manual', { ...(manual.url.trim() ? { url: manual.url.trim() } : {}), ...(manual.text.trim() ? { text: manual.text } : {}) });
      navigate(`/monitor/items/${r.id}`);
    } catch (err) { setManualError(err); }
  };
  const pct = imp && imp.bytesTotal ? Math.round((imp.bytesDone / imp.bytesTotal) * 100) : 0;

  return (
    <>
      <PageTitle title={t('monitor.import.title')}>{t('monitor.import.title')}</PageTitle>
      <p><Link to="/monitor">← {t('monitor.backToList')}</Link></p>
      <form className="card form" onSubmit={submit} aria-label={t('monitor.import.title')}>
        <p className="muted">{t('monitor.import.help')}</p>
        <div className="field">
          <label htmlFor="monitor-import-file">{t('monitor.import.file')}</label>
          <input id="monitor-import-file" type="file" accept=".json,.csv,.jsonl,.ndjson,application/json,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} required />
        </div>
        <div className="form-grid">
          <TextField label={t('monitor.source')} value={source} onValue={setSource} required maxLength={200} hint={t('monitor.import.sourceHint')} />
          <SelectField label={t('monitor.import.format')} value={format} onValue={setFormat}
            options={[{ value: '', label: t('monitor.import.auto') }, { value: 'telegram', label: 'Telegram (result.json)' }, { value: 'csv', label: 'CSV' }, { value: 'jsonl', label: 'JSONL' }]} />
        </div>
        <div className="actions"><button type="submit" className="btn btn-primary" disabled={busy || !file || !source.trim()}>{t('monitor.import.start')}</button></div>
      </form>
      <ErrorMessage error={error} />
      {imp ? (
        <section className="card" aria-live="polite">
          <h2>{t(`monitor.import.status.${imp.status}`)}</h2>
          <progress className="monitor-progress" max={100} value={pct} aria-label={t('monitor.import.progress')}>{pct}%</progress>
          <p data-testid="import-counts">{t('monitor.import.counts', { accepted: imp.accepted, duplicates: imp.duplicates, rejected: imp.rejected, skipped: imp.skipped })}</p>
          {imp.failure ? <p className="error">{t('monitor.import.failed', { reason: imp.failure })}</p> : null}
          {imp.errors.length ? (
            <details><summary>{t('monitor.import.rowErrors', { count: imp.rejected })}</summary>
              <ul>{imp.errors.slice(0, 100).map((e, i) => <li key={i}>{t('monitor.import.row', { row: e.row })}: <code>{e.reason}</code></li>)}</ul>
            </details>
          ) : null}
          {imp.status === 'done' ? <Link className="btn" to={'/monitor' + queryString({ source: imp.sourceName, label: 'flagged' })}>{t('monitor.import.showFlagged')}</Link> : null}
        </section>
      ) : null}
      <form className="card form" onSubmit={submitManual} aria-label={t('monitor.manual.title')}>
        <h2>{t('monitor.manual.title')}</h2>
        <TextField label="URL" type="url" value={manual.url} onValue={(url) => setManual({ ...manual, url })} />
        <TextArea label={t('monitor.text')} value={manual.text} onValue={(text) => setManual({ ...manual, text })} rows={4} />
        <div className="actions"><button type="submit" className="btn" disabled={!manual.url.trim() && !manual.text.trim()}>{t('monitor.manual.submit')}</button></div>
        <ErrorMessage error={manualError} />
      </form>
    </>
  );
}
