import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api.js';
import { ErrorMessage, StatusMessage } from '../../../components/ErrorMessage.js';
import { Checkbox, SelectField, TextArea, TextField } from '../../../components/forms.js';
import { fileToBase64, formatDay, type Item } from '../types.js';

const MAX_FILES = 5;
const MAX_BYTES = 5 * 1024 * 1024;

/** An executor's report: text per the reporting form, the KPI value, files, and which deadline it answers. */
export function ReportForm({ item, onDone }: { item: Item; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [kpi, setKpi] = useState('');
  const [dueDate, setDueDate] = useState(item.nextDeadline ?? '');
  const [final, setFinal] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [round, setRound] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const tooBig = files.length > MAX_FILES || files.some((f) => f.size > MAX_BYTES);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true); setError(null); setStatus(null);
    try {
      const attachments = await Promise.all(files.map(async (f) => ({ filename: f.name, mime: f.type || undefined, contentBase64: await fileToBase64(f) })));
      await api.post(`/api/plan/items/${item.id}/reports`, {
        text: text.trim(), final, ...(kpi.trim() ? { kpiValue: Number(kpi.replace(',', '.')) } : {}), ...(dueDate ? { dueDate } : {}), ...(attachments.length ? { attachments } : {}),
      });
      setStatus(t('plan.report.sent'));
      setText(''); setKpi(''); setFinal(false); setFiles([]); setRound((n) => n + 1);
      onDone();
    } catch (err) { setError(err); } finally { setBusy(false); }
  }

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="report-form-title">
      <h2 id="report-form-title">{t('plan.report.formTitle')}</h2>
      {item.reportingForm ? <p className="hint">{t('plan.item.reportingForm')}: {item.reportingForm}</p> : null}
      <div className="form-grid" key={round}>
        <TextArea label={t('plan.report.text')} required maxLength={20000} rows={5} className="span-2" value={text} onValue={setText} />
        {item.deadlines.length ? <SelectField label={t('plan.report.dueDate')} value={dueDate} onValue={setDueDate}
          options={item.deadlines.map((d) => ({ value: d, label: formatDay(d, i18n.language) }))} /> : null}
        <TextField label={item.kpiName ? `${t('plan.report.kpiValue')}: ${item.kpiName}${item.kpiUnit ? `, ${item.kpiUnit}` : ''}` : t('plan.report.kpiValue')} inputMode="decimal" maxLength={30} value={kpi} onValue={setKpi} />
        <div className="field span-2">
          <label htmlFor="report-files">{t('plan.report.files')}</label>
          <input id="report-files" type="file" multiple aria-describedby="report-files-hint" onChange={(e) => setFiles([...(e.target.files ?? [])])} />
          <p className="hint" id="report-files-hint">{t('plan.report.filesHint')}</p>
        </div>
      </div>
      <Checkbox label={t('plan.report.finalLabel')} checked={final} onChecked={setFinal} />
      {tooBig ? <p className="alert alert-warn">{t('plan.report.filesTooBig')}</p> : null}
      <StatusMessage text={status} />
      <ErrorMessage error={error} />
      <div className="actions"><button type="submit" className="btn btn-primary" disabled={busy || tooBig}>{t('plan.report.submit')}</button></div>
    </form>
  );
}
