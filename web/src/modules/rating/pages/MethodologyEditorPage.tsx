import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api.js';
import { ErrorMessage, Loading } from '../../../components/ErrorMessage.js';
import { SelectField, TextArea, TextField } from '../../../components/forms.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useApi } from '../../../lib/useApi.js';
import type { PageProps } from '../../../routes.js';
import { Link, navigate, useLocation } from '../../../router.js';
// Straight from the engine's files (not its index), so the bundle gets the schema without the computation.
import { methodologyWarnings, parseMethodology } from '../../../../../src/modules/rating/engine/methodology.js';
import { RatingInputError } from '../../../../../src/modules/rating/engine/errors.js';
import type { Methodology, MethodologyVersion } from '../types.js';
import { IndicatorFields, emptyIndicator, toForm, toIndicator, type IndicatorForm } from './IndicatorFields.js';

interface Form { name: string; version: string; description: string; aggregation: string; missing: string; indicators: IndicatorForm[] }

const EMPTY: Form = { name: '', version: '1', description: '', aggregation: 'arithmetic', missing: 'reweight', indicators: [emptyIndicator()] };

/** "2024.1" → "2024.2", "3" → "4"; anything else gets "-2" appended. */
const nextVersion = (v: string) => (/\d+$/.test(v) ? v.replace(/\d+$/, (d) => String(Number(d) + 1)) : `${v}-2`);

function fromVersion(m: MethodologyVersion, asNew: boolean): Form {
  const c = m.config;
  return {
    name: m.name, version: asNew ? nextVersion(m.version) : m.version, description: c.description ?? '',
    aggregation: c.aggregation, missing: c.missing, indicators: c.indicators.map(toForm),
  };
}

/** The configuration as the engine reads it; the engine's own schema validates it here and on the server. */
function configOf(f: Form): Record<string, unknown> {
  return { ...(f.description.trim() ? { description: f.description.trim() } : {}), indicators: f.indicators.map(toIndicator), aggregation: f.aggregation, missing: f.missing };
}

/**
 * Methodology editor. `/rating/methodologies/new[?from=id]` creates a new version (a new row,
 * never an edit of a version in force); `/rating/methodologies/:id/edit` edits a draft.
 */
export function MethodologyEditorPage({ params }: PageProps) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const from = params.id ?? search.get('from');
  const editing = Boolean(params.id);
  const source = useApi(() => (from ? api.get<{ methodology: MethodologyVersion }>(`/api/rating/methodologies/${encodeURIComponent(from)}`) : Promise.resolve(null)), [from]);
  const [form, setForm] = useState<Form | null>(from ? null : EMPTY);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => { if (source.data) setForm(fromVersion(source.data.methodology, !editing)); }, [source.data, editing]);

  const check = useMemo(() => {
    if (!form) return { issues: [] as string[], warnings: [] as string[], parsed: null as Methodology | null };
    try {
      const parsed = parseMethodology({ ...configOf(form), name: form.name, version: form.version });
      return { issues: [], warnings: methodologyWarnings(parsed), parsed };
    } catch (e) {
      return { issues: e instanceof RatingInputError ? e.issues.map((i) => i.message) : [String(e)], warnings: [], parsed: null };
    }
  }, [form]);

  const title = editing ? t('rating.m.editTitle') : t('rating.m.newTitle');
  if (!form) return <><PageTitle title={title}>{title}</PageTitle><ErrorMessage error={source.error} />{source.loading ? <Loading /> : null}</>;
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const setIndicator = (k: number, v: IndicatorForm | null) => set({ indicators: v ? form.indicators.map((x, j) => (j === k ? v : x)) : form.indicators.filter((_, j) => j !== k) });
  const total = form.indicators.reduce((s, i) => s + (Number(i.weight) > 0 ? Number(i.weight) : 0), 0);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { name: form!.name.trim(), version: form!.version.trim(), config: configOf(form!) };
      const r = editing
        ? await api.put<{ methodology: MethodologyVersion }>(`/api/rating/methodologies/${encodeURIComponent(params.id!)}`, body)
        : await api.post<{ methodology: MethodologyVersion }>('/api/rating/methodologies', { ...body, ...(from ? { basedOn: from } : {}) });
      navigate(`/rating/methodologies/${r.methodology.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p><Link to="/rating/methodologies">{t('rating.m.back')}</Link></p>
      {!editing && from ? <p className="alert alert-info">{t('rating.m.newVersionNote')}</p> : null}
      <form className="card form" onSubmit={submit}>
        <div className="form-grid">
          <TextField label={t('rating.m.name')} required maxLength={200} value={form.name} onValue={(name) => set({ name })} />
          <TextField label={t('rating.m.version')} required maxLength={40} value={form.version} onValue={(version) => set({ version })} hint={t('rating.m.versionHint')} />
          <SelectField label={t('rating.m.aggregation')} value={form.aggregation} onValue={(aggregation) => set({ aggregation })}
            options={['arithmetic', 'geometric'].map((a) => ({ value: a, label: t(`rating.aggregations.${a}`) }))} hint={t('rating.m.aggregationHint')} />
          <SelectField label={t('rating.m.missing')} value={form.missing} onValue={(missing) => set({ missing })}
            options={['reweight', 'zero', 'mean'].map((a) => ({ value: a, label: t(`rating.missingRules.${a}`) }))} hint={t('rating.m.missingHint')} />
          <TextArea label={t('rating.m.description')} className="span-2" maxLength={2000} value={form.description} onValue={(description) => set({ description })} />
        </div>
        <h2>{t('rating.m.indicators')}</h2>
        {form.indicators.map((ind, k) => (
          <IndicatorFields key={k} index={k} value={ind} share={total > 0 && Number(ind.weight) > 0 ? (100 * Number(ind.weight)) / total : 0}
            onChange={(v) => setIndicator(k, v)} onRemove={form.indicators.length > 1 ? () => setIndicator(k, null) : undefined} />
        ))}
        <div className="actions"><button type="button" className="btn" onClick={() => set({ indicators: [...form.indicators, emptyIndicator()] })}>{t('rating.m.addIndicator')}</button></div>
        <div aria-live="polite">
          {check.issues.length ? (
            <div className="alert alert-warn"><strong>{t('rating.m.issues')}</strong><ul className="alert-details">{check.issues.map((i) => <li key={i}>{i}</li>)}</ul></div>
          ) : <p className="alert alert-ok small">{t('rating.m.valid')}</p>}
          {check.warnings.map((w) => <p key={w} className="alert alert-warn small">{w}</p>)}
        </div>
        <ErrorMessage error={error} />
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={busy || check.issues.length > 0}>{editing ? t('common.save') : t('rating.m.create')}</button>
          <Link className="btn" to="/rating/methodologies">{t('common.cancel')}</Link>
        </div>
      </form>
    </>
  );
}
