import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, CUSTODY_FROM, type CustodyAction, type EvidenceItem } from '../../api.js';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage.js';
import { SelectField, TextArea, TextField } from '../../components/forms.js';

/** Record a hand-over. Only actions valid from the item's current status are offered. */
export function CustodyForm({ item, onDone }: { item: EvidenceItem; onDone(): void }) {
  const { t } = useTranslation();
  const allowed = CUSTODY_FROM[item.status] ?? [];
  const [chosen, setAction] = useState<CustodyAction | ''>(allowed[0] ?? '');
  // After a recorded event the status changes; fall back to the first action valid from the new one.
  const action = chosen && allowed.includes(chosen) ? chosen : allowed[0] ?? '';
  const [toHolder, setToHolder] = useState('');
  const [location, setLocation] = useState('');
  const [sealNumber, setSealNumber] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Remounting the fields after a save clears their "user-invalid" styling along with the values.
  const [round, setRound] = useState(0);

  if (allowed.length === 0) return <><StatusMessage text={status} /><p className="muted">{t('evidence.final')}</p></>;
  const needsHolder = action === 'transferred' || action === 'checked_out';

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!action) return;
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      await api.post(`/api/evidence/${encodeURIComponent(item.id)}/custody`, {
        action, note: note.trim(),
        ...(toHolder.trim() ? { toHolder: toHolder.trim() } : {}),
        ...(location.trim() ? { location: location.trim() } : {}),
        ...(sealNumber.trim() ? { sealNumber: sealNumber.trim() } : {}),
      });
      setStatus(t('evidence.recorded'));
      setToHolder(''); setLocation(''); setSealNumber(''); setNote(''); setRound((n) => n + 1);
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="custody-title">
      <h2 id="custody-title">{t('evidence.recordTitle')}</h2>
      <div className="form-grid" key={round}>
        <SelectField label={t('evidence.action')} required value={action} onValue={(v) => setAction(v as CustodyAction)}
          options={allowed.map((a) => ({ value: a, label: t(`evidence.actions.${a}`) }))} />
        <TextField label={needsHolder ? t('evidence.toHolder') : t('evidence.toHolderOptional')} required={needsHolder} maxLength={200} value={toHolder} onValue={setToHolder} />
        <TextField label={t('evidence.newLocation')} maxLength={200} hint={t('evidence.keepHint')} value={location} onValue={setLocation} />
        <TextField label={t('evidence.newSeal')} maxLength={64} hint={t('evidence.keepHint')} value={sealNumber} onValue={setSealNumber} />
        <TextArea label={t('evidence.basis')} required maxLength={2000} className="span-2" hint={t('evidence.basisHint')} value={note} onValue={setNote} />
      </div>
      {action === 'disposed' ? <p className="alert alert-warn">{t('evidence.disposeWarn')}</p> : null}
      <StatusMessage text={status} />
      <ErrorMessage error={error} />
      <div className="actions"><button type="submit" className="btn btn-primary" disabled={busy}>{t('evidence.recordButton')}</button></div>
    </form>
  );
}
