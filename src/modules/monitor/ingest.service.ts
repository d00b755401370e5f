/**
 * The one ingest pipeline every producer uses (API, file imports, crawler, Telegram collector,
 * officers): validate → detect (detector thread) → write the detected rows idempotently, with a
 * `monitor_pending` row per flagged item → enqueue the follow-up (traces, shops, mirrors). The
 * caller's acknowledgement means "committed"; the follow-up runs asynchronously (jobs.ts).
 *
 * Detecting before the write stores each item once: writing it raw and completing it later cost
 * a second version of every row (five index entries) and a read of every text back (measured in
 * docs/dev/monitor-ingest-history.md, "Fourth pass"). If the detector fails, the items are stored
 * raw and the job detects them (ingest.detect.ts), so a detector fault never costs an item.
 */
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { requirePermission, type Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { columnsOf } from '../../platform/db/arrays.js';
import { AppError } from '../../platform/errors/catalogue.js';
import type { AppContext } from '../../platform/http/context.js';
import { computeDetectionDoc } from './detect-worker-compute.js';
import { runDetectionDoc } from './detect-worker-pool.js';
import { detectedRecord, getModelVersion } from './ingest.detect.js';
import { cleanItem, type CleanItem, type IngestItem } from './ingest.validate.js';
import { monitorItems, monitorPending, monitorSources } from './schema.js';

export type { IngestItem } from './ingest.validate.js';

export const SOURCE_KINDS = ['api', 'file', 'web', 'telegram', 'manual'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface IngestSource { kind: SourceKind; name: string }

export interface IngestResult {
  /** Items stored by this call. */
  accepted: number;
  /** Items already stored for this source (same external id), or repeated within the batch. */
  duplicates: number;
  /** Items refused, by position in `items`, with a reason code (e.g. empty_text, invalid_url). */
  rejected: { index: number; reason: string }[];
  /** Ids of the items stored by this call, in input order. */
  ids: string[];
  /** Of the stored items, how many the detector flagged (not benign). */
  flagged: number;
}

/** ingestBatch's result: also the position in `items` of each stored id, for callers that split a batch. */
export interface IngestBatchResult extends IngestResult {
  /** positions[k] is the index in `items` of ids[k]. */
  positions: number[];
}

/** Most items one call may carry; bigger feeds are split by the producer. */
export const INGEST_MAX_ITEMS = 10_000;
/** Rows per INSERT statement (and per detector call) and item ids per follow-up job. */
const INSERT_CHUNK = 1000;
export const DETECT_JOB_SIZE = 1000;

declare module '../../platform/jobs/index.js' {
  interface JobTypes {
    /** Follow-up of these flagged items (and detection of any stored raw); idempotent. */
    'monitor.detect': { ids: string[] };
    /** Re-enqueue items left undetected or pending (enqueue lost in a crash); scheduled. */
    'monitor.sweep': Record<string, never>;
    /** Parse an uploaded file and ingest it (import.service.ts). */
    'monitor.import': { importId: string };
    /** The dead letter of a `monitor.import` job whose last retry failed (Jobs.define routes it here). */
    'monitor.import.dead': { importId: string };
  }
}

// Sources are few and never change identity: remember their ids per database handle.
const sourceIds = new WeakMap<object, Map<string, string>>();

/** The source's id, created on first use. */
export async function sourceId(db: Db, source: IngestSource): Promise<string> {
  let cache = sourceIds.get(db);
  if (!cache) sourceIds.set(db, (cache = new Map()));
  const key = `${source.kind}\u0000${source.name}`;
  const hit = cache.get(key);
  if (hit) return hit;
  // DO UPDATE (a no-op) rather than DO NOTHING so the existing row's id comes back too.
  const [row] = await db.insert(monitorSources).values(source)
    .onConflictDoUpdate({ target: [monitorSources.kind, monitorSources.name], set: { name: source.name } })
    .returning({ id: monitorSources.id });
  cache.set(key, row!.id);
  return row!.id;
}

function checkSource(source: { kind: string; name: string }): asserts source is IngestSource {
  if (!(SOURCE_KINDS as readonly string[]).includes(source.kind)) throw new AppError('request.invalid', { source: 'kind' });
  if (typeof source.name !== 'string' || source.name.trim() === '' || source.name.length > 200) throw new AppError('request.invalid', { source: 'name' });
}

/**
 * Insert one chunk with its detection results (`doc`, element i for rows[i]; null: store raw,
 * the job detects). Flagged new rows get their `monitor_pending` row in the same statement.
 * Returns the new rows by external id (conflicts are simply absent).
 */
async function insertChunk(tx: Db, srcId: string, rows: CleanItem[], by: string, importId: string | null, doc: string | null): Promise<Map<string, { id: string; label: string | null }>> {
  const col = columnsOf(rows);
  const input = sql`unnest(${col((r) => r.externalId)}::text[], ${col((r) => r.text)}::text[], ${col((r) => r.url)}::text[], ${col((r) => r.channel)}::text[],
      ${col((r) => r.author)}::text[], ${col((r) => r.postedAt)}::timestamptz[], ${col((r) => r.raw)}::jsonb[])
      with ordinality as r(external_id, text, url, channel, author, posted_at, raw, n)`;
  const res = doc !== null
    // Each row's results are its element of one JSON document (see detect-worker-compute.ts):
    // PostgreSQL parses it once, far cheaper than the driver escaping five more column arrays.
    ? await tx.execute(sql`with ins as (
        insert into ${monitorItems} (source_id, external_id, text, url, channel, author, posted_at, raw, import_id, submitted_by,
          label, risk, scores, explain, indicators, regions, model_version, detected_at)
        select ${srcId}::uuid, r.external_id, r.text, r.url, r.channel, r.author, r.posted_at, r.raw, ${importId}::uuid, ${by},
          u.label, u.risk, u.scores, u.explain, u.indicators, u.regions, ${getModelVersion()}, now()
        from ${input}
          cross join lateral ${detectedRecord(doc, sql`r.n`)}
        on conflict (source_id, external_id) do nothing
        returning id, external_id, label
      ), pending as (insert into ${monitorPending} (item_id) select id from ins where label <> 'benign')
      select id, external_id, label from ins`)
    : await tx.execute(sql`insert into ${monitorItems} (source_id, external_id, text, url, channel, author, posted_at, raw, import_id, submitted_by)
        select ${srcId}::uuid, r.external_id, r.text, r.url, r.channel, r.author, r.posted_at, r.raw, ${importId}::uuid, ${by}
        from ${input}
        on conflict (source_id, external_id) do nothing
        returning id, external_id, label`);
  const out = new Map<string, { id: string; label: string | null }>();
  for (const r of (res as unknown as { rows: { id: string; external_id: string; label: string | null }[] }).rows) out.set(r.external_id, { id: r.id, label: r.label });
  return out;
}

/** Detection of one chunk, in the detector thread (inline if it is down); null if the detector fails. */
async function detectChunk(rows: CleanItem[]): Promise<string | null> {
  const texts = rows.map((r) => r.text);
  try {
    return await runDetectionDoc(texts).catch(() => computeDetectionDoc(texts));
  } catch {
    return null;
  }
}

/**
 * Detect and store a batch, and enqueue the flagged items' follow-up. Returns only after the rows
 * are committed, so an acknowledged item survives a crash; the follow-up is at-least-once and
 * idempotent (the sweep re-enqueues anything whose enqueue was lost). Bad items are listed in
 * `rejected`, never thrown.
 */
export async function ingestBatch(
  ctx: AppContext, actor: Actor,
  input: { source: { kind: SourceKind; name: string }; items: IngestItem[]; importId?: string },
): Promise<IngestBatchResult> {
  requirePermission(actor, 'monitor.ingest');
  checkSource(input.source);
  if (input.items.length > INGEST_MAX_ITEMS) throw new AppError('monitor.batch_too_large', { max: INGEST_MAX_ITEMS }, { max: INGEST_MAX_ITEMS });
  const rejected: IngestResult['rejected'] = [];
  const clean: CleanItem[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  for (let i = 0; i < input.items.length; i++) {
    const c = cleanItem(input.items[i], i);
    if ('reason' in c) { rejected.push(c); continue; }
    if (seen.has(c.externalId)) { duplicates++; continue; } // repeated within the batch
    seen.add(c.externalId);
    clean.push(c);
  }
  const ids: string[] = [];
  const positions: number[] = [];
  /** Ids the job must visit: flagged items (pending follow-up) and items stored raw. */
  const followUp: string[] = [];
  let flagged = 0;
  if (clean.length > 0) {
    const srcId = await sourceId(ctx.db, input.source);
    const parts: CleanItem[][] = [];
    for (let i = 0; i < clean.length; i += INSERT_CHUNK) parts.push(clean.slice(i, i + INSERT_CHUNK));
    // All chunks go to the detector thread at once (it serves them in order) and outside the
    // transaction: no connection is held while the detector runs.
    const detected = await Promise.all(parts.map(detectChunk));
    await ctx.db.transaction(async (tx) => {
      for (const [k, part] of parts.entries()) {
        const created = await insertChunk(tx, srcId, part, actor.name, input.importId ?? null, detected[k]!);
        for (const c of part) {
          const row = created.get(c.externalId);
          if (!row) { duplicates++; continue; }
          ids.push(row.id);
          positions.push(c.index);
          if (row.label !== 'benign') followUp.push(row.id);
          if (row.label !== null && row.label !== 'benign') flagged++;
        }
      }
      await recordAudit(tx, actor, {
        action: 'monitor.ingest', entityType: 'monitor_source', entityId: srcId,
        details: { source: input.source, accepted: ids.length, duplicates, rejected: rejected.length, flagged, ...(input.importId ? { importId: input.importId } : {}) },
      });
    });
    // The rows are committed: a failed enqueue must not turn into an error the client retries;
    // the sweep (jobs.ts) finds pending and undetected rows and enqueues them again.
    await enqueueDetection(ctx, followUp).catch(() => undefined);
  }
  return { accepted: ids.length, duplicates, rejected, ids, positions, flagged };
}

/** Detection jobs of DETECT_JOB_SIZE ids. Without a queue (some CLI paths) the sweep picks them up later. */
export async function enqueueDetection(ctx: AppContext, ids: string[]): Promise<void> {
  if (!ctx.jobs || ids.length === 0) return;
  const jobs: { ids: string[] }[] = [];
  for (let i = 0; i < ids.length; i += DETECT_JOB_SIZE) jobs.push({ ids: ids.slice(i, i + DETECT_JOB_SIZE) });
  await ctx.jobs.sendBatch('monitor.detect', jobs);
}
