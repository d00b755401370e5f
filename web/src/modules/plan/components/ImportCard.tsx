import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api.js';
import { ErrorMessage, StatusMessage } from '../../../components/ErrorMessage.js';
import { fileToBase64 } from '../types.js';

interface RowError { row: number; column?: string; reason: string; value?: string }

/**
 * XLSX import of a plan's structure. The server checks every row first; on any error nothing
 * is written and the rows are listed here with the reason in the user's language.
 */
export function ImportCard({ planId, onDone }: { planId: string; onDone(): void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [rows, setRows] = useState<RowError[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setBusy(true); setError(null); setRows([]); setStatus(null);
    try {
      const r = await api.post<{ rows: number; sections: { created: number; updated: number }; items: { created: number; updated: number } }>(
        `/api/plan/plans/${planId}/import`, { filename: file.name, contentBase64: await fileToBase64(file) });
      setStatus(t('plan.import.done', { rows: r.rows, created: r.items.created + r.sections.created, updated: r.items.updated + r.sections.updated }));
      onDone();
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.code === 'plan.import_invalid' && Array.isArray(err.details)) setRows(err.details as RowError[]);
    } finally { setBusy(false); }
  }

  return (
    <section className="card" aria-labelledby="plan-import">
      <h2 id="plan-import">{t('plan.import.title')}</h2>
      <p>{t('plan.import.intro')} <a href="/api/plan/template.xlsx" download>{t('plan.import.template')}</a></p>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="plan-import-file">{t('plan.import.file')}</label>
          <input id="plan-import-file" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <StatusMessage text={status} />
        <ErrorMessage error={rows.length ? null : error} />
        {rows.length ? (
          <div className="alert alert-error" role="alert">
            <p>{t('plan.import.rejected', { count: rows.length })}</p>
            <table className="table table-compact">
              <thead><tr><th scope="col">{t('plan.import.row')}</th><th scope="col">{t('plan.import.column')}</th><th scope="col">{t('plan.import.reason')}</th></tr></thead>
              <tbody>{rows.map((r, i) => (
                <tr key={i} data-row={r.row}><td>{r.row || '—'}</td><td><code>{r.column ?? ''}</code></td>
                  <td>{t(`plan.import.reasons.${r.reason}`, { defaultValue: r.reason })}{r.value ? <> (<code>{r.value}</code>)</> : null}</td></tr>
              ))}</tbody>
            </table>
          </div>
        ) : null}
        <div className="actions"><button type="submit" className="btn btn-primary" disabled={!file || busy}>{t('plan.import.submit')}</button></div>
      </form>
    </section>
  );
}
