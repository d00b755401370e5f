import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type Lang } from '../../../api.js';
import { Badge, type Tone } from '../../../components/Badge.js';
import { ErrorMessage, StatusMessage } from '../../../components/ErrorMessage.js';
import { SelectField, TextField } from '../../../components/forms.js';
import { formatDateTime } from '../../../lib/format.js';
import { useApi } from '../../../lib/useApi.js';
import { useRegions } from '../../../reference.js';
import { useSession } from '../../../session.js';
import { useRowErrorText } from '../components/RowErrors.js';
import { SituationHeader } from '../components/SituationTabs.js';
import { fmt, loadCatalogue, nameOf, unitOf, type Catalogue, type RowError, type SituationValue } from '../lib.js';

const TONE: Record<string, Tone> = { submitted: 'info', accepted: 'ok', returned: 'warn' };

/** A list of figures with their review state; the reviewer's comment is shown as text. */
export function ValueTable({ items, cat, lang, testId }: { items: SituationValue[]; cat: Catalogue | null; lang: Lang; testId?: string }) {
  const { t } = useTranslation();
  const regions = useRegions();
  if (!items.length) return <p className="muted">{t('situation.entry.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="table table-compact" data-testid={testId}>
        <thead><tr>
          <th scope="col">{t('situation.f.indicator')}</th><th scope="col">{t('situation.f.region')}</th><th scope="col">{t('situation.f.period')}</th>
          <th scope="col" className="num">{t('situation.f.value')}</th><th scope="col">{t('situation.f.status')}</th>
          <th scope="col">{t('situation.f.reviewComment')}</th><th scope="col">{t('situation.f.submittedAt')}</th>
        </tr></thead>
        <tbody>
          {items.map((v) => (
            <tr key={v.id}>
              <td>{nameOf(cat, v.indicatorCode, lang)}</td><td>{regions.name(v.region)}</td><td className="nowrap">{v.period}</td>
              <td className="num">{fmt(v.value, lang, 3)}</td>
              <td><Badge tone={TONE[v.status]}>{t(`situation.statuses.${v.status}`)}</Badge></td>
              <td className="pre-wrap">{v.reviewComment}</td>
              <td className="nowrap">{formatDateTime(v.submittedAt, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Enter one figure; below, the user's recent submissions and what was returned to their regions. */
export function EntryPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { me } = useSession();
  const regions = useRegions();
  const rowText = useRowErrorText();
  const cat = useApi(() => loadCatalogue(), []);
  const scope = me?.actor.scope;
  const offered = scope?.national ? regions.list : regions.list.filter((r) => scope?.regions.includes(r.code));
  const [f, setF] = useState({ indicator: '', region: scope && !scope.national && scope.regions.length === 1 ? scope.regions[0]! : '', period: '', value: '', source: '', note: '' });
  const set = (k: keyof typeof f) => (v: string) => setF((o) => ({ ...o, [k]: v }));
  const [error, setError] = useState<unknown>(null);
  const [ok, setOk] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const mine = useApi(() => api.get<{ items: SituationValue[] }>('/api/situation/values', { mine: 'true', limit: 50 }), [tick]);
  const returned = useApi(() => api.get<{ items: SituationValue[] }>('/api/situation/values', { status: 'returned', limit: 50 }), [tick]);
  const ind = cat.data?.items.find((i) => i.code === f.indicator);
  const rowErrors = error instanceof ApiError && error.code === 'situation.invalid_value' ? ((error.details as { errors?: RowError[] })?.errors ?? []) : [];

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null); setOk(null);
    try {
      await api.post('/api/situation/values', { indicator: f.indicator, region: f.region, period: f.period.trim(), value: f.value.trim(), ...(f.source.trim() ? { source: f.source.trim() } : {}), ...(f.note.trim() ? { note: f.note.trim() } : {}) });
      setOk(t('situation.entry.submitted'));
      setF((o) => ({ ...o, value: '', note: '' }));
      setTick((n) => n + 1);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <>
      <SituationHeader title={t('situation.tabs.entry')} />
      <p className="lead">{t('situation.entry.intro')}</p>
      <form className="card form" onSubmit={submit}>
        <div className="form-grid">
          <SelectField label={t('situation.f.indicator')} required className="span-2" value={f.indicator} onValue={set('indicator')}
            options={[{ value: '', label: t('common.choose') }, ...(cat.data?.items ?? []).filter((i) => i.active).map((i) => ({ value: i.code, label: i.names[lang] }))]} />
          <SelectField label={t('situation.f.region')} required value={f.region} onValue={set('region')}
            options={[{ value: '', label: t('common.choose') }, ...offered.map((r) => ({ value: r.code, label: regions.name(r.code) }))]} />
          <TextField label={t('situation.f.period')} required maxLength={10} placeholder="2026-03" hint={t('situation.entry.periodHint')} value={f.period} onValue={set('period')} />
          <TextField label={`${t('situation.f.value')}${ind ? ` (${unitOf(cat.data, ind.unit, lang)})` : ''}`} required inputMode="decimal" maxLength={40} value={f.value} onValue={set('value')} />
          <TextField label={t('situation.f.source')} maxLength={500} placeholder={ind?.source[lang]} value={f.source} onValue={set('source')} />
          <TextField label={t('situation.f.note')} maxLength={500} className="span-2" value={f.note} onValue={set('note')} />
        </div>
        <ErrorMessage error={error} />
        {rowErrors.length ? <ul className="alert-details">{rowErrors.map((e, i) => <li key={i}>{t(`situation.f.${e.column}`)}: {rowText(e)}</li>)}</ul> : null}
        <StatusMessage text={ok} />
        <div className="actions"><button type="submit" className="btn btn-primary">{t('situation.entry.submit')}</button></div>
      </form>
      <section aria-labelledby="sit-returned">
        <h2 id="sit-returned">{t('situation.entry.returned')}</h2>
        {returned.data ? <ValueTable items={returned.data.items} cat={cat.data} lang={lang} /> : null}
      </section>
      <section aria-labelledby="sit-mine">
        <h2 id="sit-mine">{t('situation.entry.mine')}</h2>
        <ErrorMessage error={mine.error} />
        {mine.data ? <ValueTable items={mine.data.items} cat={cat.data} lang={lang} testId="my-values" /> : null}
      </section>
    </>
  );
}
