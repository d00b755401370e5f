import { useTranslation } from 'react-i18next';
import { Badge, type Tone } from '../../../components/Badge.js';
import type { ItemStatus } from '../types.js';

const TONE: Record<string, Tone> = {
  not_started: 'neutral', in_progress: 'info', done: 'ok', overdue: 'danger', cancelled: 'neutral',
  submitted: 'warn', accepted: 'ok', returned: 'danger',
};

/** An item status (computed by the server) or a report status, as text plus colour. */
export function StatusBadge({ status, kind = 'item' }: { status: ItemStatus | string; kind?: 'item' | 'report' }) {
  const { t } = useTranslation();
  return <Badge tone={TONE[status] ?? 'neutral'}>{t(`plan.${kind === 'item' ? 'status' : 'reportStatus'}.${status}`, { defaultValue: status })}</Badge>;
}

/** Compact counts per status, e.g. for a plan row or a section heading. */
export function StatusCounts({ counts }: { counts: Record<string, number> }) {
  const { t } = useTranslation();
  const shown = Object.entries(counts).filter(([, n]) => n > 0);
  if (!shown.length) return <span className="muted">{t('plan.noItems')}</span>;
  return (
    <span className="plan-counts">
      {shown.map(([s, n]) => <span key={s} className={`plan-count plan-count-${s}`}>{t(`plan.status.${s}`)}: {n}</span>)}
    </span>
  );
}
