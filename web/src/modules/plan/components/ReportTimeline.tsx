import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api.js';
import { ErrorMessage } from '../../../components/ErrorMessage.js';
import { TextArea } from '../../../components/forms.js';
import { formatDateTime } from '../../../lib/format.js';
import { formatDay, formatSize, type Report } from '../types.js';
import { StatusBadge } from './StatusBadge.js';

/** Accept, or return with a comment (required), inline under a waiting report. */
export function ReviewControls({ reportId, onDone }: { reportId: string; onDone(): void }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const decide = async (decision: 'accept' | 'return') => {
    setBusy(true); setError(null);
    try { await api.post(`/api/plan/reports/${reportId}/${decision}`, { comment: comment.trim() }); onDone(); } catch (e) { setError(e); } finally { setBusy(false); }
  };
  return (
    <div className="plan-review">
      <TextArea label={t('plan.review.comment')} hint={t('plan.review.commentHint')} maxLength={2000} value={comment} onValue={setComment} />
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void decide('accept')}>{t('plan.review.accept')}</button>
        <button type="button" className="btn btn-danger" disabled={busy || !comment.trim()} onClick={() => void decide('return')}>{t('plan.review.return')}</button>
      </div>
    </div>
  );
}

/** Reports on an item, oldest first, with files (and their SHA-256) and the secretariat's decisions. */
export function ReportTimeline({ reports, unit, onChange }: { reports: Report[]; unit: string; onChange(): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (!reports.length) return <p className="muted">{t('plan.report.none')}</p>;
  return (
    <ol className="timeline plan-timeline">
      {reports.map((r) => (
        <li key={r.id} className={`tl-report-${r.status}`} data-report={r.id} data-status={r.status}>
          <div className="tl-head">
            <span><StatusBadge status={r.status} kind="report" /> {r.dueDate ? t('plan.report.forDate', { date: formatDay(r.dueDate, lang) }) : null}{r.final ? <> · <strong>{t('plan.report.final')}</strong></> : null}</span>
            <time dateTime={r.submittedAt}>{formatDateTime(r.submittedAt, lang)}</time>
          </div>
          <dl className="props props-compact">
            <div><dt>{t('plan.report.by')}</dt><dd>{r.submittedByName}</dd></div>
            {r.kpiValue !== null ? <div><dt>{t('plan.report.kpiValue')}</dt><dd>{r.kpiValue} {unit}</dd></div> : null}
            <div><dt>{t('plan.report.text')}</dt><dd className="pre-wrap">{r.text}</dd></div>
            {r.attachments.length ? <div><dt>{t('plan.report.files')}</dt><dd><ul className="plan-files">{r.attachments.map((a) => (
              <li key={a.id}><a href={`/api/plan/attachments/${a.id}`} download={a.filename}>{a.filename}</a> <span className="muted small">({formatSize(a.size)}, SHA-256 <code className="break">{a.sha256}</code>)</span></li>
            ))}</ul></dd></div> : null}
            {r.reviewedAt ? <div><dt>{t('plan.report.reviewed')}</dt><dd>{r.reviewedByName}, {formatDateTime(r.reviewedAt, lang)}{r.reviewComment ? <p className="pre-wrap">{r.reviewComment}</p> : null}</dd></div> : null}
          </dl>
          {r.canReview ? <ReviewControls reportId={r.id} onDone={onChange} /> : null}
        </li>
      ))}
    </ol>
  );
}
