import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge.js';

/** Workflow status of a rating or methodology version, as text plus colour. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const tone = status === 'published' || status === 'active' ? 'ok' : status === 'approved' ? 'info' : status === 'draft' ? 'warn' : 'neutral';
  return <Badge tone={tone}>{t(`rating.status.${status}`, { defaultValue: status })}</Badge>;
}
