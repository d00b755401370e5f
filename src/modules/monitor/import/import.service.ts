/**
 * File imports (Telegram export, CSV, JSONL) through the one ingest pipeline: streamed parse →
 * ingestBatch per 1000 rows → detection jobs. Used by the CLI (`qalqan import`, in process) and
 * by the UI (upload → background `monitor.import` job whose progress the page polls).
 */
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import { and, eq, notInArray } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.service.js';
import { requirePermission, systemActor, type Actor } from '../../../platform/auth/actor.js';
import { AppError } from '../../../platform/errors/catalogue.js';
import type { AppContext } from '../../../platform/http/context.js';
import { ingestBatch } from '../ingest.service.js';
import type { IngestItem } from '../ingest.validate.js';
import { monitorImports } from '../schema.js';
import { parseCsv } from './csv.js';
import { parseJsonl } from './jsonl.js';
import { readText, UnreadableFile, type ImportFormat, type ParsedRow } from './rows.js';
import { parseTelegram } from './telegram.js';

export type MonitorImport = typeof monitorImports.$inferSelect;
export { IMPORT_FORMATS, guessFormat, type ImportFormat } from './rows.js';

/** Upload limit for the UI's file import. */
export const UPLOAD_LIMIT = 200 * 1024 * 1024;
const BATCH = 1000;
const MAX_ERRORS = 200;

export interface ImportProgress {
  bytesDone: number; bytesTotal: number; accepted: number; duplicates: number; rejected: number; skipped: number;
  errors: { row: number; reason: string }[];
}

const PARSERS: Record<ImportFormat, (chunks: AsyncIterable<string>) => AsyncGenerator<ParsedRow>> = { telegram: parseTelegram, csv: parseCsv, jsonl: parseJsonl };

/**
 * Stream a file through the pipeline. `onProgress` runs after every batch. Row errors are
 * collected (the first MAX_ERRORS with row numbers) and the rest of the file goes on; a file
 * that is not the format at all throws `monitor.import_unreadable`.
 */
export async function importFile(
  ctx: AppContext, actor: Actor,
  input: { path: string; bytesTotal: number; format: ImportFormat; sourceName: string; importId?: string },
  onProgress: (p: ImportProgress) => void | Promise<void> = () => undefined,
): Promise<ImportProgress> {
  const p: ImportProgress = { bytesDone: 0, bytesTotal: input.bytesTotal, accepted: 0, duplicates: 0, rejected: 0, skipped: 0, errors: [] };
  const fail = (row: number, reason: string) => { p.rejected++; if (p.errors.length < MAX_ERRORS) p.errors.push({ row, reason }); };
  let items: IngestItem[] = [];
  let rows: number[] = [];
  let bytesRead = 0;
  const flush = async () => {
    if (items.length === 0) return;
    const r = await ingestBatch(ctx, actor, { source: { kind: 'file', name: input.sourceName }, items, ...(input.importId ? { importId: input.importId } : {}) });
    p.accepted += r.accepted;
    p.duplicates += r.duplicates;
    for (const rej of r.rejected) fail(rows[rej.index]!, rej.reason);
    items = []; rows = [];
    p.bytesDone = bytesRead;
    await onProgress(p);
  };
  try {
    for await (const r of PARSERS[input.format](readText(input.path, (n) => { bytesRead = n; }))) {
      if ('item' in r) { items.push(r.item); rows.push(r.row); if (items.length >= BATCH) await flush(); }
      else if ('error' in r) fail(r.row, r.error);
      else p.skipped++;
    }
  } catch (e) {
    if (e instanceof UnreadableFile) throw new AppError('monitor.import_unreadable', { format: e.format, reason: e.message }, { format: e.format });
    throw e;
  }
  await flush();
  p.bytesDone = input.bytesTotal;
  await onProgress(p);
  return p;
}

/** Save an uploaded body (a stream) to disk, bounded by UPLOAD_LIMIT, and queue its import. */
export async function createImport(ctx: AppContext, actor: Actor, input: { body: Readable; fileName: string; format: ImportFormat; sourceName: string }): Promise<MonitorImport> {
  requirePermission(actor, 'monitor.ingest');
  const dir = join(ctx.config.dataDir, 'imports');
  mkdirSync(dir, { recursive: true });
  const [row] = await ctx.db.insert(monitorImports).values({
    sourceName: input.sourceName, format: input.format, fileName: input.fileName.slice(0, 300), path: '', createdBy: actor.name,
  }).returning();
  const path = join(dir, `${row!.id}.upload`);
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      bytes += chunk.length;
      cb(bytes > UPLOAD_LIMIT ? new AppError('monitor.upload_too_large', { max: UPLOAD_LIMIT }, { max: UPLOAD_LIMIT }) : null, chunk);
    },
  });
  try {
    await pipeline(input.body, limit, createWriteStream(path));
  } catch (e) {
    rmSync(path, { force: true });
    await ctx.db.delete(monitorImports).where(eq(monitorImports.id, row!.id));
    throw e instanceof AppError ? e : new AppError('request.invalid', { body: 'upload interrupted' });
  }
  const imp = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx.update(monitorImports).set({ path, bytesTotal: bytes }).where(eq(monitorImports.id, row!.id)).returning();
    await recordAudit(tx, actor, { action: 'monitor.import', entityType: 'monitor_import', entityId: row!.id, details: { fileName: input.fileName, format: input.format, source: input.sourceName, bytes } });
    return updated!;
  });
  // Without a queue in this process (some test and CLI set-ups) the import runs in the background here.
  if (ctx.jobs) await ctx.jobs.send('monitor.import', { importId: imp.id });
  else void runImport(ctx, imp.id, () => undefined).catch(() => abandonImport(ctx, imp.id)).catch(() => undefined);
  return imp;
}

/** One import's status and progress, for anyone who may ingest (imports hold counts and row numbers, no post text). */
export async function getImport(ctx: AppContext, actor: Actor, id: string): Promise<MonitorImport> {
  requirePermission(actor, 'monitor.ingest');
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('record.not_found');
  const [row] = await ctx.db.select().from(monitorImports).where(eq(monitorImports.id, id));
  if (!row) throw new AppError('record.not_found');
  return row;
}

/**
 * Mark an import that could not finish as failed and remove its upload: called when its job's
 * last retry failed (the job's dead letter) or, without a queue, when the run threw. Without it
 * the import page would show "running" for ever and the upload would stay on disk.
 */
export async function abandonImport(ctx: AppContext, id: string): Promise<void> {
  const [imp] = await ctx.db.update(monitorImports).set({ status: 'failed', failure: 'internal_error', finishedAt: new Date() })
    .where(and(eq(monitorImports.id, id), notInArray(monitorImports.status, ['done', 'failed']))).returning();
  if (imp?.path) rmSync(imp.path, { force: true });
}

/**
 * The worker side. Idempotent: a finished import is left alone; a retried one starts over and
 * the rows already stored come back as duplicates (keyed by external id), never twice.
 */
export async function runImport(ctx: AppContext, id: string, log: (msg: string, extra?: unknown) => void): Promise<void> {
  const [imp] = await ctx.db.select().from(monitorImports).where(eq(monitorImports.id, id));
  if (!imp || imp.status === 'done' || imp.status === 'failed') return;
  await ctx.db.update(monitorImports).set({ status: 'running', bytesDone: 0, accepted: 0, duplicates: 0, rejected: 0, skipped: 0, errors: [] }).where(eq(monitorImports.id, id));
  const actor = systemActor(`import:${imp.createdBy}`);
  const save = (p: ImportProgress) => ctx.db.update(monitorImports).set({ bytesDone: p.bytesDone, accepted: p.accepted, duplicates: p.duplicates, rejected: p.rejected, skipped: p.skipped, errors: p.errors }).where(eq(monitorImports.id, id));
  try {
    const p = await importFile(ctx, actor, { path: imp.path, bytesTotal: imp.bytesTotal, format: imp.format as ImportFormat, sourceName: imp.sourceName, importId: id }, async (p) => { await save(p); });
    await ctx.db.update(monitorImports).set({ status: 'done', finishedAt: new Date() }).where(eq(monitorImports.id, id));
    log('monitor import done', { id, accepted: p.accepted, rejected: p.rejected });
  } catch (e) {
    if (!(e instanceof AppError)) throw e; // database trouble: let the queue retry
    await ctx.db.update(monitorImports).set({ status: 'failed', failure: String((e.details as { reason?: string })?.reason ?? e.code), finishedAt: new Date() }).where(eq(monitorImports.id, id));
  }
  rmSync(imp.path, { force: true });
}
