import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox, TextField } from '../../../components/forms.js';
import type { Normalisation } from '../types.js';

/** What the analyst chooses about the values and the Monte Carlo run (new draft or recompute). */
export interface InputsValue {
  source: 'csv' | 'situation';
  csv: string | null;
  fileName: string;
  runs: string;
  seed: string;
  jitter: string;
  normalisations: Normalisation[];
}

export const DEFAULT_INPUTS: InputsValue = { source: 'csv', csv: null, fileName: '', runs: '1000', seed: '1', jitter: '20', normalisations: [] };

/** Request body fields for the chosen inputs; without a file, `keepValues` leaves the stored ones. */
export function inputsBody(v: InputsValue, keepValues = false): Record<string, unknown> {
  const values = v.source === 'situation' ? { source: 'situation' } : v.csv !== null ? { source: 'csv', csv: v.csv, inputNote: v.fileName } : keepValues ? {} : { source: 'csv' };
  return { ...values, sensitivity: { runs: Number(v.runs), seed: Number(v.seed), weightJitter: Number(v.jitter) / 100, normalisations: v.normalisations } };
}

const CHOICES: Normalisation[] = ['minmax', 'rank', 'target', 'zscore'];

/** File upload (or the situation service when available) plus seeded sensitivity settings. */
export function InputsFields({ value, onChange, situation, requireFile }: { value: InputsValue; onChange(v: InputsValue): void; situation: boolean; requireFile: boolean }) {
  const { t } = useTranslation();
  const fileId = useId();
  const set = (patch: Partial<InputsValue>) => onChange({ ...value, ...patch });
  const read = async (file: File | undefined) => set(file ? { csv: await file.text(), fileName: file.name } : { csv: null, fileName: '' });
  return (
    <>
      <fieldset className="fieldset">
        <legend>{t('rating.inputs')}</legend>
        {situation ? (
          <div className="radios">
            {(['csv', 'situation'] as const).map((s) => (
              <label key={s}><input type="radio" name="rt-source" value={s} checked={value.source === s} onChange={() => set({ source: s })} /> {t(`rating.sources.${s}`)}</label>
            ))}
          </div>
        ) : <p className="hint">{t('rating.situationPending')}</p>}
        {value.source === 'csv' ? (
          <div className="field">
            <label htmlFor={fileId}>{t('rating.csvFile')}{requireFile ? <span className="req" aria-hidden="true"> *</span> : null}</label>
            <input id={fileId} type="file" accept=".csv,text/csv" required={requireFile} aria-describedby={`${fileId}-hint`} onChange={(e) => void read(e.target.files?.[0])} />
            <p className="hint" id={`${fileId}-hint`}>{requireFile ? t('rating.csvHint') : t('rating.csvKeepHint')}</p>
          </div>
        ) : null}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('rating.sens.title')}</legend>
        <div className="form-grid form-grid-3">
          <TextField label={t('rating.sens.runs')} type="number" min={1} max={10000} required value={value.runs} onValue={(runs) => set({ runs })} />
          <TextField label={t('rating.sens.seed')} type="number" min={0} max={4294967295} required value={value.seed} onValue={(seed) => set({ seed })} hint={t('rating.sens.seedHint')} />
          <TextField label={t('rating.sens.jitter')} type="number" min={0} max={99} required value={value.jitter} onValue={(jitter) => set({ jitter })} />
        </div>
        <p className="hint">{t('rating.sens.normHint')}</p>
        <div className="check-grid">
          {CHOICES.map((n) => (
            <Checkbox key={n} label={t(`rating.normalisations.${n}`)} checked={value.normalisations.includes(n)}
              onChecked={(on) => set({ normalisations: on ? [...value.normalisations, n] : value.normalisations.filter((x) => x !== n) })} />
          ))}
        </div>
      </fieldset>
    </>
  );
}
