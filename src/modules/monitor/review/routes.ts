import { z } from 'zod';
import type { App, AppContext } from '../../../platform/http/context.js';
import { toJsonl } from './feedback.js';
import { agreement, decide, DECISIONS, feedbackRows, itemDecisions, reviewQueue } from './review.service.js';

const id = z.strictObject({ id: z.string().max(64) });
const when = z.iso.datetime({ offset: true }).or(z.iso.date());

/** Review queue, decisions, agreement statistics and the feedback export. Thin: validate → service. */
export async function monitorReviewRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get('/api/monitor/review/queue', {
    config: { auth: 'monitor.review' },
    schema: {
      tags: ['monitor'], summary: 'Items above the risk threshold, by score band and recency, filtered by region, label and source',
      querystring: z.strictObject({
        minScore: z.coerce.number().min(0).max(1).optional(), label: z.enum(['drug_sale', 'courier_recruitment', 'drug_propaganda', 'benign']).optional(),
        region: z.string().max(8).optional(), source: z.string().max(200).optional(), status: z.enum(['mine', 'open', 'decided', 'all']).optional(),
        limit: z.coerce.number().int().min(1).max(200).optional(), offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
      }),
    },
  }, async (req) => reviewQueue(ctx.db, req.actor, req.query));

  app.post('/api/monitor/review/items/:id', {
    config: { auth: 'monitor.review' },
    schema: {
      tags: ['monitor'], summary: 'Confirm, reject or mark unsure (one decision per reviewer per item; audited)', params: id,
      body: z.strictObject({ decision: z.enum(DECISIONS), note: z.string().max(2000).optional(), label: z.enum(['drug_sale', 'courier_recruitment', 'drug_propaganda']).optional() }),
    },
  }, async (req) => decide(ctx.db, req.actor, req.params.id, req.body));

  app.get('/api/monitor/review/items/:id', {
    config: { auth: 'monitor.read' },
    schema: { tags: ['monitor'], summary: 'Every reviewer\'s decision on one item and its review status', params: id },
  }, async (req) => itemDecisions(ctx.db, req.actor, req.params.id));

  app.get('/api/monitor/review/agreement', {
    config: { auth: 'monitor.review' },
    schema: { tags: ['monitor'], summary: 'Agreement between reviewers: percent agreement and Cohen\'s kappa per pair over items both decided',
      querystring: z.strictObject({ from: when.optional(), to: when.optional(), minPairs: z.coerce.number().int().min(1).max(100_000).optional() }) },
  }, async (req) => agreement(ctx.db, req.actor, req.query));

  app.get('/api/monitor/review/feedback.jsonl', {
    config: { auth: 'monitor.review' },
    schema: { tags: ['monitor'], summary: 'Confirmed and rejected items as JSONL in the corpus format (input of npm run train -- --feedback FILE)',
      querystring: z.strictObject({ from: when.optional(), to: when.optional() }) },
  }, async (req, reply) => {
    const rows = await feedbackRows(ctx.db, req.actor, req.query);
    return reply.type('application/x-ndjson; charset=utf-8')
      .header('content-disposition', `attachment; filename="qalqan-feedback-${new Date().toISOString().slice(0, 10)}.jsonl"`).send(toJsonl(rows));
  });
}
