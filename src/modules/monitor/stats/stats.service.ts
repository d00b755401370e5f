/**
 * Cyber-supervision statistics: the funnel found → confirmed → requested → blocked → restored
 * by period (Kazakhstan calendar), region, label and source, and how long it takes from first
 * detection to a block (median and 90th percentile). See docs/monitor-stats.md for the exact
 * definition of every figure.
 *
 * Data: items and review decisions (found, confirmed) and request entries (requested, blocked,
 * restored). The review and requests services export per-id status and whole-range summaries
 * only, so the period/region/label/source breakdowns read their tables here, read-only, with
 * the same scope rules as those services (items: overlap of regions, requests: their region).
 */
import { and, eq, exists, sql, type SQL } from 'drizzle-orm';
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { regionCondition } from '../../../platform/db/scope.js';
import { AppError } from '../../../platform/errors/catalogue.js';
import { isRegionCode } from '../../../platform/geo/regions.js';
import { itemScope, ITEM_LABELS } from '../items.service.js';
import { monitorRequestEntries as e, monitorRequests as r } from '../requests/schema.js';
import { monitorReviewDecisions as d } from '../review/schema.js';
import { monitorItems as i, monitorSources as s } from '../schema.js';
import { resolveRange, STATS_TZ, type Granularity, type PeriodRange } from './periods.js';

export const METRICS = ['found', 'confirmed', 'requested', 'blocked', 'restored'] as const;
export type Metric = (typeof METRICS)[number];
export type Counts = Record<Metric, number>;

/** Filters of the statistics; dates are Kazakhstan calendar dates, inclusive. */
export interface StatsQuery {
  granularity?: Granularity;
  from?: string;
  to?: string;
  region?: string;
  label?: string;
  source?: string;
}

/** Detection → block durations (hours) of the resources first blocked in a period. */
export interface Durations { blocked: number; medianHours: number | null; p90Hours: number | null }

/** One row of a breakdown: the counts plus, where blocks happened, the durations. */
export type StatsRow = Counts & Durations & { key: string };

export interface StatsResult {
  range: PeriodRange;
  tz: string;
  filters: { region: string | null; label: string | null; source: string | null };
  totals: Counts & Durations;
  series: StatsRow[];
  byRegion: StatsRow[];
  byLabel: StatsRow[];
  bySource: StatsRow[];
}

const zero = (key: string): StatsRow => ({ key, found: 0, confirmed: 0, requested: 0, blocked: 0, restored: 0, medianHours: null, p90Hours: null });
const hours = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);
const rowsOf = <T>(x: unknown) => (x as { rows: T[] }).rows;

/** What one grouped row of either query carries (g: grouping() bitmask of bucket, region, label, source). */
interface Grouped { metric: Metric; g: number; bucket: string | null; region: string | null; label: string | null; source: string | null; n: number; median: number | null; p90: number | null }

/** grouping() bits: a set bit means the column is NOT grouped in that row. */
const SETS = { total: 0b1111, bucket: 0b0111, region: 0b1011, label: 0b1101, source: 0b1110 } as const;

/** Kazakhstan-calendar bucket of a timestamp expression. */
const bucketOf = (ts: SQL, g: Granularity) => sql`to_char(date_trunc(${g}, ${ts} at time zone ${sql.raw(`'${STATS_TZ}'`)}), 'YYYY-MM-DD')`;
/** Range bounds as instants: midnight in Almaty of the first day and of the day after the last. */
const bounds = (range: PeriodRange) => ({
  lo: sql`(${range.from}::date)::timestamp at time zone ${sql.raw(`'${STATS_TZ}'`)}`,
  hi: sql`(${range.until}::date)::timestamp at time zone ${sql.raw(`'${STATS_TZ}'`)}`,
});
const groupingSets = sql.raw(`group by grouping sets ((metric), (metric, bucket), (metric, region), (metric, label), (metric, source))`);

/**
 * found (flagged by detection, at detection time, by the detector's label) and confirmed (review
 * status confirmed, at the first confirmation, by the label the first confirming reviewer gave).
 * A post the detector called benign and a reviewer confirmed counts as confirmed: the detector's
 * misses that people caught belong in the figure.
 */
async function itemEvents(db: Db, actor: Actor, q: StatsQuery, range: PeriodRange, g: Granularity): Promise<Grouped[]> {
  const { lo, hi } = bounds(range);
  const c: (SQL | undefined)[] = [itemScope(actor)];
  if (q.region) c.push(sql`${q.region} = any(${i.regions})`);
  if (q.source) c.push(eq(s.name, q.source));
  const inScope = and(...c) ?? sql`true`; // national callers with no filter: no condition at all
  const where = and(inScope, sql`${i.label} is not null`, sql`${i.label} <> 'benign'`, q.label ? eq(i.label, q.label) : undefined);
  const confirmedLabel = sql`coalesce((select x.label from ${d} x where x.item_id = ${i.id} and x.decision = 'confirmed' order by x.decided_at limit 1), ${i.label})`;
  // An item's review status is confirmed when confirmations outnumber rejections (review.service aggregate()).
  const confirmedAt = sql`(select min(x.decided_at) filter (where x.decision = 'confirmed') from ${d} x where x.item_id = ${i.id}
    having count(*) filter (where x.decision = 'confirmed') > count(*) filter (where x.decision = 'rejected'))`;
  const res = await db.execute(sql`
    with ev as (
      select ${i.id} as id, 'found' as metric, ${i.detectedAt} as at, ${i.label} as label, ${s.name} as source, ${i.regions} as regions
        from ${i} join ${s} on ${s.id} = ${i.sourceId} where ${where} and ${i.detectedAt} >= ${lo} and ${i.detectedAt} < ${hi}
      union all
      select id, 'confirmed', at, label, source, regions from (
        select ${i.id} as id, ${confirmedAt} as at, ${confirmedLabel} as label, ${s.name} as source, ${i.regions} as regions
          from ${i} join ${s} on ${s.id} = ${i.sourceId}
          where ${inScope} and exists (select 1 from ${d} y where y.item_id = ${i.id} and y.decision = 'confirmed')
      ) c where at >= ${lo} and at < ${hi}${q.label ? sql` and label = ${q.label}` : sql``}
    ), flat as (
      -- one row per named region (items naming none count under '' = national desk); distinct ids keep totals exact
      select ev.id, ev.metric, ${bucketOf(sql`ev.at`, g)} as bucket, ev.label, ev.source, rg.region
        from ev cross join lateral unnest(case when cardinality(ev.regions) = 0 then array['']::text[] else ev.regions end) as rg(region)
    )
    select metric, grouping(bucket, region, label, source)::int as g, bucket, region, label, source, count(distinct id)::int as n,
      null::float8 as median, null::float8 as p90
    from flat ${groupingSets}`);
  return rowsOf<Grouped>(res);
}

/**
 * requested (sent), blocked (first block of the request) and restored (the entry, or the whole
 * request when no entry has its own outcome) — per resource: a URL or handle sent to two
 * targets, or in two requests, counts once, at its first event. Monitoring's requests only.
 */
async function requestEvents(db: Db, actor: Actor, q: StatsQuery, range: PeriodRange, g: Granularity): Promise<Grouped[]> {
  const { lo, hi } = bounds(range);
  const c: (SQL | undefined)[] = [regionCondition(actor.scope, r.region), eq(r.originModule, 'monitor')];
  if (q.region) c.push(eq(r.region, q.region));
  if (q.label) c.push(sql`coalesce(${e.label}, ${i.label}) = ${q.label}`);
  if (q.source) c.push(eq(s.name, q.source));
  const where = and(...c);
  const restored = sql`(${e.outcome} = 'restored' or (${e.outcome} is null and ${r.status} = 'restored'))`;
  const detected = sql`coalesce(${i.detectedAt}, ${e.firstSeen}, ${r.firstDetectedAt})`;
  const res = await db.execute(sql`
    with base as (
      select ${e.type} as type, ${e.value} as value, ${r.region} as region, coalesce(${e.label}, ${i.label}, '') as label, coalesce(${s.name}, '') as source,
        ${r.sentAt} as sent_at, ${r.firstBlockedAt} as blocked_at, ${detected} as detected_at,
        case when ${restored} then coalesce(case when ${e.outcome} = 'restored' then ${e.outcomeAt} end, ${r.restoredAt}) end as restored_at
      from ${e} join ${r} on ${r.id} = ${e.requestId} left join ${i} on ${i.id} = ${e.itemId} left join ${s} on ${s.id} = ${i.sourceId}
      where ${where}
    ), ev as (
      select distinct on (metric, type, value) * from (
        select 'requested' as metric, type, value, region, label, source, sent_at as at, null::float8 as h from base where sent_at is not null
        union all
        select 'blocked', type, value, region, label, source, blocked_at, greatest(0, extract(epoch from (blocked_at - detected_at)) / 3600.0)::float8
          from base where blocked_at is not null
        union all
        select 'restored', type, value, region, label, source, restored_at, null from base where restored_at is not null
      ) all_ev order by metric, type, value, at
    ), flat as (
      select metric, ${bucketOf(sql`at`, g)} as bucket, region, label, source, h from ev where at >= ${lo} and at < ${hi}
    )
    select metric, grouping(bucket, region, label, source)::int as g, bucket, region, label, source, count(*)::int as n,
      percentile_cont(0.5) within group (order by h) as median, percentile_cont(0.9) within group (order by h) as p90
    from flat ${groupingSets}`);
  return rowsOf<Grouped>(res);
}

/** Validate filters (unknown labels/regions are refused rather than silently matching nothing). */
function check(q: StatsQuery): void {
  if (q.region && !isRegionCode(q.region)) throw new AppError('region.invalid', { region: q.region });
  if (q.label && (!(ITEM_LABELS as readonly string[]).includes(q.label) || q.label === 'benign')) throw new AppError('request.invalid', { label: q.label });
}

/** The statistics in the caller's scope. */
export async function monitorStatistics(db: Db, actor: Actor, q: StatsQuery = {}): Promise<StatsResult> {
  requirePermission(actor, 'monitor.stats');
  check(q);
  const g = q.granularity ?? 'week';
  const range = resolveRange(g, q.from, q.to);
  const rows = [...await itemEvents(db, actor, q, range, g), ...await requestEvents(db, actor, q, range, g)];
  const pick = (set: number, col: 'bucket' | 'region' | 'label' | 'source') => {
    const m = new Map<string, StatsRow>();
    for (const x of rows) {
      if (Number(x.g) !== set) continue;
      const key = set === SETS.total ? '' : String(x[col] ?? '');
      const row = m.get(key) ?? zero(key);
      row[x.metric] = Number(x.n);
      if (x.metric === 'blocked') { row.medianHours = hours(x.median); row.p90Hours = hours(x.p90); }
      m.set(key, row);
    }
    return m;
  };
  const series = pick(SETS.bucket, 'bucket');
  // A regional reader's items may also name regions outside their scope; those rows are not theirs to see.
  const visibleRegion = (k: string) => (!q.region || k === q.region) && (actor.scope.national || k === '' || (actor.scope.regions as string[]).includes(k));
  const sortRows = (m: Map<string, StatsRow>) => [...m.values()].sort((a, b) => b.found - a.found || b.blocked - a.blocked || a.key.localeCompare(b.key));
  const { key: _k, ...totals } = pick(SETS.total, 'bucket').get('') ?? zero('');
  return {
    range, tz: STATS_TZ,
    filters: { region: q.region ?? null, label: q.label ?? null, source: q.source ?? null },
    totals,
    series: range.buckets.map((b) => series.get(b) ?? zero(b)),
    byRegion: sortRows(pick(SETS.region, 'region')).filter((x) => visibleRegion(x.key)),
    byLabel: sortRows(pick(SETS.label, 'label')),
    bySource: sortRows(pick(SETS.source, 'source')),
  };
}

/** Source names with items in the caller's scope (the filter's choices), alphabetical. */
export async function statsSources(db: Db, actor: Actor): Promise<string[]> {
  requirePermission(actor, 'monitor.stats');
  const rows = await db.select({ name: s.name }).from(s)
    .where(exists(db.select({ one: sql`1` }).from(i).where(and(eq(i.sourceId, s.id), itemScope(actor)))))
    .orderBy(s.name).limit(500);
  return rows.map((x) => x.name);
}
