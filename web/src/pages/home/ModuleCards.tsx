import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard, Lang } from '../../api.js';
import { formatNumber } from '../../lib/format.js';
import { useRegions } from '../../reference.js';
import { Link } from '../../router.js';

/** One figure of a home card; `warn` marks figures that ask for action (overdue, pending). */
export function Figure({ label, value, tone }: { label: string; value: string; tone?: 'warn' }) {
  return (
    <div className={`figure ${tone === 'warn' ? 'figure-warn' : ''}`}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function Card({ id, title, link, children }: { id: string; title: string; link: { to: string; label: string }; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={`card-${id}`}>
      <h2 id={`card-${id}`}>{title}</h2>
      {children}
      <p><Link to={link.to}>{link.label}</Link></p>
    </section>
  );
}

const LABELS = ['drug_sale', 'courier_recruitment', 'drug_propaganda'] as const;
/** Cyber-supervision figures that ask someone to act (all but blocks); each present only when the caller may read it. */
const ACTIONS = ['pendingReview', 'requestsAwaitingApproval', 'requestsToSend', 'openAlerts', 'blockedThisWeek'] as const;

/**
 * Home cards of the domain modules (cyber-supervision, situation, rating, plan): each shows
 * the few figures a user acts on and links to the module. Rendered only for cards the
 * server sent, i.e. only for what the caller's roles and region scope allow.
 */
export function ModuleCards({ cards }: { cards: Dashboard['cards'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const regions = useRegions();
  const n = (v: number | undefined) => formatNumber(v ?? 0, lang);
  const out: ReactNode[] = [];
  if (cards.monitor) {
    const w = cards.monitor.week;
    const flagged = LABELS.reduce((a, l) => a + (w[l] ?? 0), 0);
    out.push(
      <Card key="monitor" id="monitor" title={t('home.monitor.title')} link={{ to: '/monitor', label: t('home.monitor.open') }}>
        <dl className="figures">
          <Figure label={t('home.monitor.flagged')} value={n(flagged)} tone={flagged > 0 ? 'warn' : undefined} />
          {LABELS.map((l) => <Figure key={l} label={t(`home.monitor.label.${l}`)} value={n(w[l])} />)}
          <Figure label={t('home.monitor.benign')} value={n(w.benign)} />
          {ACTIONS.filter((k) => cards.monitor![k] !== undefined).map((k) => (
            <Figure key={k} label={t(`home.monitor.${k}`)} value={n(cards.monitor![k])} tone={k !== 'blockedThisWeek' && (cards.monitor![k] ?? 0) > 0 ? 'warn' : undefined} />
          ))}
        </dl>
        <p><Link to="/monitor/stats">{t('home.monitor.stats')}</Link></p>
      </Card>,
    );
  }
  if (cards.situation) {
    const s = cards.situation;
    const submitted = s.values.submitted ?? 0;
    out.push(
      <Card key="situation" id="situation" title={t('home.situation.title')} link={{ to: '/situation', label: t('home.situation.open') }}>
        <dl className="figures">
          <Figure label={t('home.situation.indicators')} value={n(s.indicators)} />
          <Figure label={t('home.situation.accepted')} value={n(s.values.accepted)} />
          <Figure label={t('home.situation.submitted')} value={n(submitted)} tone={submitted > 0 ? 'warn' : undefined} />
          <Figure label={t('home.situation.latest')} value={s.latest.month ?? s.latest.quarter ?? s.latest.year ?? '—'} />
        </dl>
      </Card>,
    );
  }
  if (cards.rating) {
    const r = cards.rating;
    const drafts = Object.values(r.pending).reduce((a, v) => a + v, 0);
    out.push(
      <Card key="rating" id="rating" title={t('home.rating.title')} link={{ to: r.latest ? `/rating/${r.latest.id}` : '/rating', label: t('home.rating.open') }}>
        {r.latest ? (
          <>
            <p className="muted small">{t('home.rating.latest', { period: r.latest.period })}</p>
            <ol>
              {r.latest.top.map((row) => <li key={row.region}>{regions.name(row.region)} — {formatNumber(Math.round(row.score * 10) / 10, lang)}</li>)}
            </ol>
          </>
        ) : <p className="muted">{t('home.rating.none')}</p>}
        {drafts > 0 ? <p className="alert alert-warn small">{t('home.rating.pending', { n: drafts })}</p> : null}
      </Card>,
    );
  }
  if (cards.plan) {
    const p = cards.plan;
    out.push(
      <Card key="plan" id="plan" title={t('home.plan.title')} link={{ to: '/plan/dashboard', label: t('home.plan.open') }}>
        <dl className="figures">
          <Figure label={t('home.plan.items')} value={n(p.items)} />
          <Figure label={t('home.plan.done')} value={n(p.counts.done)} />
          <Figure label={t('home.plan.overdue')} value={n(p.counts.overdue)} tone={p.counts.overdue > 0 ? 'warn' : undefined} />
          <Figure label={t('home.plan.pending')} value={n(p.pendingReports)} tone={p.pendingReports > 0 ? 'warn' : undefined} />
        </dl>
      </Card>,
    );
  }
  if (cards.finance) {
    const f = cards.finance;
    const amounts = Object.entries(f.exchangeExits.amounts).map(([asset, v]) => `${formatNumber(v, lang)} ${asset}`).join(', ');
    out.push(
      <Card key="finance" id="finance" title={t('home.finance.title')} link={{ to: '/finance', label: t('home.finance.open') }}>
        <dl className="figures">
          <Figure label={t('home.finance.tracesWeek')} value={n(f.tracesWeek)} />
          <Figure label={t('home.finance.exchangeExits')} value={n(f.exchangeExits.exits)} />
          <Figure label={t('home.finance.exchangeAddresses')} value={n(f.exchangeExits.addresses)} />
          {f.droppers ? FINANCE_STATUSES.map((s) => <Figure key={s} label={`${t('home.finance.droppers')}: ${t(`home.finance.status.${s}`)}`} value={n(f.droppers![s])} />) : null}
          {f.droppersFromAdsWeek !== undefined ? <Figure label={t('home.finance.fromAds')} value={n(f.droppersFromAdsWeek)} tone={f.droppersFromAdsWeek > 0 ? 'warn' : undefined} /> : null}
          {f.openRequests ? (
            <>
              <Figure label={t('home.finance.openBank')} value={n(f.openRequests.bank)} />
              <Figure label={t('home.finance.openExchange')} value={n(f.openRequests.exchange)} />
              <Figure label={t('home.finance.drafts')} value={n(f.openRequests.drafts)} tone={f.openRequests.drafts > 0 ? 'warn' : undefined} />
            </>
          ) : null}
        </dl>
        {amounts ? <p className="muted small">{t('home.finance.amounts', { list: amounts })}</p> : null}
        {f.droppers ? <p><Link to="/finance/droppers">{t('home.finance.registry')}</Link></p> : null}
      </Card>,
    );
  }
  return <>{out}</>;
}

/** Dropper registry statuses in the order of their lifecycle (finance/droppers). */
const FINANCE_STATUSES = ['reported', 'confirmed', 'blocked', 'cleared'] as const;
