import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, EVIDENCE_CATEGORIES, type EvidenceItem } from '../../api.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { SelectField, TextArea, TextField } from '../../components/forms.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useRegions } from '../../reference.js';
import { Link, navigate } from '../../router.js';
import { useSession } from '../../session.js';

export function EvidenceCreatePage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const regions = useRegions();
  const scope = me?.actor.scope;
  const offered = scope?.national ? regions.list : regions.list.filter((r) => scope?.regions.includes(r.code));
  const [f, setF] = useState({ region: scope && !scope.national && scope.regions.length === 1 ? scope.regions[0]! : '', caseNumber: '', title: '', description: '', category: 'substance', quantity: '', location: '', holder: me?.user?.displayName ?? '', sealNumber: '' });
  const set = (k: keyof typeof f) => (v: string) => setF((o) => ({ ...o, [k]: v }));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body: Record<string, string> = {};
    for (const [k, v] of Object.entries(f)) if (v.trim()) body[k] = v.trim();
    try {
      const r = await api.post<{ item: EvidenceItem }>('/api/evidence', body);
      navigate(`/evidence/${r.item.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageTitle title={t('evidence.createTitle')}>{t('evidence.createTitle')}</PageTitle>
      <p><Link to="/evidence">{t('evidence.backToList')}</Link></p>
      <form className="card form" onSubmit={submit}>
        <div className="form-grid">
          <SelectField label={t('common.region')} required value={f.region} onValue={set('region')}
            options={[{ value: '', label: t('common.choose') }, ...offered.map((r) => ({ value: r.code, label: regions.name(r.code) }))]} />
          <TextField label={t('evidence.caseNumber')} required maxLength={64} hint={t('evidence.caseHint')} value={f.caseNumber} onValue={set('caseNumber')} />
          <TextField label={t('evidence.itemTitle')} required maxLength={300} className="span-2" value={f.title} onValue={set('title')} />
          <SelectField label={t('evidence.category')} required value={f.category} onValue={set('category')}
            options={EVIDENCE_CATEGORIES.map((c) => ({ value: c, label: t(`evidence.categories.${c}`) }))} />
          <TextField label={t('evidence.quantity')} maxLength={100} hint={t('evidence.quantityHint')} value={f.quantity} onValue={set('quantity')} />
          <TextField label={t('evidence.location')} required maxLength={200} hint={t('evidence.locationHint')} value={f.location} onValue={set('location')} />
          <TextField label={t('evidence.holder')} required maxLength={200} value={f.holder} onValue={set('holder')} />
          <TextField label={t('evidence.seal')} maxLength={64} value={f.sealNumber} onValue={set('sealNumber')} />
          <TextArea label={t('evidence.description')} maxLength={5000} className="span-2" value={f.description} onValue={set('description')} />
        </div>
        <ErrorMessage error={error} />
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>{t('evidence.register')}</button>
          <Link className="btn" to="/evidence">{t('common.cancel')}</Link>
        </div>
      </form>
    </>
  );
}
