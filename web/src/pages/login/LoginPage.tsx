import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { TextField } from '../../components/forms.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useSession } from '../../session.js';

/**
 * Password first; when the server answers `auth.mfa_required` a code field appears and all
 * three are sent again (the server keeps no half-logged-in state).
 */
export function LoginPage() {
  const { t } = useTranslation();
  const { login } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [needCode, setNeedCode] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => { if (needCode) codeRef.current?.focus(); }, [needCode]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password, needCode ? code.trim() : undefined);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'auth.mfa_required') {
        setNeedCode(true);
      } else {
        setError(err);
        if (err instanceof ApiError && err.code === 'auth.mfa_invalid') { setCode(''); codeRef.current?.focus(); }
        else if (err instanceof ApiError && err.code === 'auth.invalid_credentials') { setPassword(''); setNeedCode(false); setCode(''); passwordRef.current?.focus(); }
      }
    } finally {
      setBusy(false);
    }
  }

  const locked = error instanceof ApiError && error.code === 'auth.locked';

  return (
    <div className="login-card card">
      <PageTitle title={t('auth.title')}>{t('auth.title')}</PageTitle>
      <p className="muted">{t('auth.intro')}</p>
      <form onSubmit={submit}>
        <TextField label={t('auth.username')} name="username" autoComplete="username" required autoCapitalize="none" spellCheck={false}
          value={username} onValue={setUsername} readOnly={needCode} autoFocus />
        <TextField ref={passwordRef} label={t('auth.password')} name="password" type="password" autoComplete="current-password" required
          value={password} onValue={setPassword} readOnly={needCode} />
        {needCode ? (
          <>
            <p className="alert alert-info" role="status">{t('auth.codeIntro')}</p>
            <TextField ref={codeRef} label={t('auth.code')} name="totp" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" maxLength={6}
              required value={code} onValue={(v) => setCode(v.replace(/\D/g, ''))} hint={t('auth.codeHint')} />
          </>
        ) : null}
        <ErrorMessage error={error} id="login-error" />
        {locked ? <p className="hint">{t('auth.lockedHint')}</p> : null}
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? t('auth.signingIn') : t('auth.signIn')}</button>
          {needCode ? (
            <button type="button" className="btn" onClick={() => { setNeedCode(false); setCode(''); setPassword(''); setError(null); }}>{t('auth.back')}</button>
          ) : null}
        </div>
      </form>
    </div>
  );
}
