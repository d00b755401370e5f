import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type RoleName, type User } from '../../api.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { SelectField, TextField } from '../../components/forms.js';
import { PageTitle } from '../../components/PageTitle.js';
import { RolePicker, ScopePicker, type Scope } from '../../components/ScopePicker.js';
import { Link, navigate } from '../../router.js';
import { useSession } from '../../session.js';

export const USERNAME_PATTERN = '[a-zA-Z0-9._\\-]{3,64}';

export function LocaleSelect({ value, onValue }: { value: string; onValue(v: string): void }) {
  const { t } = useTranslation();
  return (
    <SelectField label={t('users.locale')} value={value} onValue={onValue}
      options={[{ value: 'kk', label: 'Қазақша' }, { value: 'ru', label: 'Русский' }, { value: 'en', label: 'English' }]} />
  );
}

export function UserCreatePage() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<RoleName[]>([]);
  const [scope, setScope] = useState<Scope>({ national: false, regions: [] });
  const [locale, setLocale] = useState(i18n.language);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    // Checked here too so the user hears which part is missing, not just "invalid request".
    if (roles.length === 0) return setError(new ApiError(0, 'client.invalid', t('users.needRole')));
    if (!scope.national && scope.regions.length === 0) return setError(new ApiError(0, 'client.invalid', t('scope.needRegion')));
    setBusy(true);
    try {
      const r = await api.post<{ user: User }>('/api/users', { username: username.trim(), displayName: displayName.trim(), password, roles, national: scope.national, regions: scope.national ? [] : scope.regions, locale });
      navigate(`/users/${r.user.id}?created=1`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageTitle title={t('users.createTitle')}>{t('users.createTitle')}</PageTitle>
      <p><Link to="/users">{t('users.backToList')}</Link></p>
      <form className="card form" onSubmit={submit}>
        <div className="form-grid">
          <TextField label={t('users.username')} name="username" required autoComplete="off" autoCapitalize="none" spellCheck={false}
            pattern={USERNAME_PATTERN} hint={t('users.usernameHint')} value={username} onValue={setUsername} />
          <TextField label={t('users.displayName')} name="displayName" maxLength={200} value={displayName} onValue={setDisplayName} />
          <TextField label={t('users.initialPassword')} name="password" type="password" required minLength={12} autoComplete="new-password"
            hint={t('profile.passwordHint')} value={password} onValue={setPassword} />
          <LocaleSelect value={locale} onValue={setLocale} />
        </div>
        <RolePicker value={roles} onChange={setRoles} />
        {me ? <ScopePicker value={scope} onChange={setScope} /> : null}
        <ErrorMessage error={error} />
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>{t('users.create')}</button>
          <Link className="btn" to="/users">{t('common.cancel')}</Link>
        </div>
      </form>
    </>
  );
}
