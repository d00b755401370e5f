import type { Readable } from 'node:stream';
import { z } from 'zod';
import type { App, AppContext } from '../../platform/http/context.js';
import { AppError } from '../../platform/errors/catalogue.js';
import { ingestBatch, INGEST_MAX_ITEMS, type IngestResult } from './ingest.service.js';
import { fromApiItem, type IngestItem } from './ingest.validate.js';
import { createImport, getImport, guessFormat, IMPORT_FORMATS, UPLOAD_LIMIT } from './import/import.service.js';
import { getItem, listItems, submitManual } from './items.service.js';

const sourceName = z.string().trim().min(1).max(200);
const id = z.strictObject({ id: z.string().max(64) });

/**
 * Cyber-supervision HTTP API: batch ingest for machine clients (`qk_…` tokens with
 * monitor.ingest), file uploads as background imports, item reads within region scope and
 * officers' manual submissions. Thin: validate → service.
 */
export async function monitorRoutes(app: App, ctx: AppContext): Promise<void> {
  app.post('/api/monitor/ingest', {
    config: { auth: 'monitor.ingest' },
    // 10,000 posts with raw records can pass the server-wide default.
    bodyLimit: 64 * 1024 * 1024,
    schema: {
      tags: ['monitor'], summary: 'Ingest up to 10,000 items; answers accepted/duplicate/rejected with per-item reasons',
      // Items are checked one by one in the service so a bad item never fails the batch.
      body: z.strictObject({ source: sourceName.optional(), items: z.array(z.unknown()) }),
    },
  }, async (req) => {
    const { items } = req.body;
    if (items.length > INGEST_MAX_ITEMS) throw new AppError('monitor.batch_too_large', { max: INGEST_MAX_ITEMS }, { max: INGEST_MAX_ITEMS });
    // Items may name their own source; each source is one ingestBatch call, indexes mapped back.
    const groups = new Map<string, { items: IngestItem[]; index: number[] }>();
    const out: IngestResult = { accepted: 0, duplicates: 0, rejected: [], ids: [], flagged: 0 };
    const stored: { at: number; id: string }[] = [];
    items.forEach((raw, i) => {
      const item = fromApiItem(raw);
      if ('reason' in item) return void out.rejected.push({ index: i, reason: item.reason });
      const own = (raw as { source?: unknown }).source;
      if (own !== undefined && (typeof own !== 'string' || own.trim() === '' || own.length > 200)) return void out.rejected.push({ index: i, reason: 'invalid_source' });
      const name = (own as string | undefined)?.trim() ?? req.body.source ?? req.actor.name;
      const g = groups.get(name) ?? { items: [], index: [] };
      g.items.push(item); g.index.push(i);
      groups.set(name, g);
    });
    for (const [name, g] of groups) {
      const r = await ingestBatch(ctx, req.actor, { source: { kind: 'api', name }, items: g.items });
      out.accepted += r.accepted; out.duplicates += r.duplicates; out.flagged += r.flagged;
      r.ids.forEach((id, k) => stored.push({ at: g.index[r.positions[k]!]!, id }));
      for (const rej of r.rejected) out.rejected.push({ index: g.index[rej.index]!, reason: rej.reason });
    }
    out.rejected.sort((a, b) => a.index - b.index);
    // ids in input order across sources, as documented (each group's are in order already)
    out.ids = stored.sort((a, b) => a.at - b.at).map((x) => x.id);
    return out;
  });

  app.post('/api/monitor/items/manual', {
    config: { auth: 'monitor.ingest' },
    schema: {
      tags: ['monitor'], summary: 'An officer submits a URL and/or text for detection',
      body: z.strictObject({ url: z.string().trim().max(4000).optional(), text: z.string().max(100_000).optional(), channel: z.string().trim().max(1000).optional() }),
    },
  }, async (req, reply) => reply.status(201).send(await submitManual(ctx, req.actor, req.body)));

  app.get('/api/monitor/items', {
    config: { auth: 'monitor.read' },
    schema: {
      tags: ['monitor'], summary: 'Items in the caller\'s region scope, newest first',
      querystring: z.strictObject({
        label: z.enum(['drug_sale', 'courier_recruitment', 'drug_propaganda', 'benign', 'flagged', 'pending']).optional(),
        minScore: z.coerce.number().min(0).max(1).optional(), region: z.string().max(8).optional(), source: z.string().max(200).optional(),
        from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(), to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
        limit: z.coerce.number().int().min(1).max(500).optional(), offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
      }),
    },
  }, async (req) => listItems(ctx.db, req.actor, req.query));

  app.get('/api/monitor/items/:id', { config: { auth: 'monitor.read' }, schema: { tags: ['monitor'], summary: 'One item with evidence spans, indicators and scores', params: id } },
    async (req) => getItem(ctx.db, req.actor, req.params.id));

  app.get('/api/monitor/imports/:id', { config: { auth: 'monitor.ingest' }, schema: { tags: ['monitor'], summary: 'Progress of a file import', params: id } },
    async (req) => {
      const { path: _path, ...imp } = await getImport(ctx, req.actor, req.params.id);
      return { import: imp };
    });

  // The upload takes the raw body as a stream (any content type), so this route lives in its own
  // encapsulated scope with a pass-through parser; other routes keep strict JSON parsing.
  await app.register(async (child: App) => {
    child.removeAllContentTypeParsers();
    child.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
    child.post('/api/monitor/imports', {
      config: { auth: 'monitor.ingest' },
      bodyLimit: UPLOAD_LIMIT,
      schema: {
        tags: ['monitor'], summary: 'Upload a Telegram export (result.json), CSV or JSONL as the raw body; imported in the background',
        querystring: z.strictObject({ source: sourceName, format: z.enum(IMPORT_FORMATS).optional(), filename: z.string().max(300).optional() }),
      },
    }, async (req, reply) => {
      const body = req.body as Readable;
      if (!body || typeof (body as { pipe?: unknown }).pipe !== 'function') throw new AppError('request.invalid', { body: 'file required' });
      // The format comes from the query, else the file name; sniffing would need the bytes first.
      const format = req.query.format ?? guessFormat(req.query.filename ?? '', '');
      const imp = await createImport(ctx, req.actor, { body, fileName: req.query.filename ?? '', format, sourceName: req.query.source });
      const { path: _path, ...rest } = imp;
      return reply.status(202).send({ import: rest });
    });
  });
}
