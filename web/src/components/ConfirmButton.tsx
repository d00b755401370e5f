import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Destructive actions ask once, inline: no modal to trap focus in, no window.confirm that
 * screen readers and automated tests handle poorly.
 */
export function ConfirmButton({ children, question, onConfirm, danger, disabled }: { children: ReactNode; question: string; onConfirm(): void | Promise<void>; danger?: boolean; disabled?: boolean }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) yes.current?.focus();
    else if (wasAsking.current) first.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  if (!asking) {
    return <button ref={first} type="button" className={danger ? 'btn btn-danger' : 'btn'} disabled={disabled} onClick={() => setAsking(true)}>{children}</button>;
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm-q">{question}</span>
      <button ref={yes} type="button" className={danger ? 'btn btn-danger' : 'btn btn-primary'} disabled={busy}
        onClick={async () => { setBusy(true); try { await onConfirm(); } finally { setBusy(false); setAsking(false); } }}>
        {t('common.confirm')}
      </button>
      <button type="button" className="btn" onClick={() => setAsking(false)}>{t('common.cancel')}</button>
    </span>
  );
}
