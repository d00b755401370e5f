import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage.js';
import { Checkbox, SelectField, TextArea, TextField } from '../../../components/forms.js';
import { CADCA_STRATEGIES, PERIODICITIES, splitList, type Item, type Section } from '../types.js';

interface Props {
  /** Adding: the plan's sections and items (parents offered from the chosen section). */
  sections?: Section[];
  items?: Item[];
  initial?: Item;
  submitLabel: string;
  onSubmit(body: Record<string, unknown>): Promise<void>;
}

/** Add or edit an item: the Plan's columns (responsible, deadlines, KPI, reporting form) and CADCA strategies. */
export function ItemForm({ sections, items, initial, submitLabel, onSubmit }: Props) {
  const { t } = useTranslation();
  const adding = !initial;
  const [f, setF] = useState({
    sectionId: sections?.[0]?.id ?? '', parentId: '', number: '', title: initial?.title ?? '', responsible: initial?.responsible ?? '',
    coExecutors: initial?.coExecutors.join('; ') ?? '', deadlines: initial?.deadlines.join('; ') ?? '', expectedResult: initial?.expectedResult ?? '',
    kpiName: initial?.kpiName ?? '', kpiUnit: initial?.kpiUnit ?? '', kpiTarget: initial?.kpiTarget === null || initial?.kpiTarget === undefined ? '' : String(initial.kpiTarget),
    reportingForm: initial?.reportingForm ?? '', periodicity: initial?.periodicity ?? 'once',
  });
  const [strategies, setStrategies] = useState<string[]>(initial?.strategies ?? []);
  const set = (k: keyof typeof f) => (v: string) => setF((o) => ({ ...o, [k]: v }));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const parents = (items ?? []).filter((i) => !i.parentId && i.sectionId === f.sectionId);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body: Record<string, unknown> = {
      title: f.title.trim(), responsible: f.responsible.trim(), coExecutors: splitList(f.coExecutors), deadlines: splitList(f.deadlines),
      expectedResult: f.expectedResult, kpiName: f.kpiName, kpiUnit: f.kpiUnit, kpiTarget: f.kpiTarget.trim() ? Number(f.kpiTarget.replace(',', '.')) : null,
      reportingForm: f.reportingForm, periodicity: f.periodicity, strategies,
    };
    if (adding) Object.assign(body, { sectionId: f.sectionId, parentId: f.parentId || null, number: f.number.trim() });
    try { await onSubmit(body); } catch (err) { setError(err); } finally { setBusy(false); }
  }

  return (
    <form className="form" onSubmit={submit}>
      <div className="form-grid">
        {adding ? <>
          <SelectField label={t('plan.item.section')} required value={f.sectionId} onValue={(v) => setF((o) => ({ ...o, sectionId: v, parentId: '' }))}
            options={(sections ?? []).map((s) => ({ value: s.id, label: `${s.number}. ${s.phase ? t(`plan.phase.${s.phase}`) : s.title}` }))} />
          <SelectField label={t('plan.item.parent')} value={f.parentId} onValue={set('parentId')} hint={t('plan.item.parentHint')}
            options={[{ value: '', label: t('plan.item.noParent') }, ...parents.map((p) => ({ value: p.id, label: `${p.number}. ${p.title.slice(0, 80)}` }))]} />
          <TextField label={t('plan.item.number')} required maxLength={20} value={f.number} onValue={set('number')} />
        </> : null}
        <TextField label={t('plan.item.responsible')} required maxLength={300} value={f.responsible} onValue={set('responsible')} hint={t('plan.item.responsibleHint')} />
        <TextArea label={t('plan.item.title')} required maxLength={2000} className="span-2" value={f.title} onValue={set('title')} />
        <TextField label={t('plan.item.coExecutors')} maxLength={2000} value={f.coExecutors} onValue={set('coExecutors')} hint={t('plan.item.listHint')} />
        <TextField label={t('plan.item.deadlines')} maxLength={800} value={f.deadlines} onValue={set('deadlines')} pattern="\s*(\d{4}-\d{2}-\d{2}\s*(;\s*)?)*" hint={t('plan.item.deadlinesHint')} />
        <TextField label={t('plan.item.kpiName')} maxLength={500} value={f.kpiName} onValue={set('kpiName')} />
        <div className="form-grid form-grid-inner">
          <TextField label={t('plan.item.kpiTarget')} inputMode="decimal" maxLength={30} value={f.kpiTarget} onValue={set('kpiTarget')} />
          <TextField label={t('plan.item.kpiUnit')} maxLength={50} value={f.kpiUnit} onValue={set('kpiUnit')} />
        </div>
        <TextArea label={t('plan.item.expectedResult')} maxLength={4000} value={f.expectedResult} onValue={set('expectedResult')} />
        <TextArea label={t('plan.item.reportingForm')} maxLength={2000} value={f.reportingForm} onValue={set('reportingForm')} hint={t('plan.item.reportingFormHint')} />
        <SelectField label={t('plan.item.periodicity')} value={f.periodicity} onValue={set('periodicity')} options={PERIODICITIES.map((p) => ({ value: p, label: t(`plan.periodicity.${p}`) }))} />
      </div>
      <fieldset className="fieldset">
        <legend>{t('plan.item.strategies')}</legend>
        <div className="check-grid">
          {CADCA_STRATEGIES.map((s) => (
            <Checkbox key={s} label={t(`plan.strategy.${s}`)} checked={strategies.includes(s)} onChecked={(on) => setStrategies((o) => (on ? [...o, s] : o.filter((x) => x !== s)))} />
          ))}
        </div>
      </fieldset>
      <ErrorMessage error={error} />
      <div className="actions"><button type="submit" className="btn btn-primary" disabled={busy}>{submitLabel}</button></div>
    </form>
  );
}
