import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The new token, shown once: only its hash is kept, so there is no second chance to copy it. */
export function TokenSecret({ token, name, onClose }: { token: string; name: string; onClose(): void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => { heading.current?.focus(); }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(t('tokens.copied'));
    } catch {
      // Clipboard API needs a secure context; fall back to selecting the text for Ctrl+C.
      input.current?.select();
      setCopied(t('tokens.copyManually'));
    }
  }

  return (
    <section className="card card-highlight" aria-labelledby="tk-secret">
      <h2 id="tk-secret" ref={heading} tabIndex={-1}>{t('tokens.secretTitle', { name })}</h2>
      <p className="alert alert-warn">{t('tokens.secretOnce')}</p>
      <div className="copy-row">
        <label htmlFor="tk-secret-value" className="visually-hidden">{t('tokens.secretLabel')}</label>
        <input id="tk-secret-value" ref={input} className="mono" readOnly value={token} onFocus={(e) => e.target.select()} data-testid="token-secret" />
        <button type="button" className="btn btn-primary" onClick={() => void copy()}>{t('tokens.copy')}</button>
      </div>
      <p role="status" className="small">{copied}</p>
      <div className="actions"><button type="button" className="btn" onClick={onClose}>{t('tokens.done')}</button></div>
    </section>
  );
}
