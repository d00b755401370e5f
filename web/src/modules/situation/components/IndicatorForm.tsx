import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Lang } from '../../../api.js';
import { ErrorMessage } from '../../../components/ErrorMessage.js';
import { Checkbox, SelectField, TextField } from '../../../components/forms.js';
import { PERIOD_KINDS, type Catalogue, type Indicator, type PeriodKind } from '../lib.js';

const LANGS: Lang[] = ['kk', 'ru', 'en'];
const LANG_KEY: Record<Lang, string> = { kk: 'langKk', ru: 'langRu', en: 'langEn' };
const blank = { kk: '', ru: '', en: '' };

/** Add (no `initial`) or edit an indicator; the server decides what may change. */
export function IndicatorForm({ cat, initial, onDone }: { cat: Catalogue; initial: Indicator | null; onDone(saved: boolean): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [f, setF] = useState<Omit<Indicator, 'sortOrder'> & { sortOrder: string }>(() => initial
    ? { ...initial, sortOrder: String(initial.sortOrder) }
    : { code: '', category: 'crime', names: { ...blank }, description: { ...blank }, unit: 'cases', polarity: 'neutral', perCapita: true, aggregation: 'sum', periods: ['month', 'quarter', 'year'], source: { ...blank }, sortOrder: '1000', active: true });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const setText = (field: 'names' | 'description' | 'source', l: Lang) => (v: string) => setF((o) => ({ ...o, [field]: { ...o[field], [l]: v } }));
  const togglePeriod = (k: PeriodKind, on: boolean) => setF((o) => ({ ...o, periods: on ? [...o.periods, k] : o.periods.filter((p) => p !== k) }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true); setError(null);
    const body = {
      category: f.category, names: f.names, description: f.description, unit: f.unit, polarity: f.polarity, perCapita: f.perCapita,
      aggregation: f.aggregation, periods: PERIOD_KINDS.filter((k) => f.periods.includes(k)), source: f.source, sortOrder: Number(f.sortOrder) || 0, active: f.active,
    };
    try {
      if (initial) await api.patch(`/api/situation/indicators/${encodeURIComponent(initial.code)}`, body);
      else await api.post('/api/situation/indicators', { code: f.code.trim(), ...body });
      onDone(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const trio = (field: 'names' | 'description' | 'source', legend: string, required: boolean) => (
    <fieldset className="fieldset span-2">
      <legend>{legend}</legend>
      <div className="form-grid form-grid-3">
        {LANGS.map((l) => <TextField key={l} label={t(`situation.catalogue.${LANG_KEY[l]}`)} required={required} maxLength={field === 'description' ? 2000 : 300} value={f[field][l]} onValue={setText(field, l)} />)}
      </div>
    </fieldset>
  );

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="ind-form-title">
      <h2 id="ind-form-title">{initial ? t('situation.catalogue.editTitle', { code: initial.code }) : t('situation.catalogue.newTitle')}</h2>
      <div className="form-grid">
        {initial ? null : <TextField label={t('situation.f.code')} required pattern="[a-z][a-z0-9_]{1,47}" hint={t('situation.catalogue.codeHint')} value={f.code} onValue={(code) => setF((o) => ({ ...o, code }))} />}
        <SelectField label={t('situation.f.category')} value={f.category} onValue={(category) => setF((o) => ({ ...o, category }))}
          options={Object.entries(cat.categories).map(([k, n]) => ({ value: k, label: n[lang] }))} />
        {trio('names', t('situation.catalogue.names'), true)}
        <SelectField label={t('situation.f.unit')} value={f.unit} hint={t('situation.catalogue.unitLocked')} onValue={(unit) => setF((o) => ({ ...o, unit }))}
          options={Object.entries(cat.units).map(([k, n]) => ({ value: k, label: `${k} — ${n[lang]}` }))} />
        <SelectField label={t('situation.f.aggregation')} value={f.aggregation} onValue={(a) => setF((o) => ({ ...o, aggregation: a as Indicator['aggregation'] }))}
          options={(['sum', 'last', 'none'] as const).map((k) => ({ value: k, label: t(`situation.aggregation.${k}`) }))} />
        <SelectField label={t('situation.f.polarity')} value={f.polarity} onValue={(p) => setF((o) => ({ ...o, polarity: p as Indicator['polarity'] }))}
          options={(['higher_better', 'higher_worse', 'neutral'] as const).map((k) => ({ value: k, label: t(`situation.polarity.${k}`) }))} />
        <TextField label={t('situation.catalogue.sortOrder')} type="number" min={0} max={100000} value={f.sortOrder} onValue={(sortOrder) => setF((o) => ({ ...o, sortOrder }))} />
        <fieldset className="fieldset">
          <legend>{t('situation.f.periods')}</legend>
          {PERIOD_KINDS.map((k) => <Checkbox key={k} label={t(`situation.kinds.${k}`)} checked={f.periods.includes(k)} onChecked={(on) => togglePeriod(k, on)} />)}
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('situation.f.actions')}</legend>
          <Checkbox label={t('situation.f.perCapita')} checked={f.perCapita} onChecked={(perCapita) => setF((o) => ({ ...o, perCapita }))} />
          <Checkbox label={t('situation.f.active')} checked={f.active} onChecked={(active) => setF((o) => ({ ...o, active }))} />
        </fieldset>
        {trio('source', t('situation.catalogue.sources'), true)}
        {trio('description', t('situation.catalogue.descriptions'), false)}
      </div>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy || f.periods.length === 0}>{t('common.save')}</button>
        <button type="button" className="btn" onClick={() => onDone(false)}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
