import { z } from 'zod';
import type { App, AppContext } from '../../../platform/http/context.js';
import { LANGS } from '../../../platform/i18n/messages.js';
import { statsCsv, statsXlsx, TABLES } from './export.js';
import { GRANULARITIES } from './periods.js';
import { monitorStatistics, statsSources } from './stats.service.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const filters = {
  granularity: z.enum(GRANULARITIES).optional(), from: date.optional(), to: date.optional(),
  region: z.string().max(8).optional(), label: z.enum(['drug_sale', 'courier_recruitment', 'drug_propaganda']).optional(), source: z.string().max(200).optional(),
};
const tags = ['monitor'];

/** Cyber-supervision statistics (JSON, CSV, XLSX) in the caller's region scope. */
export async function monitorStatsRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get('/api/monitor/stats', {
    config: { auth: 'monitor.stats' },
    schema: { tags, summary: 'Found / confirmed / requested / blocked / restored by period (Asia/Almaty), region, label and source; detection → block hours', querystring: z.strictObject(filters) },
  }, async (req) => monitorStatistics(ctx.db, req.actor, req.query));

  app.get('/api/monitor/stats/sources', {
    config: { auth: 'monitor.stats' },
    schema: { tags, summary: 'Source names with items in the caller\'s scope (filter choices)' },
  }, async (req) => ({ sources: await statsSources(ctx.db, req.actor) }));

  app.get('/api/monitor/stats.csv', {
    config: { auth: 'monitor.stats' },
    schema: { tags, summary: 'One statistics table as CSV', querystring: z.strictObject({ ...filters, table: z.enum(TABLES).optional(), lang: z.enum(LANGS).optional() }) },
  }, async (req, reply) => {
    const { table = 'period', lang = req.lang, ...q } = req.query;
    const s = await monitorStatistics(ctx.db, req.actor, q);
    return reply.type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="monitor-stats-${table}-${s.range.from}-${s.range.to}.csv"`).send(statsCsv(s, table, lang));
  });

  app.get('/api/monitor/stats.xlsx', {
    config: { auth: 'monitor.stats' },
    schema: { tags, summary: 'All statistics tables as an XLSX workbook', querystring: z.strictObject({ ...filters, lang: z.enum(LANGS).optional() }) },
  }, async (req, reply) => {
    const { lang = req.lang, ...q } = req.query;
    const s = await monitorStatistics(ctx.db, req.actor, q);
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="monitor-stats-${s.range.from}-${s.range.to}.xlsx"`).send(await statsXlsx(s, lang));
  });
}
