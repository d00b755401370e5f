import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api.js';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage.js';
import { TextField } from '../../components/forms.js';

export function PasswordSection() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null); setStatus(null);
    if (next !== again) return setError(new ApiError(0, 'client.invalid', t('profile.mismatch')));
    setBusy(true);
    try {
      await api.post('/api/auth/password', { current, next });
      setCurrent(''); setNext(''); setAgain('');
      setStatus(t('profile.passwordChanged'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="p-pw">
      <h2 id="p-pw">{t('profile.changePassword')}</h2>
      <div className="form-grid form-grid-3">
        <TextField label={t('profile.currentPassword')} type="password" autoComplete="current-password" required value={current} onValue={setCurrent} />
        <TextField label={t('profile.newPassword')} type="password" autoComplete="new-password" required minLength={12} hint={t('profile.passwordHint')} value={next} onValue={setNext} />
        <TextField label={t('profile.repeatPassword')} type="password" autoComplete="new-password" required minLength={12} value={again} onValue={setAgain} />
      </div>
      <StatusMessage text={status} />
      <ErrorMessage error={error} />
      <div className="actions"><button type="submit" className="btn btn-primary" disabled={busy}>{t('profile.changePassword')}</button></div>
    </form>
  );
}
