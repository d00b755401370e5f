import { useTranslation } from 'react-i18next';
import { Badge, type Tone } from '../../../components/Badge.js';

/** A watched URL as the rechecks API returns it. */
export interface RecheckTarget {
  id: string; requestId: string; entryId: string; url: string; host: string; region: string; requestStatus: string; status: string; active: boolean;
  lastCheckedAt: string | null; lastChangeAt: string | null; nextCheckAt: string; consecutiveErrors: number; lastOutcome: string | null;
  lastHttpStatus: number | null; lastFinalUrl: string | null; contentHash: string | null; simhash: string | null; createdAt: string;
}

/** One check in a URL's status history. */
export interface RecheckCheck {
  id: string; checkedAt: string; trigger: string; requestedBy: string; outcome: string; reason: string; statusBefore: string; statusAfter: string;
  httpStatus: number | null; finalUrl: string | null; redirects: string[]; contentHash: string | null; simhash: string | null; distance: number | null;
  bytes: number | null; durationMs: number | null; requestOutcome: string | null; detail: string | null;
}

export const RECHECK_STATUSES = ['pending', 'reachable', 'blocked', 'gone', 'restored'] as const;

const TONE: Record<string, Tone> = { pending: 'neutral', reachable: 'warn', blocked: 'ok', gone: 'ok', restored: 'danger', error: 'neutral', refused: 'info' };

/** A URL status or check outcome as text with colour (blocked/gone are the goal, restored is the alarm). */
export function RecheckBadge({ value }: { value: string }) {
  const { t } = useTranslation();
  return <Badge tone={TONE[value] ?? 'neutral'}>{t(`monitor.rechecks.status.${value}`, { defaultValue: value })}</Badge>;
}
