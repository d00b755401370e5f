import { useTranslation } from 'react-i18next';
import { api } from '../../../api.js';
import { Badge, type Tone } from '../../../components/Badge.js';
import { useApi } from '../../../lib/useApi.js';
import { Link } from '../../../router.js';
import { useSession } from '../../../session.js';

/** Shapes of the requests API (mirrors of src/modules/monitor/requests/*.ts). */
export const REQUEST_TARGETS = ['blocking_authority', 'telegram', 'hosting', 'registrar', 'app_store', 'bank', 'exchange'] as const;
export const REQUEST_STATUSES = ['draft', 'approved', 'sent', 'blocked', 'refused', 'restored', 'cancelled'] as const;
export type Move = 'approved' | 'sent' | 'blocked' | 'refused' | 'restored' | 'cancelled';

export interface RequestSummary {
  id: string; seq: number; target: string; region: string; title: string; status: string; originModule: string;
  createdByName: string; createdAt: string; updatedAt: string; approvedByPolicy: string | null; entries: number;
}
export interface RequestFull extends Omit<RequestSummary, 'entries'> {
  addressee: string; legalBasis: string | null; originItemIds: string[]; originShopId: string | null; firstDetectedAt: string | null;
  approvedByName: string | null; approvedAt: string | null; sentAt: string | null; blockedAt: string | null; firstBlockedAt: string | null; restoredAt: string | null;
}
export interface RequestEntry {
  id: string; position: number; type: string; value: string; itemId: string | null; shopId: string | null; entityId: string | null; excerpt: string;
  sourceUrl: string | null; label: string | null; risk: number | null; firstSeen: string | null; outcome: string | null; outcomeAt: string | null;
}
export interface HistoryRow { id: string; at: string; fromStatus: string | null; toStatus: string; actorType: string; actorName: string; note: string; evidence: Record<string, unknown> | null }
export interface Policy { label: string; enabled: boolean; minScore: number; autoSend: boolean; updatedByName: string | null; updatedAt: string | null }

const TONES: Record<string, Tone> = { draft: 'neutral', approved: 'info', sent: 'info', blocked: 'ok', refused: 'danger', restored: 'warn', cancelled: 'neutral' };

export function RequestStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Badge tone={TONES[status] ?? 'neutral'}>{t(`monitor.requests.status.${status}`)}</Badge>;
}

/** Shown on the requests pages while any auto-approve policy is on, so nobody mistakes a policy approval for a person's. */
export function PolicyBanner() {
  const { t } = useTranslation();
  const { can } = useSession();
  const res = useApi(() => api.get<{ policies: Policy[] }>('/api/monitor/requests/policies'), []);
  const on = res.data?.policies.filter((p) => p.enabled) ?? [];
  if (on.length === 0) return null;
  return (
    <div className="alert alert-warn" role="status" data-testid="policy-banner">
      {t('monitor.requests.policy.bannerOn', { list: on.map((p) => `${t(`monitor.label.${p.label}`)} ≥ ${p.minScore}${p.autoSend ? ` (${t('monitor.requests.policy.autoSendShort')})` : ''}`).join('; ') })}
      {can('monitor.request.policy') ? <> <Link to="/monitor/requests/policy">{t('monitor.requests.policy.manage')}</Link></> : null}
    </div>
  );
}
