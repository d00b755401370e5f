import { z } from 'zod';
import type { App, AppContext } from '../../../platform/http/context.js';
import { listRuns, startCrawl } from './runs.service.js';

const host = z.string().trim().toLowerCase().regex(/^[a-z0-9.-]{1,253}$/, 'a host name');

/** Online sources: start a crawl, list recent crawl and Telegram runs with their stats. */
export async function monitorSourcesRoutes(app: App, ctx: AppContext): Promise<void> {
  app.post('/api/monitor/sources/crawl', {
    config: { auth: 'monitor.ingest' },
    schema: {
      tags: ['monitor'], summary: 'Queue a crawl of seed URLs (robots.txt obeyed, SSRF-guarded, limits capped by configuration)',
      body: z.strictObject({
        seeds: z.array(z.string().trim().min(1).max(2000)).min(1).max(100),
        maxDepth: z.number().int().min(0).max(10).optional(),
        maxPages: z.number().int().min(1).max(100_000).optional(),
        allowedHosts: z.array(host).max(50).optional(),
      }),
    },
  }, async (req, reply) => reply.status(202).send({ run: await startCrawl(ctx, req.actor, req.body) }));

  app.get('/api/monitor/sources/runs', {
    config: { auth: 'monitor.ingest' },
    schema: {
      tags: ['monitor'], summary: 'Recent source runs (crawls, Telegram polls) with stats',
      querystring: z.strictObject({ kind: z.enum(['crawl', 'telegram']).optional(), name: z.string().max(253).optional(), limit: z.coerce.number().int().min(1).max(500).optional() }),
    },
  }, async (req) => ({ runs: await listRuns(ctx.db, req.actor, req.query) }));
}
