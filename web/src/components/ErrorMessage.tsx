import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';

/** The text to show for a failed request: the server's translated message, else our own. */
export function useErrorText(): (e: unknown) => string {
  const { t } = useTranslation();
  return (e) => {
    if (e instanceof ApiError) {
      if (e.code === 'network') return t('errors.network');
      return e.message || t('errors.generic', { code: e.code });
    }
    return t('errors.generic', { code: 'client' });
  };
}

/**
 * A live region that is always in the DOM, so screen readers announce the message the
 * moment it appears (a region inserted together with its text is often not read).
 */
export function ErrorMessage({ error, id }: { error: unknown; id?: string }) {
  const text = useErrorText();
  const details = error instanceof ApiError && Array.isArray(error.details) ? (error.details as { path?: string; message?: string }[]) : [];
  return (
    <div className="alert alert-error" role="alert" id={id}>
      {error ? (
        <>
          <span>{text(error)}</span>
          {details.length ? (
            <ul className="alert-details">
              {details.slice(0, 8).map((d, i) => <li key={i}><code>{d.path ?? ''}</code> {d.message ?? ''}</li>)}
            </ul>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

/** Polite confirmation after a successful action. */
export function StatusMessage({ text }: { text: string | null }) {
  return <div className="alert alert-ok" role="status">{text}</div>;
}

export function Loading() {
  const { t } = useTranslation();
  return <p className="loading" role="status">{t('common.loading')}</p>;
}
