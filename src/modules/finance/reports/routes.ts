import { z } from 'zod';
import type { App, AppContext } from '../../../platform/http/context.js';
import { sendFile } from './http.js';
import { caseReportPdf, createFreezeRequest, freezeCandidates, requestAnnexCsv, requestLetterPdf } from './reports.service.js';
import { REPORT_LANGS } from './texts.js';

const id = z.strictObject({ id: z.string().max(64) });
const langQ = z.strictObject({ lang: z.enum(REPORT_LANGS).optional() });

/** Finance outputs: case report PDF, freeze requests to exchanges, letters and CSV annexes of bank/exchange requests. */
export async function financeReportsRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get('/api/finance/reports/traces/:id/case-report.pdf', {
    config: { auth: 'finance.report' }, schema: { tags: ['finance'], summary: 'Case report PDF of a trace run', params: id, querystring: langQ },
  }, async (req, reply) => {
    const r = await caseReportPdf(ctx.db, req.actor, req.params.id, req.query.lang ?? req.lang);
    return sendFile(reply.header('x-content-sha256', r.sha256), 'application/pdf', r.filename, r.pdf);
  });

  app.get('/api/finance/reports/traces/:id/freeze-candidates', {
    config: { auth: 'finance.report' }, schema: { tags: ['finance'], summary: 'Services a run\'s funds reached, with the addresses a freeze request would cite', params: id },
  }, async (req) => ({ candidates: await freezeCandidates(ctx.db, req.actor, req.params.id) }));

  app.post('/api/finance/reports/traces/:id/freeze-request', {
    config: { auth: 'finance.report' },
    schema: {
      tags: ['finance'], summary: 'Draft a freeze request to one exchange/service (request lifecycle, target exchange)', params: id,
      body: z.strictObject({ service: z.string().trim().min(1).max(200), addresses: z.array(z.string().max(200)).max(5000).optional(), addressee: z.string().trim().max(300).optional(), legalBasis: z.string().trim().max(2000).optional(), title: z.string().trim().max(300).optional() }),
    },
  }, async (req, reply) => reply.status(201).send(await createFreezeRequest(ctx.db, req.actor, req.params.id, req.body)));

  app.get('/api/finance/reports/requests/:id/letter.pdf', {
    config: { auth: 'finance.report' }, schema: { tags: ['finance'], summary: 'Letter PDF of a finance request (bank or exchange), kk/ru/en', params: id, querystring: langQ },
  }, async (req, reply) => {
    const r = await requestLetterPdf(ctx.db, req.actor, req.params.id, req.query.lang ?? (req.lang === 'en' ? 'en' : req.lang));
    return sendFile(reply, 'application/pdf', r.filename, r.pdf);
  });

  app.get('/api/finance/reports/requests/:id/annex.csv', {
    config: { auth: 'finance.report' }, schema: { tags: ['finance'], summary: 'CSV annex (addresses/accounts, transactions, amounts) of a finance request', params: id },
  }, async (req, reply) => {
    const r = await requestAnnexCsv(ctx.db, req.actor, req.params.id);
    return sendFile(reply, 'text/csv; charset=utf-8', r.filename, r.csv);
  });
}
