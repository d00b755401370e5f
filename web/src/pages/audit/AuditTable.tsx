import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditRow, Lang } from '../../api.js';
import { formatDateTime, prettyJson } from '../../lib/format.js';
import { useRegions } from '../../reference.js';

/** The action's name in the UI language; unknown (newer) actions show their code only. */
export function useActionLabel(): (action: string) => string {
  const { t, i18n } = useTranslation();
  return (action) => {
    const key = `audit.actions.${action.replace(/\./g, '_')}`;
    return i18n.exists(key) ? t(key) : action;
  };
}

function Detail({ row }: { row: AuditRow }) {
  const { t } = useTranslation();
  const s = row.summary ?? {};
  return (
    <div className="audit-detail">
      <div className="diff">
        <div>
          <h3>{t('audit.before')}</h3>
          <pre>{prettyJson(s.before)}</pre>
        </div>
        <div>
          <h3>{t('audit.after')}</h3>
          <pre>{prettyJson(s.after)}</pre>
        </div>
        {s.details !== undefined ? (
          <div>
            <h3>{t('audit.details')}</h3>
            <pre>{prettyJson(s.details)}</pre>
          </div>
        ) : null}
      </div>
      <dl className="props props-compact">
        <div><dt>{t('audit.seq')}</dt><dd>{row.seq}</dd></div>
        <div><dt>{t('audit.entityId')}</dt><dd className="mono">{row.entityId ?? '—'}</dd></div>
        <div><dt>{t('audit.actorType')}</dt><dd>{t(`audit.actorTypes.${row.actorType}`, { defaultValue: row.actorType })}</dd></div>
        <div><dt>{t('audit.userAgent')}</dt><dd className="break">{row.userAgent ?? '—'}</dd></div>
        <div><dt>{t('audit.hash')}</dt><dd className="mono break">{row.hash}</dd></div>
        <div><dt>{t('audit.prevHash')}</dt><dd className="mono break">{row.prevHash}</dd></div>
      </dl>
    </div>
  );
}

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  const { t, i18n } = useTranslation();
  const regions = useRegions();
  const label = useActionLabel();
  const [open, setOpen] = useState<number | null>(null);
  const lang = i18n.language as Lang;
  return (
    <div className="table-wrap">
      <table className="table audit-table">
        <caption className="visually-hidden">{t('audit.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.at')}</th>
            <th scope="col">{t('audit.actor')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.entityType')}</th>
            <th scope="col">{t('common.region')}</th>
            <th scope="col">{t('audit.ip')}</th>
            <th scope="col"><span className="visually-hidden">{t('audit.details')}</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? <tr><td colSpan={7} className="muted">{t('common.nothingFound')}</td></tr> : rows.map((r) => (
            <Fragment key={r.seq}>
              <tr className={open === r.seq ? 'row-open' : undefined} data-action={r.action}>
                <td className="nowrap">{formatDateTime(r.at, lang)}</td>
                <td>{r.actorName}</td>
                <td>{label(r.action)}<br /><code className="small">{r.action}</code></td>
                <td>{t(`audit.entity.${r.entityType}`, { defaultValue: r.entityType })}</td>
                <td>{r.region ? regions.name(r.region) : <span className="muted">{t('audit.noRegion')}</span>}</td>
                <td className="mono small">{r.ip ?? ''}</td>
                <td>
                  <button type="button" className="btn btn-small" aria-expanded={open === r.seq} aria-controls={`audit-${r.seq}`}
                    onClick={() => setOpen(open === r.seq ? null : r.seq)}>
                    {open === r.seq ? t('audit.hide') : t('audit.show')}
                    <span className="visually-hidden"> {t('audit.rowN', { n: r.seq })}</span>
                  </button>
                </td>
              </tr>
              {open === r.seq ? (
                <tr id={`audit-${r.seq}`} className="detail-row"><td colSpan={7}><Detail row={r} /></td></tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
