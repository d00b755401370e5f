import { useTranslation } from 'react-i18next';
import { Checkbox, SelectField, TextField } from '../../../components/forms.js';
import { colourOf, type Methodology } from '../types.js';

type Indicator = Methodology['indicators'][number];

/** One indicator as the form holds it: text fields, converted to numbers only for the engine. */
export interface IndicatorForm {
  code: string; name: string; weight: string; direction: string; normalisation: string; target: string;
  perCapita: boolean; denominator: string; per: string;
}

export const emptyIndicator = (): IndicatorForm => ({
  code: '', name: '', weight: '1', direction: 'higher_better', normalisation: 'minmax', target: '', perCapita: false, denominator: 'population', per: '100000',
});

export const toForm = (i: Indicator): IndicatorForm => ({
  code: i.code, name: i.name ?? '', weight: String(i.weight), direction: i.direction, normalisation: i.normalisation,
  target: i.target === undefined ? '' : String(i.target), perCapita: Boolean(i.perCapita),
  denominator: i.perCapita?.denominator ?? 'population', per: String(i.perCapita?.per ?? 100000),
});

// Empty text becomes NaN rather than 0, so the engine reports "must be a number" instead of accepting a silent zero.
const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));

/** The engine's indicator object; fields left empty are omitted, not sent as empty strings. */
export function toIndicator(f: IndicatorForm): Record<string, unknown> {
  return {
    code: f.code.trim(), ...(f.name.trim() ? { name: f.name.trim() } : {}), weight: num(f.weight), direction: f.direction, normalisation: f.normalisation,
    ...(f.target.trim() ? { target: num(f.target) } : {}),
    ...(f.perCapita ? { perCapita: { denominator: f.denominator.trim(), per: num(f.per) } } : {}),
  };
}

/** The fields of one indicator, with its weight's share of the total. */
export function IndicatorFields({ index, value, share, onChange, onRemove }: { index: number; value: IndicatorForm; share: number; onChange(v: IndicatorForm): void; onRemove?: () => void }) {
  const { t } = useTranslation();
  const set = (patch: Partial<IndicatorForm>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="fieldset rt-indicator" style={{ borderLeftColor: colourOf(index) }}>
      <legend>{t('rating.m.indicatorN', { n: index + 1 })}{value.code ? `: ${value.code}` : ''} <span className="muted small">({share.toFixed(1)}%)</span></legend>
      <div className="form-grid form-grid-4">
        <TextField label={t('rating.m.code')} required maxLength={64} value={value.code} onValue={(code) => set({ code })} hint={t('rating.m.codeHint')} />
        <TextField label={t('rating.m.indicatorName')} maxLength={200} value={value.name} onValue={(name) => set({ name })} />
        <TextField label={t('rating.m.weight')} required type="number" min={0} step="any" value={value.weight} onValue={(weight) => set({ weight })} />
        <SelectField label={t('rating.m.direction')} value={value.direction} onValue={(direction) => set({ direction })}
          options={['higher_better', 'lower_better'].map((d) => ({ value: d, label: t(`rating.directions.${d}`) }))} />
        <SelectField label={t('rating.m.normalisation')} value={value.normalisation} onValue={(normalisation) => set({ normalisation })}
          options={['minmax', 'zscore', 'rank', 'target'].map((n) => ({ value: n, label: t(`rating.normalisations.${n}`) }))} />
        <TextField label={t('rating.m.target')} type="number" step="any" required={value.normalisation === 'target'} value={value.target} onValue={(target) => set({ target })} hint={t('rating.m.targetHint')} />
        <div className="field">
          <Checkbox label={t('rating.m.perCapita')} checked={value.perCapita} onChecked={(perCapita) => set({ perCapita })} />
        </div>
        {value.perCapita ? <TextField label={t('rating.m.denominator')} required value={value.denominator} onValue={(denominator) => set({ denominator })} hint={t('rating.m.denominatorHint')} /> : null}
        {value.perCapita ? <TextField label={t('rating.m.per')} required type="number" min={1} value={value.per} onValue={(per) => set({ per })} /> : null}
      </div>
      {onRemove ? <button type="button" className="btn btn-small btn-danger" onClick={onRemove}>{t('rating.m.removeIndicator')}</button> : null}
    </fieldset>
  );
}
