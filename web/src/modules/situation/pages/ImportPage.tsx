import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, queryString, type Lang } from '../../../api.js';
import { ErrorMessage, StatusMessage } from '../../../components/ErrorMessage.js';
import { useApi } from '../../../lib/useApi.js';
import { useRegions } from '../../../reference.js';
import { RowErrors } from '../components/RowErrors.js';
import { SituationHeader } from '../components/SituationTabs.js';
import { fmt, loadCatalogue, nameOf, toBase64, type ImportResult, type RowError } from '../lib.js';

interface Refusal { errors: RowError[]; errorCount: number }

/** Template download and file upload; a refused file shows every problem row. */
export function ImportPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const regions = useRegions();
  const cat = useApi(() => loadCatalogue(), []);
  const file = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const limits = cat.data?.limits;

  async function send(dryRun: boolean) {
    setError(null); setRefusal(null); setResult(null);
    const f = file.current?.files?.[0];
    if (!f) { setError(new ApiError(0, 'client', t('situation.import.chooseFile'))); return; }
    setBusy(true);
    try {
      const content = toBase64(await f.arrayBuffer());
      setResult(await api.post<ImportResult>('/api/situation/import', { filename: f.name, content, dryRun }));
    } catch (e) {
      setError(e);
      if (e instanceof ApiError && e.code === 'situation.import_rejected') setRefusal(e.details as Refusal);
    } finally {
      setBusy(false);
    }
  }

  const submit = (e: FormEvent) => { e.preventDefault(); void send(false); };
  const unreadable = error instanceof ApiError && error.code === 'situation.import_unreadable' ? (error.details as { reason: string; columns?: string[]; line?: number }) : null;

  return (
    <>
      <SituationHeader title={t('situation.tabs.import')} />
      <p className="lead">{t('situation.import.intro')}</p>
      <section className="card" aria-labelledby="tpl">
        <h2 id="tpl">{t('situation.import.template')}</h2>
        <p>
          <a className="btn" href={`/api/situation/template${queryString({ format: 'xlsx', lang })}`} download>{t('situation.import.templateXlsx')}</a>{' '}
          <a className="btn" href={`/api/situation/template${queryString({ format: 'csv', lang })}`} download>{t('situation.import.templateCsv')}</a>
        </p>
      </section>
      <form className="card form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="sit-file">{t('situation.import.file')}</label>
          <input id="sit-file" ref={file} type="file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby="sit-file-hint"
            onChange={() => { setError(null); setRefusal(null); setResult(null); }} />
          <p className="hint" id="sit-file-hint">{t('situation.import.fileHint', { rows: limits?.maxRows ?? 5000, mb: limits ? limits.maxBytes / 1024 / 1024 : 2 })}</p>
        </div>
        <ErrorMessage error={error} />
        {unreadable ? <p className="alert alert-warn">{t(`situation.unreadable.${unreadable.reason}`, { columns: (unreadable.columns ?? []).join(', '), line: unreadable.line ?? '', defaultValue: unreadable.reason })}</p> : null}
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>{t('situation.import.upload')}</button>
          <button type="button" className="btn" disabled={busy} onClick={() => void send(true)}>{t('situation.import.check')}</button>
        </div>
      </form>
      {refusal ? <RowErrors errors={refusal.errors} total={refusal.errorCount} /> : null}
      <StatusMessage text={result ? t(result.dryRun ? 'situation.import.checked' : 'situation.import.done', { rows: result.rows, replaced: result.replaced, skipped: result.skipped }) : null} />
      {result && result.values.length ? (
        <section aria-labelledby="imported">
          <h2 id="imported">{t('situation.import.imported')}</h2>
          <div className="table-wrap">
            <table className="table table-compact" data-testid="imported-values">
              <thead><tr>
                <th scope="col">{t('situation.f.indicator')}</th><th scope="col">{t('situation.f.region')}</th><th scope="col">{t('situation.f.period')}</th>
                <th scope="col" className="num">{t('situation.f.value')}</th><th scope="col">{t('situation.f.status')}</th>
              </tr></thead>
              <tbody>
                {result.values.map((v) => (
                  <tr key={`${v.indicator}-${v.region}-${v.period}`}>
                    <td>{nameOf(cat.data, v.indicator, lang)}</td><td>{regions.name(v.region)}</td><td>{v.period}</td>
                    <td className="num">{fmt(v.value, lang, 3)}</td><td>{t(`situation.statuses.${v.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
