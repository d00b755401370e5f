import { useTranslation } from 'react-i18next';
import type { RoleName } from '../api.js';
import { useRegions } from '../reference.js';
import { useSession } from '../session.js';
import { Checkbox } from './forms.js';

export const ROLES: RoleName[] = ['admin', 'analyst', 'investigator', 'reviewer', 'regional_hq', 'auditor'];

export function RolePicker({ value, onChange }: { value: RoleName[]; onChange(v: RoleName[]): void }) {
  const { t } = useTranslation();
  const toggle = (r: RoleName, on: boolean) => onChange(on ? [...value, r] : value.filter((x) => x !== r));
  return (
    <fieldset className="fieldset">
      <legend>{t('users.roles')}<span className="req" aria-hidden="true"> *</span></legend>
      <div className="check-grid">
        {ROLES.map((r) => (
          <Checkbox key={r} name="role" value={r} checked={value.includes(r)} onChecked={(on) => toggle(r, on)}
            label={<><strong>{t(`roles.${r}`)}</strong><span className="check-desc">{t(`roles.${r}_desc`)}</span></>} />
        ))}
      </div>
    </fieldset>
  );
}

export interface Scope { national: boolean; regions: string[] }

/**
 * National scope or a set of regions. Only what the signed-in admin holds is offered: the
 * server refuses to grant a wider scope than the granter's own.
 */
export function ScopePicker({ value, onChange }: { value: Scope; onChange(v: Scope): void }) {
  const { t } = useTranslation();
  const regions = useRegions();
  const { me } = useSession();
  const mine = me?.actor.scope ?? { national: false, regions: [] };
  const offered = mine.national ? regions.list : regions.list.filter((r) => mine.regions.includes(r.code));
  const toggle = (code: string, on: boolean) =>
    onChange({ ...value, regions: on ? [...value.regions, code] : value.regions.filter((c) => c !== code) });
  return (
    <fieldset className="fieldset">
      <legend>{t('scope.title')}<span className="req" aria-hidden="true"> *</span></legend>
      {mine.national ? (
        <Checkbox label={t('scope.national')} checked={value.national} onChecked={(on) => onChange({ national: on, regions: on ? [] : value.regions })} />
      ) : null}
      {!value.national ? (
        <>
          <p className="hint">{t('scope.pickRegions')}</p>
          <div className="check-grid regions-grid">
            {offered.map((r) => (
              <Checkbox key={r.code} name="region" value={r.code} checked={value.regions.includes(r.code)} onChecked={(on) => toggle(r.code, on)} label={regions.name(r.code)} />
            ))}
          </div>
        </>
      ) : null}
    </fieldset>
  );
}

/** "National" or the region names, for tables. */
export function ScopeText({ national, regions }: Scope) {
  const { t } = useTranslation();
  const names = useRegions();
  if (national) return <>{t('scope.national')}</>;
  if (!regions.length) return <>{t('scope.none')}</>;
  return <>{regions.map((c) => names.name(c)).join(', ')}</>;
}
