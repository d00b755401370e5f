import { z } from 'zod';
import type { App, AppContext } from '../../../platform/http/context.js';
import { requirePermission, systemActor } from '../../../platform/auth/actor.js';
import { ADS_SYNC_ACTOR } from '../jobs.js';
import { sendFile, uploadText } from '../reports/http.js';
import { adsSyncStatus, syncAdsDroppers } from './ads.service.js';
import { addDropper, bankCsvTemplate, DROPPER_STATUSES, getDropper, importBankCsv, listDroppers, requestBankBlock, setDropperStatus } from './droppers.service.js';
import { MAX_CSV_BYTES } from './import.service.js';
import { DROPPER_KINDS } from './validate.js';

const id = z.strictObject({ id: z.string().max(64) });
const opt = (n: number) => z.string().trim().max(n).optional();

/** The dropper registry: cards, IBANs, phones; bank CSV import; blocking requests to banks. */
export async function financeDroppersRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get('/api/finance/droppers', {
    config: { auth: 'finance.dropper.read' },
    schema: {
      tags: ['finance'], summary: 'Registry rows in the caller\'s regions',
      querystring: z.strictObject({ q: opt(100), kind: z.enum(DROPPER_KINDS).optional(), status: z.enum(DROPPER_STATUSES).optional(), region: opt(8), bank: opt(100), limit: z.coerce.number().int().min(1).max(1000).optional(), offset: z.coerce.number().int().min(0).optional() }),
    },
  }, async (req) => listDroppers(ctx.db, req.actor, req.query));

  app.post('/api/finance/droppers', {
    config: { auth: 'finance.dropper.write' },
    schema: {
      tags: ['finance'], summary: 'Register (or report again) a card, IBAN or phone',
      body: z.strictObject({
        kind: z.enum(DROPPER_KINDS), value: z.string().trim().min(1).max(64), region: opt(8), reporter: opt(200), reference: opt(200), holderName: opt(200),
        bankName: opt(200), shop: opt(200), wallet: opt(200), note: opt(2000),
        // `ads` is the monitoring sync's own origin (a machine finding): a person registers `manual` only.
        origin: z.literal('manual').optional(),
      }),
    },
  }, async (req, reply) => reply.status(201).send({ dropper: await addDropper(ctx.db, req.actor, req.body) }));

  app.get('/api/finance/droppers/template.csv', { config: { auth: 'finance.dropper.read' }, schema: { tags: ['finance'], summary: 'CSV template for bank reports' } },
    async (_req, reply) => sendFile(reply, 'text/csv; charset=utf-8', 'dropper-report-template.csv', bankCsvTemplate()));

  app.get('/api/finance/droppers/sync-ads', {
    config: { auth: 'finance.dropper.read' },
    schema: { tags: ['finance'], summary: 'Automatic registration from flagged ads: last run per type and how many rows came from ads' },
  }, async (req) => adsSyncStatus(ctx.db, req.actor));

  app.post('/api/finance/droppers/sync-ads', {
    config: { auth: 'finance.dropper.sync' },
    schema: {
      tags: ['finance'], summary: 'Register cards, IBANs and phones from flagged ads now (as the system job does; idempotent, audited per batch)',
      body: z.strictObject({ full: z.boolean().optional() }).optional(),
    },
  }, async (req) => {
    requirePermission(req.actor, 'finance.dropper.sync');
    const result = await syncAdsDroppers(ctx.db, systemActor(ADS_SYNC_ACTOR), {
      full: req.body?.full, maxBatches: 20, defaultRegion: ctx.config.QALQAN_FINANCE_ADS_REGION ?? null, requestedBy: req.actor.name,
    });
    // Counts only: the ids may belong to regions outside the caller's scope.
    const { droppers: _ids, ...counts } = result;
    return { result: counts };
  });

  app.get('/api/finance/droppers/:id', { config: { auth: 'finance.dropper.read' }, schema: { tags: ['finance'], summary: 'One instrument with reports and traces links', params: id } },
    async (req) => getDropper(ctx.db, req.actor, req.params.id));

  app.post('/api/finance/droppers/:id/status', {
    config: { auth: 'finance.dropper.write' },
    schema: { tags: ['finance'], summary: 'Move the status (audited)', params: id, body: z.strictObject({ status: z.enum(DROPPER_STATUSES), note: z.string().max(2000).optional() }) },
  }, async (req) => ({ dropper: await setDropperStatus(ctx.db, req.actor, req.params.id, req.body.status, req.body.note ?? '') }));

  app.post('/api/finance/droppers/requests', {
    config: { auth: 'finance.dropper.write' },
    schema: { tags: ['finance'], summary: 'Draft blocking requests to banks (one per region and bank)', body: z.strictObject({ ids: z.array(z.string().max(64)).min(1).max(5000), legalBasis: opt(2000), title: opt(300) }) },
  }, async (req, reply) => reply.status(201).send(await requestBankBlock(ctx.db, req.actor, req.body.ids, req.body)));

  await app.register(async (child: App) => {
    child.removeAllContentTypeParsers();
    child.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    child.post('/api/finance/droppers/import', {
      config: { auth: 'finance.dropper.write' }, bodyLimit: MAX_CSV_BYTES,
      schema: {
        tags: ['finance'], summary: 'Import a bank\'s CSV report (raw body). Atomic by default: any bad row → 422 with row errors, nothing written; mode=valid_rows writes the valid rows',
        querystring: z.strictObject({ region: opt(8), bank: opt(200), mode: z.enum(['atomic', 'valid_rows']).optional() }),
      },
    }, async (req) => importBankCsv(ctx.db, req.actor, uploadText(req.body), req.query));
  });
}
