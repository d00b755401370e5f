import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api.js';
import { ErrorMessage, Loading } from '../../../components/ErrorMessage.js';
import { SelectField, TextField } from '../../../components/forms.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useApi } from '../../../lib/useApi.js';
import { Link, navigate } from '../../../router.js';
import type { MethodologyVersion, Rating } from '../types.js';
import { DEFAULT_INPUTS, InputsFields, inputsBody, type InputsValue } from './InputsFields.js';

const PERIOD = '[0-9A-Za-z._\\-]{1,32}';

/** Compute a draft rating: an active methodology version, a period (and one to compare with), the values. */
export function RatingNewPage() {
  const { t } = useTranslation();
  const methodologies = useApi(() => api.get<{ items: MethodologyVersion[] }>('/api/rating/methodologies'), []);
  const sources = useApi(() => api.get<{ situation: boolean }>('/api/rating/sources'), []);
  const active = (methodologies.data?.items ?? []).filter((m) => m.status === 'active');
  const [methodologyId, setMethodologyId] = useState('');
  const [period, setPeriod] = useState('');
  const [previousPeriod, setPreviousPeriod] = useState('');
  const [inputs, setInputs] = useState<InputsValue>(DEFAULT_INPUTS);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const chosen = methodologyId || active[0]?.id || '';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { methodologyId: chosen, period: period.trim(), ...(previousPeriod.trim() ? { previousPeriod: previousPeriod.trim() } : {}), ...inputsBody(inputs) };
      const r = await api.post<{ rating: Rating }>('/api/rating/ratings', body);
      navigate(`/rating/${r.rating.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageTitle title={t('rating.newRating')}>{t('rating.newRating')}</PageTitle>
      <p><Link to="/rating">{t('rating.backToList')}</Link></p>
      {methodologies.loading ? <Loading /> : null}
      {methodologies.data && active.length === 0 ? <p className="alert alert-warn">{t('rating.noActive')} <Link to="/rating/methodologies">{t('rating.methodologies')}</Link></p> : null}
      <form className="card form" onSubmit={submit}>
        <div className="form-grid form-grid-3">
          <SelectField label={t('rating.methodology')} required value={chosen} onValue={setMethodologyId}
            options={active.map((m) => ({ value: m.id, label: `${m.name} ${m.version}` }))} />
          <TextField label={t('rating.period')} required pattern={PERIOD} maxLength={32} value={period} onValue={setPeriod} hint={t('rating.periodHint')} />
          <TextField label={t('rating.previousPeriod')} pattern={PERIOD} maxLength={32} value={previousPeriod} onValue={setPreviousPeriod} hint={t('rating.previousHint')} />
        </div>
        <InputsFields value={inputs} onChange={setInputs} situation={Boolean(sources.data?.situation)} requireFile />
        <ErrorMessage error={error} />
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={busy || !chosen}>{t('rating.actions.compute')}</button>
          <Link className="btn" to="/rating">{t('common.cancel')}</Link>
        </div>
      </form>
    </>
  );
}
