/**
 * The follow-up of detection, one call per batch of jobs, in two transactions:
 *  1. traces: flagged items' indicators into the digital-traces store;
 *  2. shops: the items joined to shops through shared indicators (one global lock, shops/update.ts),
 *     and queued for the mirror check, which reads the item's shop.
 * Items are normally detected at ingest (ingest.service.ts), which leaves a `monitor_pending` row
 * per flagged item; each stage claims its rows in the transaction that does its work (stage 1 moves
 * them to stage 2, stage 2 deletes them), so a retried job changes nothing and a crash between the
 * stages leaves stage 2 owed (the sweep re-enqueues it). Two stages rather than one transaction:
 * while one batch holds the shops lock, the next can write its traces (measured in
 * docs/dev/monitor-ingest-history.md, "Fourth pass"). Items stored raw (the detector failed at
 * ingest, or rows from before detection moved there) are detected in stage 1 first. The detector
 * runs in a worker thread when one is started (detect-worker-pool.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { arrayParam } from '../../platform/db/arrays.js';
import { MODEL_PATH } from './detect/index.js';
import { runDetections } from './detect-worker-pool.js';
import { observe, OBSERVE_MAX_ITEMS, type EntityObservation, type LinkObservation } from '../traces/traces.service.js';
import { monitorItems, monitorPending, monitorSources } from './schema.js';
import { updateShops, type DetectedItem } from './shops/shops.service.js';
import { queueMirrorCheck } from './mirrors/mirrors.service.js';

let modelVersion: string | null = null;
/** The committed model's identity, recorded on every item and in traces provenance. */
export function getModelVersion(): string {
  if (!modelVersion) modelVersion = 'detector-' + createHash('sha256').update(readFileSync(MODEL_PATH)).digest('hex').slice(0, 12);
  return modelVersion;
}

/**
 * Element n (1-based) of the detector's JSON document (detect-worker-compute.ts) as the record `u`
 * of the stored detection columns. `doc` is one bound parameter: PostgreSQL parses it once.
 */
export function detectedRecord(doc: string, n: SQL): SQL {
  return sql`jsonb_to_record(${doc}::jsonb -> (${n} - 1)::int) as u(label text, risk real, scores jsonb, explain jsonb, indicators jsonb, regions text[])`;
}

/** Items whose detection (label) or follow-up (a pending row) is still owed. */
export const unfinishedItem = sql`(${monitorItems.label} is null or exists (select 1 from ${monitorPending} p where p.item_id = ${monitorItems.id}))`;

interface Raw { id: string; text: string; external_id: string; kind: string; name: string; channel: string | null; posted_at: string | Date | null; ingested_at: string | Date }

/** A detected, flagged item as the traces stage needs it. */
interface Done {
  id: string; external_id: string; kind: string; name: string; channel: string | null; posted_at: string | Date | null; ingested_at: string | Date;
  label: string; risk: number; indicators: { type: string; value: string }[]; regions: string[];
}

/**
 * Follow up the given items: those pending (flagged at ingest) and any still undetected.
 * Returns how many were detected now, how many flagged items had their traces written now and
 * how many were placed in shops now (`shops`: items that went through the shop update); all 0
 * for a retried job whose items are done.
 *
 * Raw rows are read without locks and detected outside the transaction; the UPDATE then takes
 * only rows still undetected (`detected_at is null`, re-checked under its row lock), and only
 * what it returns goes on. Pending rows are claimed under their row locks: a concurrent duplicate
 * of the batch waits on them and then finds nothing to claim, so nothing is written twice.
 */
export async function detectItems(db: Db, actor: Actor, ids: string[]): Promise<{ detected: number; flagged: number; shops: number }> {
  if (ids.length === 0) return { detected: 0, flagged: 0, shops: 0 };
  const { detected, flagged, known } = await tracesStage(db, actor, ids);
  const shops = await shopsStage(db, actor, ids, known);
  return { detected, flagged, shops };
}

/**
 * Stage 1: detect raw rows, claim stage-1 rows (→ stage 2), write traces. Also returns what the
 * shops stage needs of the flagged items it has just read (`known`), so stage 2 need not read
 * and parse those rows again.
 */
async function tracesStage(db: Db, actor: Actor, ids: string[]): Promise<{ detected: number; flagged: number; known: Map<string, DetectedItem> }> {
  const res = await db.execute(sql`select i.id, i.text, i.external_id, s.kind, s.name, i.channel, i.posted_at, i.ingested_at
    from ${monitorItems} i join ${monitorSources} s on s.id = i.source_id
    where i.id = any(${arrayParam(ids)}::uuid[]) and i.detected_at is null
    order by i.id`);
  const read = (res as unknown as { rows: Raw[] }).rows;
  // One JSON document for the whole batch (serialised and joined by the detector thread):
  // PostgreSQL's JSON parser is far cheaper than the driver's per-element escaping of seven
  // parameter arrays (~1.5 kB per item). Element i belongs to read[i]; ids sorted, so rows are
  // locked in one global order.
  const fresh = read.length ? await runDetections(read.map((r) => r.text)) : null;
  const version = getModelVersion();
  return db.transaction(async (tx) => {
    const done: Done[] = [];
    let detected = 0;
    if (fresh) {
      // Driven by unnest(ids), whose row count the planner knows, joined to the primary key, with
      // each item's fields taken from its element of the document. (A join on jsonb_to_recordset,
      // estimated at 100 rows whatever its size, plus the `detected_at is null` filter made the
      // planner rescan the whole document once per row: 20 s instead of 0.3 s per 2,000 items.)
      const upd = await tx.execute(sql`update ${monitorItems} m set label = u.label, risk = u.risk, scores = u.scores, explain = u.explain,
          indicators = u.indicators, regions = u.regions, model_version = ${version}, detected_at = now()
        from unnest(${arrayParam(read.map((r) => r.id))}::uuid[]) with ordinality as k(id, n)
          cross join lateral ${detectedRecord(fresh.doc, sql`k.n`)}
        where m.id = k.id and m.detected_at is null
        returning m.id`);
      // Rows a concurrent duplicate completed first are theirs to report, not ours.
      const mine = new Set((upd as unknown as { rows: { id: string }[] }).rows.map((r) => r.id));
      detected = mine.size;
      for (const [i, r] of read.entries()) {
        const d = fresh.items[i]!;
        if (mine.has(r.id) && d.label !== 'benign') done.push({ ...r, label: d.label, risk: d.risk, indicators: d.indicators, regions: d.regions });
      }
      // Their shop update is owed like any flagged item's: stage 2 below (or a retry) claims it.
      if (done.length) await tx.execute(sql`insert into ${monitorPending} (item_id, stage) select id, 2 from unnest(${arrayParam(done.map((d) => d.id))}::uuid[]) as t(id) on conflict (item_id) do update set stage = 2`);
    }
    done.push(...await claimTraces(tx, ids));
    const known = new Map<string, DetectedItem>();
    if (detected === 0 && done.length === 0) return { detected: 0, flagged: 0, known };
    const flagged = await observeFlagged(tx, actor, done, version);
    // Last, because the audit chain's lock is held until commit.
    await recordAudit(tx, actor, { action: 'monitor.detect', entityType: 'monitor_items', details: { detected, flagged, modelVersion: version } });
    for (const d of done) known.set(d.id, { id: d.id, indicators: d.indicators, regions: d.regions, at: new Date(d.posted_at ?? d.ingested_at) });
    return { detected, flagged, known };
  });
}

/** The type and value of each stored indicator (the stored ones also carry their spans). */
const typeValues = (stored: { type: string; value: string }[] | null) => (stored ?? []).map((x) => ({ type: x.type, value: x.value }));

/**
 * Claim the stage-1 rows of `ids` (move them to stage 2, under their row locks) and read what
 * the traces stage needs of their items. A pending row whose item is gone or not flagged is dropped.
 */
async function claimTraces(tx: Db, ids: string[]): Promise<Done[]> {
  const res = await tx.execute(sql`with claimed as (update ${monitorPending} set stage = 2 where item_id = any(${arrayParam(ids)}::uuid[]) and stage = 1 returning item_id)
    select i.id, i.external_id, s.kind, s.name, i.channel, i.posted_at, i.ingested_at, i.label, i.risk, i.indicators, i.regions
    from claimed c join ${monitorItems} i on i.id = c.item_id join ${monitorSources} s on s.id = i.source_id
    where i.label is not null and i.label <> 'benign'
    order by i.id`);
  const rows = (res as unknown as { rows: (Omit<Done, 'indicators'> & { indicators: { type: string; value: string }[] | null })[] }).rows;
  return rows.map((r) => ({ ...r, indicators: typeValues(r.indicators), regions: r.regions ?? [] }));
}

/**
 * Stage 2: claim (delete) the stage-2 rows of `ids`, join their items to shops and queue them for
 * the mirror check. Its own transaction, so the global shops lock is held only for this stage.
 * Items in `known` (read by stage 1 of this call; detection results never change) are not read
 * again; the others (stage 1 ran in an earlier, interrupted job) are.
 */
async function shopsStage(db: Db, actor: Actor, ids: string[], known: ReadonlyMap<string, DetectedItem>): Promise<number> {
  return db.transaction(async (tx) => {
    const knownIds = arrayParam([...known.keys()]);
    const res = await tx.execute(sql`with claimed as (delete from ${monitorPending} where item_id = any(${arrayParam(ids)}::uuid[]) and stage = 2 returning item_id)
      select c.item_id as id, null::jsonb as indicators, null::text[] as regions, null::timestamptz as at, true as known
      from claimed c where c.item_id = any(${knownIds}::uuid[])
      union all
      select i.id, i.indicators, i.regions, coalesce(i.posted_at, i.ingested_at), false
      from claimed c join ${monitorItems} i on i.id = c.item_id
      where not (c.item_id = any(${knownIds}::uuid[])) and i.label is not null and i.label <> 'benign'`);
    const rows = (res as unknown as { rows: { id: string; indicators: { type: string; value: string }[] | null; regions: string[] | null; at: string | Date | null; known: boolean }[] }).rows;
    if (!rows.length) return 0;
    const items: DetectedItem[] = rows.map((r) => (r.known ? known.get(r.id)! : { id: r.id, indicators: typeValues(r.indicators), regions: r.regions ?? [], at: new Date(r.at!) }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    // Flagged items joined through shared indicators (shops/update.ts); its lock is held until commit.
    await updateShops(tx, items.map((d) => d.id), { detected: items });
    // Mirrors: queued for the near-duplicate / reappeared check (mirrors/, monitor.mirrors job) in
    // the same transaction as the shop update, never before it: the check reads the item's shop.
    await queueMirrorCheck(tx, items.map((d) => d.id), { allFlagged: true });
    await recordAudit(tx, actor, { action: 'monitor.shops_update', entityType: 'monitor_items', details: { items: items.length } });
    return items.length;
  });
}

/**
 * Flagged items and their indicators go to traces: an `item` entity per post, an entity per
 * indicator, `mentions` links. Benign posts stay in monitor only: a clinic's phone number is
 * not an investigative lead, and it would turn hubs into noise in the graph.
 */
async function observeFlagged(tx: Db, actor: Actor, rows: Done[], version: string): Promise<number> {
  let entities: EntityObservation[] = [];
  let links: LinkObservation[] = [];
  let flagged = 0;
  const flush = async () => {
    if (entities.length + links.length === 0) return;
    await observe(tx, actor, { module: 'monitor', source: 'monitor', rule: version, entities, links });
    entities = [];
    links = [];
  };
  for (const r of rows) {
    if (r.label === 'benign') continue;
    flagged++;
    const size = 1 + r.indicators.length * 2;
    if (entities.length + links.length + size > OBSERVE_MAX_ITEMS) await flush();
    const itemValue = `${r.kind}:${r.name}/${r.external_id}`.slice(0, 500);
    const observedAt = new Date(r.posted_at ?? r.ingested_at);
    // A post naming one region belongs to it; several or none: left national (visible to all readers).
    const region = r.regions.length === 1 ? r.regions[0]! : null;
    // The post's region on every sighting it makes, the indicators' too: then each indicator's
    // sighting is the same assertion as its `mentions` link and is written once, on the link.
    const provenance = { source: `monitor:${r.kind}`, sourceRef: `${r.name}/${r.external_id}`.slice(0, 500), region, details: { itemId: r.id, label: r.label } };
    entities.push({
      type: 'item', value: itemValue, display: `${r.channel ?? r.name} #${r.external_id}`.slice(0, 200), region,
      attributes: { monitorItemId: r.id, label: r.label, risk: r.risk }, observedAt, provenance,
    });
    const seen = new Set<string>();
    for (const ind of r.indicators) {
      const key = `${ind.type}:${ind.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      entities.push({ type: ind.type, value: ind.value, observedAt, provenance });
      links.push({ from: { type: 'item', value: itemValue }, to: { type: ind.type, value: ind.value }, kind: 'mentions', confidence: r.risk, observedAt, provenance });
    }
  }
  await flush();
  return flagged;
}

/**
 * Items whose detection or follow-up is owed and older than `olderThanSeconds` (their enqueue
 * may have been lost): pending flagged items first, then items stored raw, oldest first.
 */
export async function unfinishedIds(db: Db, olderThanSeconds: number, limit = 100_000): Promise<string[]> {
  const res = await db.execute(sql`(select item_id as id from ${monitorPending}
      where queued_at <= now() - make_interval(secs => ${olderThanSeconds}) order by queued_at limit ${limit})
    union all
    (select id from ${monitorItems}
      where label is null and ingested_at <= now() - make_interval(secs => ${olderThanSeconds}) order by ingested_at limit ${limit})`);
  return (res as unknown as { rows: { id: string }[] }).rows.map((r) => r.id).slice(0, limit);
}
