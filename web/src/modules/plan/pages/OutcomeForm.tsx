import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api.js';
import { ErrorMessage } from '../../../components/ErrorMessage.js';
import { SelectField, TextField } from '../../../components/forms.js';
import type { Outcome } from '../types.js';

const num = (s: string) => (s.trim() === '' ? null : Number(s.replace(',', '.')));

/** Add an outcome measure, or record the actual value of an existing one. */
export function OutcomeForm({ planId, outcomes, onDone }: { planId: string; outcomes: Outcome[]; onDone(): void }) {
  const { t } = useTranslation();
  const [f, setF] = useState({ id: '', name: '', unit: '', baseline: '', baselineYear: '', target: '', actual: '', source: '' });
  const set = (k: keyof typeof f) => (v: string) => setF((o) => ({ ...o, [k]: v }));
  const [error, setError] = useState<unknown>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      if (f.id) await api.patch(`/api/plan/outcomes/${f.id}`, { actual: num(f.actual) });
      else await api.post(`/api/plan/plans/${planId}/outcomes`, { name: f.name.trim(), unit: f.unit, baseline: num(f.baseline) ?? 0, target: num(f.target) ?? 0, baselineYear: num(f.baselineYear), actual: num(f.actual), source: f.source });
      setF({ id: '', name: '', unit: '', baseline: '', baselineYear: '', target: '', actual: '', source: '' });
      onDone();
    } catch (err) { setError(err); }
  }
  return (
    <details><summary>{t('plan.cadca.outcomeForm')}</summary>
      <form className="form" onSubmit={submit}>
        <div className="form-grid form-grid-4">
          <SelectField label={t('plan.cadca.measure')} value={f.id} onValue={set('id')} options={[{ value: '', label: t('plan.cadca.newMeasure') }, ...outcomes.map((o) => ({ value: o.id, label: o.name }))]} />
          {f.id ? null : <>
            <TextField label={t('plan.cadca.measureName')} required maxLength={500} value={f.name} onValue={set('name')} />
            <TextField label={t('plan.item.kpiUnit')} maxLength={50} value={f.unit} onValue={set('unit')} />
            <TextField label={t('plan.cadca.baseline')} required inputMode="decimal" value={f.baseline} onValue={set('baseline')} />
            <TextField label={t('plan.cadca.baselineYear')} inputMode="numeric" maxLength={4} value={f.baselineYear} onValue={set('baselineYear')} />
            <TextField label={t('plan.cadca.target')} required inputMode="decimal" value={f.target} onValue={set('target')} />
            <TextField label={t('plan.cadca.source')} maxLength={500} value={f.source} onValue={set('source')} />
          </>}
          <TextField label={t('plan.cadca.actual')} inputMode="decimal" value={f.actual} onValue={set('actual')} />
        </div>
        <ErrorMessage error={error} />
        <div className="actions"><button type="submit" className="btn">{t('common.save')}</button></div>
      </form>
    </details>
  );
}
