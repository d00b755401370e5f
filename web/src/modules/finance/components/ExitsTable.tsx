import { useTranslation } from 'react-i18next';
import { Link } from '../../../router.js';
import { addressPath, formatAmount, short } from '../lib.js';
import { formatTime } from '../time.js';
import type { TraceExit } from '../types.js';
import { CategoryBadge } from './CategoryBadge.js';

/**
 * Where the traced money left the chain of plain wallets. Each row's button selects the exit:
 * its path is highlighted in the graph and explained under the table — the keyboard route to
 * the same information the graph shows.
 */
export function ExitsTable({ exits, chain, asset, selected, onSelect }: { exits: TraceExit[]; chain: string; asset: string; selected: number | null; onSelect(i: number | null): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (!exits.length) return <p className="muted" data-testid="no-exits">{t('finance.trace.noExits')}</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="exits">
        <caption className="visually-hidden">{t('finance.trace.exits')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('finance.trace.service')}</th>
            <th scope="col">{t('finance.tags.category')}</th>
            <th scope="col">{t('finance.addressCol')}</th>
            <th scope="col" className="num">{t('finance.amount')} ({asset})</th>
            <th scope="col">{t('finance.time')}</th>
            <th scope="col" className="num">{t('finance.trace.hops')}</th>
            <th scope="col">{t('finance.trace.path')}</th>
          </tr>
        </thead>
        <tbody>
          {exits.map((x, i) => (
            <tr key={`${x.address}-${i}`} className={selected === i ? 'fin-selected' : undefined} data-exit={x.address}>
              <td>{x.service?.label ?? (x.reason === 'high-degree' ? t('finance.trace.highDegree') : t('finance.trace.unattributed'))}</td>
              <td><CategoryBadge category={x.service?.category} /></td>
              <td><Link to={addressPath(chain, x.address)} title={x.address}><code>{short(x.address, 8)}</code></Link></td>
              <td className="num nowrap">{formatAmount(x.amount, asset, lang)}</td>
              <td className="nowrap">{formatTime(x.time, lang)}</td>
              <td className="num">{x.hops}</td>
              <td>
                <button type="button" className="btn btn-small" aria-pressed={selected === i} onClick={() => onSelect(selected === i ? null : i)}>
                  {selected === i ? t('finance.trace.hidePath') : t('finance.trace.showPath')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One exit's dominant path, hop by hop, with the server's plain-language explanation. */
export function PathDetail({ exit, chain, asset }: { exit: TraceExit; chain: string; asset: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <section className="card" aria-labelledby="fin-path-title" data-testid="path-detail">
      <h2 id="fin-path-title">{t('finance.trace.pathTo', { service: exit.service?.label ?? short(exit.address, 8) })}</h2>
      <ol className="fin-path">
        {exit.path.map((h, i) => (
          <li key={i}>
            <span className="fin-hop-n">{t('finance.trace.hop', { n: i + 1 })}</span>{' '}
            <Link to={addressPath(chain, h.from)} title={h.from}><code>{short(h.from, 6)}</code></Link>
            {' → '}
            <Link to={addressPath(chain, h.to)} title={h.to}><code>{short(h.to, 6)}</code></Link>
            {' · '}<strong>{formatAmount(h.value, asset, lang)} {asset}</strong>
            {h.share !== undefined ? <> · {t('finance.trace.tainted', { pct: (h.share * 100).toFixed(1) })}</> : null}
            {' · '}{formatTime(h.time, lang)}
            <br /><span className="muted small">{t('finance.trace.tx')}: <code className="break">{h.tx}</code></span>
          </li>
        ))}
      </ol>
      {exit.explanation?.length ? (
        <details open>
          <summary>{t('finance.trace.explanation')}</summary>
          <pre className="pre-wrap fin-explain">{exit.explanation.join('\n')}</pre>
        </details>
      ) : null}
    </section>
  );
}
