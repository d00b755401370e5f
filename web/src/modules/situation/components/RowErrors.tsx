import { useTranslation } from 'react-i18next';
import type { RowError } from '../lib.js';

/** What is wrong with one row, in the UI language (the server sends stable codes). */
export function useRowErrorText(): (e: RowError) => string {
  const { t } = useTranslation();
  return (e) => {
    const key = e.code === 'region_invalid' && e.expected ? 'region_invalid_legacy' : e.code;
    return t(`situation.rowErrors.${key}`, { expected: e.expected ?? '', firstRow: e.firstRow ?? '', defaultValue: e.code });
  };
}

/** The rows of a refused file with their problems; cell text is rendered as text only. */
export function RowErrors({ errors, total }: { errors: RowError[]; total: number }) {
  const { t } = useTranslation();
  const text = useRowErrorText();
  return (
    <section aria-labelledby="row-errors-title">
      <h2 id="row-errors-title">{t('situation.import.rejected')}</h2>
      {total > errors.length ? <p className="muted">{t('situation.import.moreErrors', { shown: errors.length, total })}</p> : null}
      <div className="table-wrap">
        <table className="table table-compact" data-testid="row-errors">
          <thead>
            <tr>
              <th scope="col" className="num">{t('situation.f.row')}</th>
              <th scope="col">{t('situation.f.column')}</th>
              <th scope="col">{t('situation.f.value')}</th>
              <th scope="col">{t('situation.f.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((e, i) => (
              <tr key={`${e.row}-${e.column}-${i}`} data-row={e.row}>
                <td className="num">{e.row}</td>
                <td><code>{e.column}</code></td>
                <td>{e.value ?? ''}</td>
                <td>{text(e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
