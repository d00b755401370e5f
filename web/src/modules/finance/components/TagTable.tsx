import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../components/ConfirmButton.js';
import type { Lang } from '../../../api.js';
import { formatDateTime } from '../../../lib/format.js';
import { Link } from '../../../router.js';
import { addressPath, short } from '../lib.js';
import type { Tag } from '../types.js';
import { CategoryBadge } from './CategoryBadge.js';

/** Confidence as people read it: the GraphSense id and its level in percent. */
export function confidenceText(tag: Tag): string {
  const level = tag.confidenceLevel ?? (typeof tag.confidence === 'number' ? Math.round(tag.confidence * 100) : undefined);
  const id = typeof tag.confidence === 'string' ? tag.confidence : (tag as { confidenceId?: string }).confidenceId;
  return [id, level !== undefined ? `${level}%` : null].filter(Boolean).join(' · ');
}

/**
 * Attribution tags with their provenance. A source that is a web address is a link (opened
 * without referrer); anything else is plain text — tags come from imported files.
 */
export function TagTable({ tags, showAddress, onRemove }: { tags: Tag[]; showAddress?: boolean; onRemove?(tag: Tag, reason: string): Promise<void> }) {
  const { t, i18n } = useTranslation();
  const [reason, setReason] = useState('');
  if (!tags.length) return <p className="muted">{t('finance.tags.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="table table-compact" data-testid="tag-table">
        <thead>
          <tr>
            {showAddress ? <th scope="col">{t('finance.addressCol')}</th> : null}
            <th scope="col">{t('finance.tags.label')}</th>
            <th scope="col">{t('finance.tags.category')}</th>
            <th scope="col">{t('finance.tags.source')}</th>
            <th scope="col">{t('finance.tags.confidence')}</th>
            <th scope="col">{t('finance.tags.origin')}</th>
            {onRemove ? <th scope="col">{t('common.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {tags.map((tag, i) => (
            <tr key={tag.id ?? i}>
              {showAddress ? <td><Link to={addressPath(tag.chain ?? '', tag.address ?? '')} title={tag.address}><code>{short(tag.address ?? '', 10)}</code></Link> <span className="muted small">{tag.chain}</span></td> : null}
              <td>{tag.label}{tag.actor ? <span className="muted small"> ({tag.actor})</span> : null}</td>
              <td><CategoryBadge category={tag.category} /></td>
              <td className="break">{/^https?:\/\//i.test(tag.source) ? <a href={tag.source} rel="noopener noreferrer nofollow" target="_blank">{tag.source}</a> : tag.source}</td>
              <td className="nowrap">{confidenceText(tag)}</td>
              <td className="small">{tag.origin ? t(`finance.tags.originName.${tag.origin}`, { defaultValue: tag.origin }) : '—'}{tag.createdByName ? <><br /><span className="muted">{tag.createdByName}, {formatDateTime(tag.createdAt, i18n.language as Lang)}</span></> : null}</td>
              {onRemove ? (
                <td>
                  {tag.id ? (
                    <ConfirmButton danger question={t('finance.tags.removeQ')} onConfirm={() => onRemove(tag, reason)}>
                      {t('finance.tags.remove')}
                    </ConfirmButton>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {onRemove ? (
        <div className="field fin-inline-field">
          <label htmlFor="fin-remove-reason">{t('finance.tags.removeReason')}</label>
          <input id="fin-remove-reason" value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
        </div>
      ) : null}
    </div>
  );
}
