import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../api.js';
import { Badge } from '../../../components/Badge.js';
import { ErrorMessage, Loading, StatusMessage } from '../../../components/ErrorMessage.js';
import { Checkbox } from '../../../components/forms.js';
import { useApi } from '../../../lib/useApi.js';
import { useSession } from '../../../session.js';
import { IndicatorForm } from '../components/IndicatorForm.js';
import { SituationHeader } from '../components/SituationTabs.js';
import { loadCatalogue, type Indicator } from '../lib.js';

/** The indicator catalogue; admins add and edit entries (every change is audited by the server). */
export function CataloguePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { can } = useSession();
  const [tick, setTick] = useState(0);
  const cat = useApi(() => loadCatalogue(tick > 0), [tick]);
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<Indicator | 'new' | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  const manage = can('situation.manage');
  const items = (cat.data?.items ?? []).filter((i) => showInactive || i.active);

  const done = (saved: boolean) => {
    setEditing(null);
    if (saved) { setOk(t('situation.catalogue.saved')); setTick((n) => n + 1); }
  };

  return (
    <>
      <SituationHeader title={t('situation.tabs.catalogue')} />
      <p className="lead">{t('situation.catalogue.intro')}</p>
      <div className="toolbar">
        <Checkbox label={t('situation.catalogue.showInactive')} checked={showInactive} onChecked={setShowInactive} />
        {manage && !editing ? <button type="button" className="btn btn-primary" onClick={() => { setOk(null); setEditing('new'); }}>{t('situation.catalogue.add')}</button> : null}
      </div>
      <StatusMessage text={ok} />
      {editing && cat.data ? <IndicatorForm key={editing === 'new' ? 'new' : editing.code} cat={cat.data} initial={editing === 'new' ? null : editing} onDone={done} /> : null}
      <ErrorMessage error={cat.error} />
      {cat.loading && !cat.data ? <Loading /> : null}
      {cat.data ? (
        <div className="table-wrap">
          <table className="table table-compact">
            <thead><tr>
              <th scope="col">{t('situation.f.code')}</th><th scope="col">{t('situation.f.indicator')}</th><th scope="col">{t('situation.f.category')}</th>
              <th scope="col">{t('situation.f.unit')}</th><th scope="col">{t('situation.f.periods')}</th><th scope="col">{t('situation.f.polarity')}</th>
              <th scope="col">{t('situation.f.perCapita')}</th>
              {manage ? <th scope="col"><span className="visually-hidden">{t('situation.f.actions')}</span></th> : null}
            </tr></thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.code} data-indicator={i.code}>
                  <td className="nowrap"><code>{i.code}</code></td>
                  <td>
                    {i.names[lang]}{!i.active ? <> <Badge tone="neutral">{t('situation.catalogue.inactive')}</Badge></> : null}
                    {i.description[lang] ? <div className="muted small">{i.description[lang]}</div> : null}
                    <div className="muted small">{t('situation.f.source')}: {i.source[lang]}</div>
                  </td>
                  <td>{cat.data!.categories[i.category]?.[lang] ?? i.category}</td>
                  <td className="nowrap">{cat.data!.units[i.unit]?.[lang] ?? i.unit}</td>
                  <td>{i.periods.map((k) => t(`situation.kinds.${k}`)).join(', ')}</td>
                  <td>{t(`situation.polarity.${i.polarity}`)}</td>
                  <td>{t(i.perCapita ? 'situation.yes' : 'situation.no')}</td>
                  {manage ? <td><button type="button" className="btn btn-small" onClick={() => { setOk(null); setEditing(i); }}>{t('situation.catalogue.edit')}</button></td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
