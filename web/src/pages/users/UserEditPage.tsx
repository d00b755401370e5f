import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Lang, type RoleName, type User } from '../../api.js';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { ErrorMessage, Loading, StatusMessage } from '../../components/ErrorMessage.js';
import { TextField } from '../../components/forms.js';
import { PageTitle } from '../../components/PageTitle.js';
import { RolePicker, ScopePicker, ScopeText, type Scope } from '../../components/ScopePicker.js';
import { formatDateTime } from '../../lib/format.js';
import { useApi } from '../../lib/useApi.js';
import type { PageProps } from '../../routes.js';
import { Link, useLocation } from '../../router.js';
import { useSession } from '../../session.js';
import { LocaleSelect } from './UserCreatePage.js';
import { UserStatus } from './UsersPage.js';

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

export function UserEditPage({ params }: PageProps) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const { search } = useLocation();
  const loaded = useApi(() => api.get<{ user: User }>(`/api/users/${encodeURIComponent(params.id!)}`), [params.id]);
  const [user, setUser] = useState<User | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(search.get('created') ? t('users.created') : null);
  useEffect(() => { if (loaded.data) setUser(loaded.data.user); }, [loaded.data]);

  const patch = async (body: Record<string, unknown>, done: string) => {
    setError(null);
    setStatus(null);
    try {
      const r = await api.patch<{ user: User }>(`/api/users/${encodeURIComponent(params.id!)}`, body);
      setUser(r.user);
      setStatus(done);
      return true;
    } catch (e) {
      setError(e);
      return false;
    }
  };

  if (!user) return <><ErrorMessage error={loaded.error} />{loaded.loading ? <Loading /> : null}</>;
  const manage = can('users.manage');
  const lang = i18n.language as Lang;
  return (
    <>
      <PageTitle title={user.username}>{t('users.editTitle', { name: user.username })}</PageTitle>
      <p><Link to="/users">{t('users.backToList')}</Link></p>
      <StatusMessage text={status} />
      <ErrorMessage error={error} />
      <section className="card" aria-labelledby="u-summary">
        <h2 id="u-summary">{t('users.summary')}</h2>
        <dl className="props">
          <div><dt>{t('users.statusLabel')}</dt><dd><UserStatus u={user} />{user.lockedUntil ? <> {t('users.lockedUntil', { at: formatDateTime(user.lockedUntil, lang) })}</> : null}</dd></div>
          <div><dt>{t('users.roles')}</dt><dd>{user.roles.map((r) => t(`roles.${r}`)).join(', ')}</dd></div>
          <div><dt>{t('scope.title')}</dt><dd><ScopeText national={user.national} regions={user.regions} /></dd></div>
          <div><dt>{t('users.mfa')}</dt><dd>{user.totpEnabled ? t('common.yes') : t('common.no')}</dd></div>
          <div><dt>{t('users.lastLogin')}</dt><dd>{user.lastLoginAt ? formatDateTime(user.lastLoginAt, lang) : t('users.never')}</dd></div>
          <div><dt>{t('users.createdAt')}</dt><dd>{formatDateTime(user.createdAt, lang)}</dd></div>
        </dl>
      </section>
      {manage ? (
        <>
          <AccessForm key={user.id + user.roles.join() + user.regions.join()} user={user} onSave={patch} />
          <section className="card" aria-labelledby="u-account">
            <h2 id="u-account">{t('users.account')}</h2>
            <div className="actions">
              {user.lockedUntil ? <button type="button" className="btn" onClick={() => void patch({ unlock: true }, t('users.unlocked'))}>{t('users.unlock')}</button> : null}
              {user.disabled ? (
                <button type="button" className="btn" onClick={() => void patch({ disabled: false }, t('users.enabled'))}>{t('users.enable')}</button>
              ) : (
                <ConfirmButton danger question={t('users.disableQ')} onConfirm={() => patch({ disabled: true }, t('users.disabledDone')).then(() => undefined)}>{t('users.disable')}</ConfirmButton>
              )}
              {user.totpEnabled ? (
                <ConfirmButton danger question={t('users.resetTotpQ')} onConfirm={() => patch({ resetTotp: true }, t('users.totpReset')).then(() => undefined)}>{t('users.resetTotp')}</ConfirmButton>
              ) : null}
            </div>
          </section>
          <PasswordReset onSave={(password) => patch({ password }, t('users.passwordReset'))} />
        </>
      ) : null}
    </>
  );
}

function AccessForm({ user, onSave }: { user: User; onSave(body: Record<string, unknown>, done: string): Promise<boolean> }) {
  const { t } = useTranslation();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [roles, setRoles] = useState<RoleName[]>(user.roles);
  const [scope, setScope] = useState<Scope>({ national: user.national, regions: user.regions });
  const [locale, setLocale] = useState(user.locale);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    // Only what changed: the server ends the user's sessions whenever roles or scope are sent.
    const body: Record<string, unknown> = {};
    if (displayName !== user.displayName) body.displayName = displayName;
    if (locale !== user.locale) body.locale = locale;
    if (!sameSet(roles, user.roles)) body.roles = roles;
    if (scope.national !== user.national) body.national = scope.national;
    if (!sameSet(scope.regions, user.regions)) body.regions = scope.national ? [] : scope.regions;
    if (Object.keys(body).length === 0) return;
    setBusy(true);
    await onSave(body, t('users.saved'));
    setBusy(false);
  }
  return (
    <form className="card form" onSubmit={submit} aria-labelledby="u-access">
      <h2 id="u-access">{t('users.access')}</h2>
      <div className="form-grid">
        <TextField label={t('users.displayName')} maxLength={200} value={displayName} onValue={setDisplayName} />
        <LocaleSelect value={locale} onValue={setLocale} />
      </div>
      <RolePicker value={roles} onChange={setRoles} />
      <ScopePicker value={scope} onChange={setScope} />
      <p className="hint">{t('users.sessionsNote')}</p>
      <div className="actions"><button type="submit" className="btn btn-primary" disabled={busy}>{t('common.save')}</button></div>
    </form>
  );
}

function PasswordReset({ onSave }: { onSave(password: string): Promise<boolean> }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  return (
    <form className="card form" aria-labelledby="u-pw" onSubmit={async (e) => { e.preventDefault(); if (await onSave(password)) setPassword(''); }}>
      <h2 id="u-pw">{t('users.resetPassword')}</h2>
      <TextField label={t('profile.newPassword')} type="password" autoComplete="new-password" required minLength={12} hint={t('users.resetPasswordHint')} value={password} onValue={setPassword} />
      <div className="actions"><button type="submit" className="btn">{t('users.setPassword')}</button></div>
    </form>
  );
}
