import { useTranslation } from 'react-i18next';
import { Badge, type Tone } from '../../../components/Badge.js';
import type { Label } from '../types.js';

const TONE: Record<Label, Tone> = { drug_sale: 'danger', courier_recruitment: 'danger', drug_propaganda: 'warn', benign: 'ok' };

/** The detector's label, or "pending" while the item waits for detection. */
export function LabelBadge({ label }: { label: Label | null }) {
  const { t } = useTranslation();
  return <Badge tone={label ? TONE[label] : 'neutral'}>{t(`monitor.label.${label ?? 'pending'}`)}</Badge>;
}
