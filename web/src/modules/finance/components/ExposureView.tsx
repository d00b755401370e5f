import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../../components/ErrorMessage.js';
import { SelectField, TextField } from '../../../components/forms.js';
import { useApi } from '../../../lib/useApi.js';
import { financeApi } from '../client.js';
import type { Direction } from '../types.js';
import { CategoryBadge } from './CategoryBadge.js';

const ExposureChart = lazy(() => import('./ExposureChart.js'));

/**
 * Exposure of an address or cluster: which share of its funds came from (backward) or went to
 * (forward) each service category, directly (one hop) or through intermediaries.
 */
export function ExposureView({ chain, address, clusterId }: { chain: string; address?: string; clusterId?: string }) {
  const { t } = useTranslation();
  const [direction, setDirection] = useState<Direction>('backward');
  const [maxHops, setMaxHops] = useState('4');
  const hops = Math.min(10, Math.max(1, Number(maxHops) || 4));
  const res = useApi(() => financeApi.exposure({ chain, address, clusterId, direction, maxHops: hops }), [chain, address, clusterId, direction, hops]);
  const cats = res.data ? [...new Set([...Object.keys(res.data.direct), ...Object.keys(res.data.indirect)])].sort((a, b) =>
    ((res.data!.direct[b] ?? 0) + (res.data!.indirect[b] ?? 0)) - ((res.data!.direct[a] ?? 0) + (res.data!.indirect[a] ?? 0))) : [];
  const pct = (v: number | undefined) => (v ? `${(v * 100).toFixed(1)}%` : '—');
  return (
    <section className="card" aria-labelledby="fin-exposure-title" data-testid="exposure">
      <h2 id="fin-exposure-title">{t('finance.exposure.title')}</h2>
      <div className="form-grid form-grid-4">
        <SelectField label={t('finance.trace.direction')} value={direction} onValue={(v) => setDirection(v as Direction)}
          options={[{ value: 'backward', label: t('finance.exposure.incoming') }, { value: 'forward', label: t('finance.exposure.outgoing') }]} />
        <TextField label={t('finance.trace.maxHops')} type="number" min={1} max={10} value={maxHops} onValue={setMaxHops} />
      </div>
      <ErrorMessage error={res.error} />
      {res.loading && !res.data ? <Loading /> : null}
      {res.data ? (cats.length === 0 ? <p className="muted">{t('finance.exposure.none')}</p> : (
        <>
          <Suspense fallback={<Loading />}>
            <ExposureChart categories={cats} direct={res.data.direct} indirect={res.data.indirect} label={t('finance.exposure.chart')} />
          </Suspense>
          <table className="table table-compact">
            <thead><tr><th scope="col">{t('finance.tags.category')}</th><th scope="col" className="num">{t('finance.exposure.direct')}</th><th scope="col" className="num">{t('finance.exposure.indirect')}</th></tr></thead>
            <tbody>
              {cats.map((c) => <tr key={c}><td><CategoryBadge category={c} /></td><td className="num">{pct(res.data!.direct[c])}</td><td className="num">{pct(res.data!.indirect[c])}</td></tr>)}
            </tbody>
          </table>
        </>
      )) : null}
    </section>
  );
}
