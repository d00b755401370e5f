import { z } from 'zod';
import type { App, AppContext } from '../../../platform/http/context.js';
import { exportRequest } from './export.js';
import { createFromItems, createFromShop } from './from-items.service.js';
import { listPolicies, POLICY_LABELS, setPolicy } from './policy.service.js';
import { getRequest, listRequests, requestStats, transition, updateDraft } from './requests.service.js';
import { REQUEST_STATUSES, REQUEST_TARGETS } from './targets.js';

const id = z.strictObject({ id: z.string().max(64) });
const uuid = z.string().regex(/^[0-9a-f-]{36}$/i, 'a uuid');
const region = z.string().max(8);
const when = z.iso.datetime({ offset: true }).or(z.iso.date());
const creation = {
  region: region.optional(), title: z.string().trim().max(300).optional(),
  targets: z.array(z.enum(REQUEST_TARGETS)).min(1).max(REQUEST_TARGETS.length).optional(),
};

/**
 * Blocking requests: create from confirmed items or a shop, read in scope, move through the
 * lifecycle, export (PDF kk/ru, CSV, JSON, STIX 2.1), and the admin's auto-approve policy.
 * Thin: validate → service (services check permissions and scope again).
 */
export async function monitorRequestsRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get('/api/monitor/requests', {
    config: { auth: 'monitor.request.read' },
    schema: {
      tags: ['monitor'], summary: 'Blocking requests in the caller\'s region scope, newest first',
      querystring: z.strictObject({
        status: z.enum(REQUEST_STATUSES).optional(), target: z.enum(REQUEST_TARGETS).optional(), region: region.optional(), origin: z.enum(['monitor', 'finance']).optional(),
        shopId: uuid.optional(), itemId: uuid.optional(),
        limit: z.coerce.number().int().min(1).max(500).optional(), offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
      }),
    },
  }, async (req) => listRequests(ctx.db, req.actor, req.query));

  app.post('/api/monitor/requests/from-items', {
    config: { auth: 'monitor.request.create' },
    schema: {
      tags: ['monitor'], summary: 'Draft requests per target from confirmed items; answers the drafts, refused items and skipped indicators',
      body: z.strictObject({ itemIds: z.array(z.string().max(64)).min(1).max(2000), ...creation }),
    },
  }, async (req, reply) => reply.status(201).send(await createFromItems(ctx.db, req.actor, req.body)));

  app.post('/api/monitor/requests/from-shop', {
    config: { auth: 'monitor.request.create' },
    schema: { tags: ['monitor'], summary: 'Draft requests per target from every confirmed item of a shop', body: z.strictObject({ shopId: z.string().max(64), ...creation }) },
  }, async (req, reply) => {
    const { shopId, ...rest } = req.body;
    return reply.status(201).send(await createFromShop(ctx.db, req.actor, shopId, rest));
  });

  app.get('/api/monitor/requests/stats', {
    config: { auth: 'monitor.request.read' },
    schema: {
      tags: ['monitor'], summary: 'Requests by status, target and region; detection → block times (hours)',
      querystring: z.strictObject({ from: when.optional(), to: when.optional(), region: region.optional(), target: z.enum(REQUEST_TARGETS).optional(), origin: z.enum(['monitor', 'finance']).optional() }),
    },
  }, async (req) => requestStats(ctx.db, req.actor, req.query));

  app.get('/api/monitor/requests/policies', {
    config: { auth: 'monitor.request.read' },
    schema: { tags: ['monitor'], summary: 'Auto-approve policy per label (off unless an admin turned it on)' },
  }, async (req) => ({ policies: await listPolicies(ctx.db, req.actor) }));

  app.put('/api/monitor/requests/policies/:label', {
    config: { auth: 'monitor.request.policy' },
    schema: {
      tags: ['monitor'], summary: 'Change a label\'s auto-approve policy (admin; audited)', params: z.strictObject({ label: z.enum(POLICY_LABELS) }),
      body: z.strictObject({ enabled: z.boolean(), minScore: z.number().min(0.5).max(1), autoSend: z.boolean().optional() }),
    },
  }, async (req) => ({ policy: await setPolicy(ctx.db, req.actor, req.params.label, req.body) }));

  app.get('/api/monitor/requests/:id', {
    config: { auth: 'monitor.request.read' },
    schema: { tags: ['monitor'], summary: 'One request with entries, status history and the moves the caller may make', params: id },
  }, async (req) => getRequest(ctx.db, req.actor, req.params.id));

  app.patch('/api/monitor/requests/:id', {
    config: { auth: 'monitor.request.create' },
    schema: {
      tags: ['monitor'], summary: 'Edit a draft\'s title, addressee or legal basis line', params: id,
      body: z.strictObject({ title: z.string().max(300).optional(), addressee: z.string().max(500).optional(), legalBasis: z.string().max(2000).nullable().optional() }),
    },
  }, async (req) => ({ request: await updateDraft(ctx.db, req.actor, req.params.id, req.body) }));

  app.post('/api/monitor/requests/:id/transition', {
    config: { auth: 'monitor.request.read' },
    schema: {
      tags: ['monitor'], summary: 'Approve (reviewer, never the author), send, mark blocked / refused / restored, or cancel', params: id,
      body: z.strictObject({ to: z.enum(['approved', 'sent', 'blocked', 'refused', 'restored', 'cancelled']), note: z.string().max(2000).optional() }),
    },
  }, async (req) => ({ request: await transition(ctx.db, req.actor, req.params.id, req.body.to, req.body.note ?? '') }));

  app.get('/api/monitor/requests/:id/export/:format', {
    config: { auth: 'monitor.request.read' },
    schema: {
      tags: ['monitor'], summary: 'Export: the letter as PDF (lang kk|ru), the bundle as CSV or JSON, the indicators as a STIX 2.1 bundle',
      params: z.strictObject({ id: z.string().max(64), format: z.enum(['pdf', 'csv', 'json', 'stix']) }),
      querystring: z.strictObject({ lang: z.enum(['kk', 'ru']).optional() }),
    },
  }, async (req, reply) => {
    const out = await exportRequest(ctx.db, req.actor, req.params.id, req.params.format, req.query.lang ?? 'ru');
    return reply.type(out.type).header('content-disposition', `attachment; filename="${out.filename}"`).send(out.body);
  });
}
