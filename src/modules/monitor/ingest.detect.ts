/**
 * The detection stage: stored raw items → detector → items completed in bulk → indicators into
 * traces. One call per batch of jobs, one transaction: the item update and the traces `observe`
 * commit together, and rows already detected are skipped, so a retried job changes nothing.
 * The detector itself runs in a worker thread when one is started (detect-worker-pool.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { MODEL_PATH } from './detect/index.js';
import type { Detected } from './detect-worker-compute.js';
import { runDetections } from './detect-worker-pool.js';
import { observe, OBSERVE_MAX_ITEMS, type EntityObservation, type LinkObservation } from '../traces/traces.service.js';
import { monitorItems, monitorSources } from './schema.js';
import { updateShops } from './shops/shops.service.js';
import { queueMirrorCheck } from './mirrors/mirrors.service.js';

export { regionsOf } from './detect-worker-compute.js';

let modelVersion: string | null = null;
/** The committed model's identity, recorded on every item and in traces provenance. */
export function getModelVersion(): string {
  if (!modelVersion) modelVersion = 'detector-' + createHash('sha256').update(readFileSync(MODEL_PATH)).digest('hex').slice(0, 12);
  return modelVersion;
}

interface Pending { id: string; text: string; external_id: string; kind: string; name: string; channel: string | null; posted_at: string | Date | null; ingested_at: string | Date }

/**
 * Detect the given items (those still undetected). Returns how many were processed now;
 * 0 for a retried job whose items are done.
 *
 * The rows are read without locks and detected outside the transaction; the UPDATE then takes
 * only rows still undetected (`detected_at is null`, re-checked under its row lock), and only
 * what it returns goes on to traces, shops and mirrors. A concurrent duplicate of the batch
 * waits on those row locks and then skips the rows, so nothing is written twice, and no
 * separate SELECT … FOR UPDATE has to lock (and write) every row first.
 */
export async function detectItems(db: Db, actor: Actor, ids: string[]): Promise<{ detected: number; flagged: number }> {
  if (ids.length === 0) return { detected: 0, flagged: 0 };
  const res = await db.execute(sql`select i.id, i.text, i.external_id, s.kind, s.name, i.channel, i.posted_at, i.ingested_at
    from ${monitorItems} i join ${monitorSources} s on s.id = i.source_id
    where i.id = any(${sql.param(ids)}::uuid[]) and i.detected_at is null
    order by i.id`);
  const read = (res as unknown as { rows: Pending[] }).rows;
  if (read.length === 0) return { detected: 0, flagged: 0 };
  // One JSON document for the whole batch (serialised and joined by the detector thread):
  // PostgreSQL's JSON parser is far cheaper than the driver's per-element escaping of seven
  // parameter arrays (~1.5 kB per item). Element i belongs to read[i]; ids sorted, so rows are
  // locked in one global order.
  const { items: detected, doc } = await runDetections(read.map((r) => ({ id: r.id, text: r.text })));
  const version = getModelVersion();
  return db.transaction(async (tx) => {
    // Driven by unnest(ids), whose row count the planner knows, joined to the primary key, with
    // each item's fields taken from its element of the document. (A join on jsonb_to_recordset,
    // estimated at 100 rows whatever its size, plus the `detected_at is null` filter made the
    // planner rescan the whole document once per row: 20 s instead of 0.3 s per 2,000 items.)
    const upd = await tx.execute(sql`update ${monitorItems} m set label = u.label, risk = u.risk, scores = u.scores, explain = u.explain,
        indicators = u.indicators, regions = u.regions, model_version = ${version}, detected_at = now()
      from unnest(${sql.param(read.map((r) => r.id))}::uuid[]) with ordinality as k(id, n)
        cross join lateral jsonb_to_record(${doc}::jsonb -> (k.n - 1)::int)
          as u(label text, risk real, scores jsonb, explain jsonb, indicators jsonb, regions text[])
      where m.id = k.id and m.detected_at is null
      returning m.id`);
    const mine = new Set((upd as unknown as { rows: { id: string }[] }).rows.map((r) => r.id));
    if (mine.size === 0) return { detected: 0, flagged: 0 };
    // Rows a concurrent duplicate completed first are theirs to report, not ours.
    const rows = mine.size === read.length ? read : read.filter((r) => mine.has(r.id));
    const results = mine.size === read.length ? detected : detected.filter((_, i) => mine.has(read[i]!.id));
    const flagged = await observeFlagged(tx, actor, rows, results, version);
    const flaggedRows = rows.flatMap((r, i) => {
      const d = results[i]!;
      return d.label === 'benign' ? [] : [{ id: r.id, indicators: d.indicators, regions: d.regions, at: new Date(r.posted_at ?? r.ingested_at) }];
    });
    const flaggedIds = flaggedRows.map((f) => f.id);
    // Mirrors: the flagged ones are queued for the near-duplicate / reappeared check (mirrors/, monitor.mirrors job,
    // which runs after this commits). Only the flagged ids, just stored as such: no lookup needed.
    await queueMirrorCheck(tx, flaggedIds, { allFlagged: true });
    // Shops: flagged items joined through shared indicators, in this transaction (shops/update.ts). Late,
    // because its lock (taken only once it has read the items) is held until commit.
    await updateShops(tx, flaggedIds, { detected: flaggedRows });
    // Last, because the audit chain's lock is held until commit.
    await recordAudit(tx, actor, { action: 'monitor.detect', entityType: 'monitor_items', details: { items: rows.length, flagged, modelVersion: version } });
    return { detected: rows.length, flagged };
  });
}

/**
 * Flagged items and their indicators go to traces: an `item` entity per post, an entity per
 * indicator, `mentions` links. Benign posts stay in monitor only: a clinic's phone number is
 * not an investigative lead, and it would turn hubs into noise in the graph.
 */
async function observeFlagged(tx: Db, actor: Actor, rows: Pending[], results: Detected[], version: string): Promise<number> {
  let entities: EntityObservation[] = [];
  let links: LinkObservation[] = [];
  let flagged = 0;
  const flush = async () => {
    if (entities.length + links.length === 0) return;
    await observe(tx, actor, { module: 'monitor', source: 'monitor', rule: version, entities, links });
    entities = [];
    links = [];
  };
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const d = results[i]!;
    if (d.label === 'benign') continue;
    flagged++;
    const size = 1 + d.indicators.length * 2;
    if (entities.length + links.length + size > OBSERVE_MAX_ITEMS) await flush();
    const itemValue = `${r.kind}:${r.name}/${r.external_id}`.slice(0, 500);
    const observedAt = new Date(r.posted_at ?? r.ingested_at);
    const provenance = { source: `monitor:${r.kind}`, sourceRef: `${r.name}/${r.external_id}`.slice(0, 500), details: { itemId: r.id, label: d.label } };
    entities.push({
      type: 'item', value: itemValue, display: `${r.channel ?? r.name} #${r.external_id}`.slice(0, 200),
      // A post naming one region belongs to it; several or none: left national (visible to all readers).
      region: d.regions.length === 1 ? d.regions[0]! : null,
      attributes: { monitorItemId: r.id, label: d.label, risk: d.risk }, observedAt, provenance,
    });
    const seen = new Set<string>();
    for (const ind of d.indicators) {
      const key = `${ind.type}:${ind.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      entities.push({ type: ind.type, value: ind.value, observedAt, provenance });
      links.push({ from: { type: 'item', value: itemValue }, to: { type: ind.type, value: ind.value }, kind: 'mentions', confidence: d.risk, observedAt, provenance });
    }
  }
  await flush();
  return flagged;
}

/** Undetected items older than `olderThanSeconds` (their enqueue may have been lost), oldest first. */
export async function undetectedIds(db: Db, olderThanSeconds: number, limit = 100_000): Promise<string[]> {
  const res = await db.execute(sql`select id from ${monitorItems}
    where label is null and ingested_at <= now() - make_interval(secs => ${olderThanSeconds}) order by ingested_at limit ${limit}`);
  return (res as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
}
