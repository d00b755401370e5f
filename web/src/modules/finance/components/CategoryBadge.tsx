import { useTranslation } from 'react-i18next';
import { categoryColor } from '../lib.js';

/** Category as a colour swatch plus its name (the colour matches the graph; the name carries the meaning). */
export function CategoryBadge({ category }: { category: string | null | undefined }) {
  const { t } = useTranslation();
  if (!category) return <span className="muted">—</span>;
  return (
    <span className="fin-cat" data-category={category}>
      <span className="fin-swatch" style={{ background: categoryColor(category) }} aria-hidden="true" />
      {t(`finance.category.${category}`, { defaultValue: category })}
    </span>
  );
}
