import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../components/forms.js';
import { useRegions } from '../../reference.js';

export interface AuditFilter {
  from: string;
  to: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  region: string;
}

export const FILTER_KEYS: (keyof AuditFilter)[] = ['from', 'to', 'actor', 'action', 'entityType', 'entityId', 'region'];
export const ENTITY_TYPES = ['user', 'api_token', 'evidence_item'];

export function filterFromSearch(search: URLSearchParams): AuditFilter {
  const f = {} as AuditFilter;
  for (const k of FILTER_KEYS) f[k] = search.get(k) ?? '';
  return f;
}

/** Server query for a filter: calendar dates become the start and end of that day, local time. */
export function toQuery(f: AuditFilter): Record<string, string> {
  const q: Record<string, string> = {};
  for (const k of FILTER_KEYS) if (f[k].trim()) q[k] = f[k].trim();
  if (q.from) q.from = new Date(`${q.from}T00:00:00`).toISOString();
  if (q.to) q.to = new Date(`${q.to}T23:59:59.999`).toISOString();
  return q;
}

export function AuditFilters({ value, onApply }: { value: AuditFilter; onApply(f: AuditFilter): void }) {
  const { t } = useTranslation();
  const regions = useRegions();
  const [f, setF] = useState<AuditFilter>(value);
  const set = (k: keyof AuditFilter) => (v: string) => setF((old) => ({ ...old, [k]: v }));
  const submit = (e: FormEvent) => { e.preventDefault(); onApply(f); };
  const empty: AuditFilter = { from: '', to: '', actor: '', action: '', entityType: '', entityId: '', region: '' };
  return (
    <form className="card form filters" onSubmit={submit} role="search" aria-label={t('audit.filters')}>
      <div className="form-grid form-grid-4">
        <TextField label={t('audit.from')} type="date" value={f.from} onValue={set('from')} />
        <TextField label={t('audit.to')} type="date" value={f.to} onValue={set('to')} />
        <TextField label={t('audit.actor')} value={f.actor} onValue={set('actor')} hint={t('audit.actorHint')} />
        <TextField label={t('audit.action')} value={f.action} onValue={set('action')} hint={t('audit.actionHint')} spellCheck={false} />
        <SelectField label={t('audit.entityType')} value={f.entityType} onValue={set('entityType')}
          options={[{ value: '', label: t('common.any') }, ...ENTITY_TYPES.map((e) => ({ value: e, label: t(`audit.entity.${e}`) }))]} />
        <TextField label={t('audit.entityId')} value={f.entityId} onValue={set('entityId')} spellCheck={false} />
        <SelectField label={t('common.region')} value={f.region} onValue={set('region')}
          options={[{ value: '', label: t('common.any') }, ...regions.list.map((r) => ({ value: r.code, label: regions.name(r.code) }))]} />
      </div>
      <div className="actions">
        <button type="submit" className="btn btn-primary">{t('common.apply')}</button>
        <button type="button" className="btn" onClick={() => { setF(empty); onApply(empty); }}>{t('common.reset')}</button>
      </div>
    </form>
  );
}
