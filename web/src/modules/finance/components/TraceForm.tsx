import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage.js';
import { Checkbox, SelectField, TextField } from '../../../components/forms.js';
import { useRegions } from '../../../reference.js';
import { navigate } from '../../../router.js';
import { useSession } from '../../../session.js';
import { financeApi } from '../client.js';
import { assetsOf } from '../lib.js';
import { MODELS, type Direction, type TaintModel } from '../types.js';

/**
 * Start a trace from one or more seed addresses. Defaults are the ones an investigator uses
 * first (forward, poison, 5 hops, 90 days); the model explanations sit under the choice so the
 * difference is clear before the result is cited in a case.
 */
export function TraceForm({ chain, seeds, defaultDirection = 'forward', firstSeen, lastSeen }: {
  chain: string; seeds: string[]; defaultDirection?: Direction;
  /** The seed's stored activity span: a window without an explicit start is anchored here. */
  firstSeen?: string | null; lastSeen?: string | null;
}) {
  const { t } = useTranslation();
  const assets = assetsOf(chain);
  const { me } = useSession();
  const regions = useRegions();
  // A run belongs to the region of its case; a user of one region needs no choice.
  const scope = me?.actor.scope ?? { national: false, regions: [] };
  const regionChoices = scope.national ? regions.list.map((r) => r.code) : scope.regions;
  const [f, setF] = useState({
    region: regionChoices.length === 1 ? regionChoices[0]! : '', caseNumber: '',
    asset: assets[0] ?? '', direction: defaultDirection as Direction, model: 'poison' as TaintModel, maxHops: '5',
    from: '', windowDays: '90', minValue: '', expandHighDegree: false, fetch: true, extraSeeds: '',
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = <K extends keyof typeof f>(k: K) => (v: (typeof f)[K]) => setF({ ...f, [k]: v });

  // A window needs an anchor: the start given, else the seed's first (forward) or last (backward)
  // stored activity. Without either (history not fetched yet) the run is not windowed.
  const window = (): { from?: string; windowSeconds?: number } => {
    const anchor = f.from ? new Date(f.from).toISOString() : (f.direction === 'forward' ? firstSeen : lastSeen) ?? undefined;
    const ws = f.windowDays ? Math.round(Number(f.windowDays) * 86_400) : undefined;
    if (f.from) return { from: anchor, ...(ws ? { windowSeconds: ws } : {}) };
    return ws && anchor ? { from: anchor, windowSeconds: ws } : {};
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true); setError(null);
    try {
      const more = f.extraSeeds.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);
      const run = await financeApi.runTrace({
        chain, asset: f.asset, seeds: [...new Set([...seeds, ...more])], direction: f.direction, model: f.model,
        maxHops: Number(f.maxHops),
        ...window(),
        ...(f.minValue ? { minValue: Number(f.minValue) } : {}),
        expandHighDegree: f.expandHighDegree, fetch: f.fetch,
        ...(f.region ? { region: f.region } : {}),
        ...(f.caseNumber.trim() ? { caseNumber: f.caseNumber.trim() } : {}),
      });
      navigate(`/finance/traces/${encodeURIComponent(run.id)}`);
    } catch (err) { setError(err); setBusy(false); }
  };

  return (
    <form className="card form" onSubmit={submit} aria-label={t('finance.trace.formTitle')} data-testid="trace-form">
      <h2>{t('finance.trace.formTitle')}</h2>
      <fieldset className="fieldset">
        <legend>{t('finance.trace.direction')}</legend>
        <div className="radios fin-radios">
          {(['forward', 'backward'] as const).map((d) => (
            <label key={d}><input type="radio" name="fin-direction" value={d} checked={f.direction === d} onChange={() => set('direction')(d)} /> {t(`finance.trace.dir.${d}`)}</label>
          ))}
        </div>
      </fieldset>
      <div className="form-grid form-grid-3">
        <SelectField label={t('finance.asset')} value={f.asset} onValue={set('asset')} options={assets.map((a) => ({ value: a, label: a }))} />
        <SelectField label={t('finance.trace.model')} value={f.model} onValue={(v) => set('model')(v as TaintModel)}
          options={MODELS.map((m) => ({ value: m, label: t(`finance.model.${m}`) }))} hint={t(`finance.modelHint.${f.model}`)} />
        <TextField label={t('finance.trace.maxHops')} type="number" min={1} max={20} required value={f.maxHops} onValue={set('maxHops')} />
        <TextField label={t('finance.trace.from')} type="datetime-local" value={f.from} onValue={set('from')} hint={t('finance.trace.fromHint')} />
        <TextField label={t('finance.trace.windowDays')} type="number" min={1} max={3650} value={f.windowDays} onValue={set('windowDays')} hint={t('finance.trace.windowHint')} />
        <TextField label={t('finance.trace.minValue', { asset: f.asset })} inputMode="decimal" type="number" min={0} step="any" value={f.minValue} onValue={set('minValue')} hint={t('finance.trace.minValueHint')} />
      </div>
      <div className="form-grid">
        {regionChoices.length > 1 ? (
          <SelectField label={t('finance.trace.region')} required value={f.region} onValue={set('region')} hint={t('finance.trace.regionHint')}
            options={[{ value: '', label: t('common.choose') }, ...regionChoices.map((c) => ({ value: c, label: regions.name(c) }))]} />
        ) : null}
        <TextField label={t('finance.trace.caseNumber')} maxLength={64} value={f.caseNumber} onValue={set('caseNumber')} />
      </div>
      <TextField label={t('finance.trace.extraSeeds')} value={f.extraSeeds} onValue={set('extraSeeds')} hint={t('finance.trace.extraSeedsHint')} />
      <Checkbox label={t('finance.trace.expandHighDegree')} checked={f.expandHighDegree} onChecked={set('expandHighDegree')} />
      <Checkbox label={t('finance.trace.fetch')} checked={f.fetch} onChecked={set('fetch')} />
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy || !f.asset || (regionChoices.length > 1 && !f.region)}>{busy ? t('finance.trace.running') : t('finance.trace.run')}</button>
      </div>
      <ErrorMessage error={error} />
    </form>
  );
}
