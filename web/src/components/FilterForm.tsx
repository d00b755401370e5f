import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The filter card of a list page: the fields in a grid, then Search and Reset (see useListFilters). */
export function FilterForm({ label, onSubmit, onReset, children }: { label: string; onSubmit: (e: FormEvent) => void; onReset: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <form className="card form filters" role="search" aria-label={label} onSubmit={onSubmit}>
      <div className="form-grid form-grid-4">{children}</div>
      <div className="actions">
        <button type="submit" className="btn btn-primary">{t('common.search')}</button>
        <button type="button" className="btn" onClick={onReset}>{t('common.reset')}</button>
      </div>
    </form>
  );
}
