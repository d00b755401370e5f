import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

let initialLoad = true;

/**
 * The page's <h1>. After client-side navigation it takes focus, so keyboard and screen-reader
 * users land at the top of the new content instead of on a link that no longer exists.
 */
export function PageTitle({ children, title, actions }: { children: ReactNode; title: string; actions?: ReactNode }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    if (initialLoad) { initialLoad = false; return; }
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <div className="page-head">
      <h1 ref={ref} tabIndex={-1}>{children}</h1>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </div>
  );
}
