import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type ApiToken, type RoleName } from '../../api.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { TextField } from '../../components/forms.js';
import { RolePicker, ScopePicker, type Scope } from '../../components/ScopePicker.js';

export function TokenForm({ onCreated, onCancel }: { onCreated(r: { token: string; record: ApiToken }): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<RoleName[]>([]);
  const [scope, setScope] = useState<Scope>({ national: false, regions: [] });
  const [days, setDays] = useState('90');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (roles.length === 0) return setError(new ApiError(0, 'client.invalid', t('users.needRole')));
    if (!scope.national && scope.regions.length === 0) return setError(new ApiError(0, 'client.invalid', t('scope.needRegion')));
    setBusy(true);
    try {
      const expiresInDays = days.trim() ? Number(days) : undefined;
      const r = await api.post<{ token: string; record: ApiToken }>('/api/tokens', { name: name.trim(), roles, national: scope.national, regions: scope.national ? [] : scope.regions, ...(expiresInDays ? { expiresInDays } : {}) });
      onCreated(r);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="tk-new">
      <h2 id="tk-new">{t('tokens.createTitle')}</h2>
      <div className="form-grid">
        <TextField label={t('tokens.name')} required maxLength={100} hint={t('tokens.nameHint')} value={name} onValue={setName} />
        <TextField label={t('tokens.expiresInDays')} type="number" min={1} max={3650} hint={t('tokens.expiresHint')} value={days} onValue={setDays} />
      </div>
      <RolePicker value={roles} onChange={setRoles} />
      <ScopePicker value={scope} onChange={setScope} />
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>{t('tokens.create')}</button>
        <button type="button" className="btn" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
