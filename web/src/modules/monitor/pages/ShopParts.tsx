import { useTranslation } from 'react-i18next';
import { Badge, type Tone } from '../../../components/Badge.js';

export const SHOP_STATUSES = ['active', 'dormant', 'blocked', 'reappeared', 'merged'] as const;
export type ShopStatus = (typeof SHOP_STATUSES)[number];

/** A shop as the list returns it (mirror of shops.service.ts). */
export interface ShopSummary {
  id: string; name: string; nameType: string; status: ShopStatus; regions: string[]; firstSeen: string; lastSeen: string; itemCount: number;
  statusNote: string | null; statusBy: string | null; statusAt: string | null;
}

const TONE: Record<ShopStatus, Tone> = { active: 'danger', reappeared: 'danger', dormant: 'neutral', blocked: 'ok', merged: 'info' };

export function ShopStatusBadge({ status }: { status: ShopStatus }) {
  const { t } = useTranslation();
  return <Badge tone={TONE[status]}>{t(`monitor.shops.st.${status}`)}</Badge>;
}

/** A shop's name as people write it: @handle for Telegram, the value otherwise. */
export const shopName = (s: { name: string; nameType: string }) => (s.nameType === 'telegram' ? '@' + s.name : s.name);
