import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import { api, type User } from '../../api.js';
import { Badge } from '../../components/Badge.js';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage.js';
import { TextField } from '../../components/forms.js';
import { useSession } from '../../session.js';

/** Enrol, confirm or remove the authenticator-app second factor of the signed-in user. */
export function TotpSection() {
  const { t } = useTranslation();
  const { me, setUser } = useSession();
  const enabled = me?.user?.totpEnabled ?? false;
  const [pending, setPending] = useState<{ secret: string; qr: string } | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  useEffect(() => { if (pending) codeRef.current?.focus(); }, [pending]);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true); setError(null); setStatus(null);
    try { await fn(); } catch (e) { setError(e); } finally { setBusy(false); }
  };

  const begin = () => run(async () => {
    const r = await api.post<{ secret: string; uri: string }>('/api/auth/totp/setup');
    // Drawn locally: the secret must never go to a third-party QR service.
    const qr = await QRCode.toDataURL(r.uri, { margin: 2, width: 220, errorCorrectionLevel: 'M' });
    setPending({ secret: r.secret, qr });
  });

  const confirm = (e: FormEvent) => { e.preventDefault(); void run(async () => {
    const r = await api.post<{ user: User }>('/api/auth/totp/enable', { code: code.trim() });
    setUser(r.user); setPending(null); setCode(''); setStatus(t('profile.totpEnabled'));
  }); };

  const disable = (e: FormEvent) => { e.preventDefault(); void run(async () => {
    const r = await api.post<{ user: User }>('/api/auth/totp/disable', { password });
    setUser(r.user); setPassword(''); setStatus(t('profile.totpDisabled'));
  }); };

  return (
    <section className="card" aria-labelledby="p-totp">
      <h2 id="p-totp">{t('profile.totp')}</h2>
      <p>{t('profile.totpState')}: {enabled ? <Badge tone="ok">{t('profile.totpOn')}</Badge> : <Badge tone="warn">{t('profile.totpOff')}</Badge>}</p>
      <StatusMessage text={status} />
      <ErrorMessage error={error} />
      {!enabled && !pending ? (
        <>
          <p className="muted">{t('profile.totpIntro')}</p>
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void begin()}>{t('profile.totpSetup')}</button>
        </>
      ) : null}
      {!enabled && pending ? (
        <form onSubmit={confirm} className="form">
          <ol className="steps">
            <li>{t('profile.totpStep1')}</li>
            <li>
              {t('profile.totpStep2')}
              <div className="qr"><img src={pending.qr} width={220} height={220} alt={t('profile.qrAlt')} /></div>
              <p>{t('profile.secretManual')} <code className="secret" data-testid="totp-secret">{pending.secret}</code></p>
            </li>
            <li>{t('profile.totpStep3')}</li>
          </ol>
          <TextField ref={codeRef} label={t('auth.code')} name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" maxLength={6} required
            value={code} onValue={(v) => setCode(v.replace(/\D/g, ''))} />
          <div className="actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>{t('profile.totpConfirm')}</button>
            <button type="button" className="btn" onClick={() => { setPending(null); setCode(''); }}>{t('common.cancel')}</button>
          </div>
        </form>
      ) : null}
      {enabled ? (
        <form onSubmit={disable} className="form">
          <p className="muted">{t('profile.totpDisableIntro')}</p>
          <TextField label={t('auth.password')} type="password" autoComplete="current-password" required value={password} onValue={setPassword} />
          <div className="actions"><button type="submit" className="btn btn-danger" disabled={busy}>{t('profile.totpDisable')}</button></div>
        </form>
      ) : null}
    </section>
  );
}
