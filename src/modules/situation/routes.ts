import { z } from 'zod';
import { AppError } from '../../platform/errors/catalogue.js';
import { LANGS } from '../../platform/i18n/index.js';
import type { App, AppContext, Reply } from '../../platform/http/context.js';
import { CATEGORIES, CATEGORY_NAMES, POLARITIES, UNIT_NAMES, UNITS } from './catalogue.data.js';
import { createIndicator, listIndicators, updateIndicator } from './catalogue.service.js';
import { situationAnomalies, situationStats, situationTrend, situationView } from './dashboard.service.js';
import { exportView } from './export.js';
import { importValues } from './import.service.js';
import { MAX_FILE_BYTES, MAX_ROWS } from './import.parse.js';
import { PERIOD_KINDS } from './periods.js';
import { AGGREGATIONS } from './stats.js';
import { buildTemplate, type GeneratedFile } from './template.js';
import { listValues, reviewValues, STATUSES, submitValue } from './values.service.js';

const tags = ['situation'];
const flag = z.enum(['true', 'false']).optional();
const period = z.string().max(10);
const code = z.string().min(1).max(48);
const names = (max: number) => z.strictObject({ kk: z.string().trim().max(max), ru: z.string().trim().max(max), en: z.string().trim().max(max) });
const requiredNames = z.strictObject({ kk: z.string().trim().min(1).max(300), ru: z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) });
const lang = z.enum(LANGS).optional();
const view = { includeSubmitted: flag, threshold: z.coerce.number().min(1).max(10).optional() };
const opts = (q: { includeSubmitted?: string; threshold?: number }) => ({ includeSubmitted: q.includeSubmitted === 'true', threshold: q.threshold });
const regionList = (s?: string) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean).slice(0, 20) : undefined);

const indicatorFields = {
  category: z.enum(CATEGORIES), names: requiredNames, description: names(2000).optional(), unit: z.enum(UNITS), polarity: z.enum(POLARITIES),
  perCapita: z.boolean(), aggregation: z.enum(AGGREGATIONS), periods: z.array(z.enum(PERIOD_KINDS)).min(1).max(3), source: names(300),
  sortOrder: z.number().int().min(0).max(100_000).optional(), active: z.boolean().optional(),
};

function sendFile(reply: Reply, f: GeneratedFile) {
  return reply.type(f.contentType).header('content-disposition', `attachment; filename="${f.filename}"`).header('cache-control', 'no-store').send(f.body);
}

/** Drug-situation monitoring: indicator catalogue, figures per region × period, review, import, dashboards. */
export async function situationRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get('/api/situation/indicators', {
    config: { auth: 'situation.read' },
    schema: { tags, summary: 'The indicator catalogue, with unit and group names', querystring: z.strictObject({ all: flag }) },
  }, async (req) => ({ items: await listIndicators(ctx.db, req.actor, { all: req.query.all === 'true' }), units: UNIT_NAMES, categories: CATEGORY_NAMES, limits: { maxRows: MAX_ROWS, maxBytes: MAX_FILE_BYTES } }));

  app.post('/api/situation/indicators', {
    config: { auth: 'situation.manage' },
    schema: { tags, summary: 'Add an indicator (admin)', body: z.strictObject({ code: z.string().regex(/^[a-z][a-z0-9_]{1,47}$/), ...indicatorFields }) },
  }, async (req, reply) => reply.status(201).send({ item: await createIndicator(ctx.db, req.actor, req.body) }));

  app.patch('/api/situation/indicators/:code', {
    config: { auth: 'situation.manage' },
    schema: { tags, summary: 'Edit an indicator (admin); unit and aggregation only while it has no values', params: z.strictObject({ code }), body: z.strictObject(indicatorFields).partial() },
  }, async (req) => ({ item: await updateIndicator(ctx.db, req.actor, req.params.code, req.body) }));

  app.get('/api/situation/values', {
    config: { auth: 'situation.read' },
    schema: {
      tags, summary: 'Stored figures in the caller\'s regions',
      querystring: z.strictObject({
        status: z.enum(STATUSES).optional(), region: z.string().max(8).optional(), indicator: code.optional(), period: period.optional(), mine: flag,
        limit: z.coerce.number().int().min(1).max(500).optional(), offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
      }),
    },
  }, async (req) => listValues(ctx.db, req.actor, { ...req.query, mine: req.query.mine === 'true' }));

  app.post('/api/situation/values', {
    config: { auth: 'situation.submit' },
    schema: {
      tags, summary: 'Submit one figure (replaces a submitted or returned one)',
      body: z.strictObject({ indicator: code, region: z.string().max(8), period, value: z.union([z.number(), z.string().max(40)]), source: z.string().max(500).optional(), note: z.string().max(500).optional() }),
    },
  }, async (req, reply) => reply.status(201).send({ item: await submitValue(ctx.db, req.actor, req.body) }));

  app.post('/api/situation/review', {
    config: { auth: 'situation.accept' },
    schema: {
      tags, summary: 'Accept submitted figures or return them with a comment (national scope, not one\'s own)',
      body: z.strictObject({
        ids: z.array(z.string().max(64)).min(1).max(500), decision: z.enum(['accept', 'return']), comment: z.string().max(2000).optional(),
        seen: z.record(z.string().max(64), z.iso.datetime({ offset: true })).optional(),
      }),
    },
  }, async (req) => ({ items: await reviewValues(ctx.db, req.actor, req.body) }));

  app.get('/api/situation/template', {
    config: { auth: 'situation.submit' },
    schema: { tags, summary: 'Import template (XLSX with explanation sheets, or CSV)', querystring: z.strictObject({ format: z.enum(['xlsx', 'csv']).optional(), lang }) },
  }, async (req, reply) => sendFile(reply, await buildTemplate(ctx.db, req.actor, { format: req.query.format ?? 'xlsx', lang: req.query.lang ?? req.lang })));

  app.post('/api/situation/import', {
    config: { auth: 'situation.submit' },
    schema: {
      tags, summary: 'Import a CSV or XLSX file (base64); all rows checked, refused whole on any error',
      // Room for a file above the limit, so the service can say "too large" instead of a generic 400.
      body: z.strictObject({ filename: z.string().max(300), content: z.string().max(8_000_000).regex(/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/), dryRun: z.boolean().optional() }),
    },
  }, async (req) => importValues(ctx.db, req.actor, { filename: req.body.filename, content: Buffer.from(req.body.content, 'base64'), dryRun: req.body.dryRun }));

  app.get('/api/situation/view', {
    config: { auth: 'situation.read' },
    schema: { tags, summary: 'One indicator and period across regions: values, per 100,000, anomaly scores', querystring: z.strictObject({ indicator: code, period, ...view }) },
  }, async (req) => situationView(ctx.db, req.actor, { indicator: req.query.indicator, period: req.query.period, ...opts(req.query) }));

  app.get('/api/situation/trend', {
    config: { auth: 'situation.read' },
    schema: { tags, summary: 'One indicator over periods of one kind', querystring: z.strictObject({ indicator: code, from: period, to: period, regions: z.string().max(200).optional(), ...view }) },
  }, async (req) => situationTrend(ctx.db, req.actor, { ...req.query, regions: regionList(req.query.regions), ...opts(req.query) }));

  app.get('/api/situation/anomalies', {
    config: { auth: 'situation.read' },
    schema: { tags, summary: 'Flagged values of every indicator for a period (robust z against each region\'s history)', querystring: z.strictObject({ period, ...view }) },
  }, async (req) => situationAnomalies(ctx.db, req.actor, { period: req.query.period, ...opts(req.query) }));

  app.get('/api/situation/stats', { config: { auth: 'situation.read' }, schema: { tags, summary: 'Counts and latest periods with accepted data' } },
    async (req) => situationStats(ctx.db, req.actor));

  app.get('/api/situation/export', {
    config: { auth: 'situation.read' },
    schema: {
      tags, summary: 'The current dashboard view as CSV or XLSX',
      querystring: z.strictObject({
        view: z.enum(['map', 'trend', 'anomalies']), format: z.enum(['csv', 'xlsx']).optional(), lang, indicator: code.optional(), period: period.optional(),
        from: period.optional(), to: period.optional(), regions: z.string().max(200).optional(), perCapita: flag, ...view,
      }),
    },
  }, async (req, reply) => {
    const q = req.query;
    const base = { format: q.format ?? 'csv', lang: q.lang ?? req.lang, perCapita: q.perCapita === 'true', ...opts(q) } as const;
    const need = (v: string | undefined, name: string): string => {
      if (!v) throw new AppError('request.invalid', { missing: name });
      return v;
    };
    const query = q.view === 'map' ? { ...base, view: 'map' as const, indicator: need(q.indicator, 'indicator'), period: need(q.period, 'period') }
      : q.view === 'trend' ? { ...base, view: 'trend' as const, indicator: need(q.indicator, 'indicator'), from: need(q.from, 'from'), to: need(q.to, 'to'), regions: regionList(q.regions) }
        : { ...base, view: 'anomalies' as const, period: need(q.period, 'period') };
    return sendFile(reply, await exportView(ctx.db, req.actor, query));
  });
}
