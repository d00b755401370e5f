import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage.js';
import { uploadFile } from '../client.js';

/** A file import form: pick a file, upload it as the body, show what the server answered. */
export function ImportBox<T>({ id, title, help, accept, path, query, onDone, render }: {
  id: string; title: string; help: ReactNode; accept: string; path: string; query?: Record<string, string>;
  onDone?(r: T): void; render(r: T): ReactNode;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<T | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true); setError(null); setResult(null);
    try { const r = await uploadFile<T>(path, file, query); setResult(r); onDone?.(r); } catch (err) { setError(err); } finally { setBusy(false); }
  };
  return (
    <form className="form fin-subform" onSubmit={submit} aria-label={title}>
      <h3>{title}</h3>
      <p className="muted small">{help}</p>
      <div className="field">
        <label htmlFor={id}>{t('finance.import.file')}</label>
        <input id={id} type="file" accept={accept} required onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <div className="actions"><button type="submit" className="btn" disabled={busy || !file}>{busy ? t('finance.import.uploading') : t('finance.import.upload')}</button></div>
      <ErrorMessage error={error} />
      {result ? <div aria-live="polite">{render(result)}</div> : null}
    </form>
  );
}
