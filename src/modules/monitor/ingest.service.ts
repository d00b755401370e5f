/**
 * The one ingest pipeline every producer uses (API, file imports, crawler, Telegram collector,
 * officers): validate → write raw rows idempotently → enqueue detection. The caller's
 * acknowledgement means "committed"; detection follows asynchronously (jobs.ts).
 */
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { requirePermission, type Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors/catalogue.js';
import type { AppContext } from '../../platform/http/context.js';
import { cleanItem, type CleanItem, type IngestItem } from './ingest.validate.js';
import { monitorItems, monitorSources } from './schema.js';

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
}

/** Most items one call may carry; bigger feeds are split by the producer. */
export const INGEST_MAX_ITEMS = 10_000;
/** Rows per INSERT statement and item ids per detection job. */
const INSERT_CHUNK = 1000;
export const DETECT_JOB_SIZE = 1000;

declare module '../../platform/jobs/index.js' {
  interface JobTypes {
    /** Run the detector over these items (already stored raw); idempotent. */
    'monitor.detect': { ids: string[] };
    /** Re-enqueue items left undetected (enqueue lost in a crash); scheduled. */
    'monitor.sweep': Record<string, never>;
    /** Parse an uploaded file and ingest it (import.service.ts). */
    'monitor.import': { importId: string };
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

/** Insert one chunk; returns the new rows' ids by external id (conflicts are simply absent). */
async function insertChunk(tx: Db, srcId: string, rows: CleanItem[], by: string, importId: string | null): Promise<Map<string, string>> {
  const col = <T>(f: (r: CleanItem) => T) => sql.param(rows.map(f));
  const res = await tx.execute(sql`insert into ${monitorItems} (source_id, external_id, text, url, channel, author, posted_at, raw, import_id, submitted_by)
    select ${srcId}::uuid, r.external_id, r.text, r.url, r.channel, r.author, r.posted_at, r.raw, ${importId}::uuid, ${by}
    from unnest(${col((r) => r.externalId)}::text[], ${col((r) => r.text)}::text[], ${col((r) => r.url)}::text[], ${col((r) => r.channel)}::text[],
      ${col((r) => r.author)}::text[], ${col((r) => r.postedAt)}::timestamptz[], ${col((r) => r.raw)}::jsonb[])
      as r(external_id, text, url, channel, author, posted_at, raw)
    on conflict (source_id, external_id) do nothing
    returning id, external_id`);
  const out = new Map<string, string>();
  for (const r of (res as unknown as { rows: { id: string; external_id: string }[] }).rows) out.set(r.external_id, r.id);
  return out;
}

/**
 * Store a batch raw and enqueue its detection. Returns only after the rows are committed, so
 * an acknowledged item survives a crash; detection is at-least-once and idempotent (the sweep
 * re-enqueues anything whose enqueue was lost). Bad items are listed in `rejected`, never thrown.
 */
export async function ingestBatch(
  ctx: AppContext, actor: Actor,
  input: { source: { kind: SourceKind; name: string }; items: IngestItem[]; importId?: string },
): Promise<IngestResult> {
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
  if (clean.length > 0) {
    const srcId = await sourceId(ctx.db, input.source);
    await ctx.db.transaction(async (tx) => {
      for (let i = 0; i < clean.length; i += INSERT_CHUNK) {
        const part = clean.slice(i, i + INSERT_CHUNK);
        const created = await insertChunk(tx, srcId, part, actor.name, input.importId ?? null);
        for (const c of part) {
          const id = created.get(c.externalId);
          if (id) ids.push(id); else duplicates++;
        }
      }
      await recordAudit(tx, actor, {
        action: 'monitor.ingest', entityType: 'monitor_source', entityId: srcId,
        details: { source: input.source, accepted: ids.length, duplicates, rejected: rejected.length, ...(input.importId ? { importId: input.importId } : {}) },
      });
    });
    // The rows are committed: a failed enqueue must not turn into an error the client retries;
    // the sweep (jobs.ts) finds undetected rows and enqueues them again.
    await enqueueDetection(ctx, ids).catch(() => undefined);
  }
  return { accepted: ids.length, duplicates, rejected, ids };
}

/** Detection jobs of DETECT_JOB_SIZE ids. Without a queue (some CLI paths) the sweep picks them up later. */
export async function enqueueDetection(ctx: AppContext, ids: string[]): Promise<void> {
  if (!ctx.jobs || ids.length === 0) return;
  const jobs: { ids: string[] }[] = [];
  for (let i = 0; i < ids.length; i += DETECT_JOB_SIZE) jobs.push({ ids: ids.slice(i, i + DETECT_JOB_SIZE) });
  await ctx.jobs.sendBatch('monitor.detect', jobs);
}
