import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, StatusMessage } from '../../../components/ErrorMessage.js';
import { SelectField, TextField } from '../../../components/forms.js';
import { financeApi } from '../client.js';
import { CATEGORIES } from '../types.js';

/** GraphSense confidence ids offered for a manual tag (the server holds their levels). */
const CONFIDENCES = ['forensic', 'ownership', 'manual_transaction', 'authority_data', 'service_data', 'web_crawl', 'heuristic'] as const;

/** A manual attribution: label, category, the reason/source it rests on (required — it is audited and cited). */
export function AddTagForm({ chain, address, onAdded }: { chain: string; address: string; onAdded(): void }) {
  const { t } = useTranslation();
  const [f, setF] = useState({ label: '', category: 'exchange', confidence: 'forensic', source: '' });
  const [error, setError] = useState<unknown>(null);
  const [ok, setOk] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true); setError(null); setOk(null);
    try {
      await financeApi.addTag({ chain, address, label: f.label.trim(), category: f.category, confidence: f.confidence, source: f.source.trim() });
      setOk(t('finance.tags.added'));
      setF({ ...f, label: '', source: '' });
      onAdded();
    } catch (err) { setError(err); } finally { setBusy(false); }
  };
  return (
    <form className="form fin-subform" onSubmit={submit} aria-label={t('finance.tags.add')}>
      <h3>{t('finance.tags.add')}</h3>
      <div className="form-grid form-grid-4">
        <TextField label={t('finance.tags.label')} required maxLength={200} value={f.label} onValue={(label) => setF({ ...f, label })} />
        <SelectField label={t('finance.tags.category')} value={f.category} onValue={(category) => setF({ ...f, category })}
          options={CATEGORIES.map((c) => ({ value: c, label: t(`finance.category.${c}`) }))} />
        <SelectField label={t('finance.tags.confidence')} value={f.confidence} onValue={(confidence) => setF({ ...f, confidence })}
          options={CONFIDENCES.map((c) => ({ value: c, label: t(`finance.confidence.${c}`) }))} />
        <TextField label={t('finance.tags.reason')} required maxLength={1000} value={f.source} onValue={(source) => setF({ ...f, source })} hint={t('finance.tags.reasonHint')} />
      </div>
      <div className="actions"><button type="submit" className="btn" disabled={busy || !f.label.trim() || !f.source.trim()}>{t('finance.tags.addButton')}</button></div>
      <ErrorMessage error={error} />
      <StatusMessage text={ok} />
    </form>
  );
}
