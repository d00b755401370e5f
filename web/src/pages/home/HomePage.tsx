import { useTranslation } from 'react-i18next';
import { api, type Dashboard, type Lang } from '../../api.js';
import { ErrorMessage, Loading } from '../../components/ErrorMessage.js';
import { PageTitle } from '../../components/PageTitle.js';
import { RegionMap } from '../../components/RegionMap.js';
import { ScopeText } from '../../components/ScopePicker.js';
import { formatDateTime, formatNumber } from '../../lib/format.js';
import { useApi } from '../../lib/useApi.js';
import { useRegions } from '../../reference.js';
import { Link, navigate } from '../../router.js';
import { useSession } from '../../session.js';
import { Figure, ModuleCards } from './ModuleCards.js';


function EvidenceCard({ rows }: { rows: NonNullable<Dashboard['cards']['evidence']> }) {
  const { t, i18n } = useTranslation();
  const regions = useRegions();
  const lang = i18n.language as Lang;
  const byStatus = (s: string) => rows.filter((r) => r.status === s).reduce((a, r) => a + r.n, 0);
  const { me } = useSession();
  const scope = me?.actor.scope;
  // Regions in scope without items are a real zero, not "no data"; regions outside stay blank.
  const perRegion: Record<string, number> = {};
  for (const r of regions.list) if (scope?.national || scope?.regions.includes(r.code)) perRegion[r.code] = 0;
  for (const r of rows) if (r.status !== 'disposed') perRegion[r.region] = (perRegion[r.region] ?? 0) + r.n;
  const ranked = Object.entries(perRegion).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((a, r) => a + r.n, 0);
  return (
    <section className="card card-wide" aria-labelledby="card-evidence">
      <h2 id="card-evidence">{t('home.evidence.title')}</h2>
      <dl className="figures">
        <Figure label={t('home.evidence.total')} value={formatNumber(total, lang)} />
        <Figure label={t('evidence.status.in_storage')} value={formatNumber(byStatus('in_storage'), lang)} />
        <Figure label={t('evidence.status.checked_out')} value={formatNumber(byStatus('checked_out'), lang)} />
        <Figure label={t('evidence.status.disposed')} value={formatNumber(byStatus('disposed'), lang)} />
      </dl>
      <div className="map-and-table">
        <div className="map-box">
          <RegionMap values={perRegion} lang={lang} title={t('home.evidence.mapTitle')} onSelect={(code) => navigate(`/evidence?region=${encodeURIComponent(code)}`)} />
        </div>
        <table className="table table-compact">
          <caption>{t('home.evidence.byRegion')}</caption>
          <thead><tr><th scope="col">{t('common.region')}</th><th scope="col" className="num">{t('home.evidence.held')}</th></tr></thead>
          <tbody>
            {ranked.length === 0 ? <tr><td colSpan={2} className="muted">{t('home.evidence.none')}</td></tr> : ranked.map(([code, n]) => (
              <tr key={code}>
                <td><Link to={`/evidence?region=${encodeURIComponent(code)}`}>{regions.name(code)}</Link></td>
                <td className="num">{formatNumber(n, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p><Link to="/evidence">{t('home.evidence.open')}</Link></p>
    </section>
  );
}

export function HomePage() {
  const { t, i18n } = useTranslation();
  const { me, can } = useSession();
  const lang = i18n.language as Lang;
  const dash = useApi(() => api.get<Dashboard>('/api/dashboard'), []);
  const cards = dash.data?.cards;
  const name = me?.user?.displayName || me?.actor.name || '';
  return (
    <>
      <PageTitle title={t('home.title')}>{t('home.title')}</PageTitle>
      <p className="lead">
        {t('home.welcome', { name })}{' '}
        <span className="muted">{t('home.scope')}: <ScopeText national={me?.actor.scope.national ?? false} regions={me?.actor.scope.regions ?? []} /></span>
      </p>
      {me?.user && !me.user.totpEnabled ? (
        <p className="alert alert-warn">{t('home.no2fa')} <Link to="/profile">{t('home.no2faLink')}</Link></p>
      ) : null}
      <ErrorMessage error={dash.error} />
      {dash.loading && !cards ? <Loading /> : null}
      {cards?.evidence ? <EvidenceCard rows={cards.evidence} /> : null}
      {cards ? (
        <div className="cards">
          <ModuleCards cards={cards} />
          {cards.audit ? (
            <section className="card" aria-labelledby="card-audit">
              <h2 id="card-audit">{t('home.audit.title')}</h2>
              <dl className="figures">
                <Figure label={t('home.audit.events')} value={formatNumber(cards.audit.events24h, lang)} />
                <Figure label={t('home.audit.failed')} value={formatNumber(cards.audit.failedLogins24h, lang)} tone={cards.audit.failedLogins24h > 0 ? 'warn' : undefined} />
              </dl>
              {can('audit.read') ? <p><Link to="/audit">{t('home.audit.open')}</Link></p> : null}
            </section>
          ) : null}
          {cards.users ? (
            <section className="card" aria-labelledby="card-users">
              <h2 id="card-users">{t('home.users.title')}</h2>
              <dl className="figures">
                <Figure label={t('home.users.total')} value={formatNumber(cards.users.total, lang)} />
                <Figure label={t('home.users.mfa')} value={formatNumber(cards.users.withSecondFactor, lang)} />
                <Figure label={t('home.users.locked')} value={formatNumber(cards.users.locked, lang)} tone={cards.users.locked > 0 ? 'warn' : undefined} />
              </dl>
              {cards.users.locked > 0 ? <p className="alert alert-warn small">{t('home.users.lockedNote')}</p> : null}
              {can('users.read') ? <p><Link to="/users">{t('home.users.open')}</Link></p> : null}
            </section>
          ) : null}
          {Object.keys(cards).length === 0 ? <p className="muted">{t('home.empty')}</p> : null}
        </div>
      ) : null}
      {dash.data ? <p className="muted small">{t('home.generated', { at: formatDateTime(dash.data.generatedAt, lang) })}</p> : null}
    </>
  );
}
