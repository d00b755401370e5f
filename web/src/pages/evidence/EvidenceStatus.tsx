import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';

export function EvidenceStatus({ status }: { status: string }) {
  const { t } = useTranslation();
  const tone = status === 'in_storage' ? 'ok' : status === 'checked_out' ? 'warn' : 'neutral';
  return <Badge tone={tone}>{t(`evidence.status.${status}`, { defaultValue: status })}</Badge>;
}
