import { z } from 'zod';
import type { App, AppContext } from '../../../platform/http/context.js';
import { getShop, listHubs, listShops, markHub, setShopStatus, SHOP_STATUSES, unmarkHub } from './shops.service.js';

const id = z.strictObject({ id: z.string().max(64) });
const indicator = { type: z.string().max(32), value: z.string().trim().min(1).max(2000) };

/** Shops: list and page within region scope, status changes and the hub (public service) registry. Thin: validate → service. */
export async function monitorShopsRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get('/api/monitor/shops', {
    config: { auth: 'monitor.read' },
    schema: {
      tags: ['monitor'], summary: 'Shops (items grouped by shared indicators) in the caller\'s region scope, latest activity first',
      querystring: z.strictObject({
        status: z.enum(SHOP_STATUSES).optional(), region: z.string().max(8).optional(), q: z.string().trim().max(200).optional(),
        minItems: z.coerce.number().int().min(1).max(1_000_000).optional(),
        limit: z.coerce.number().int().min(1).max(500).optional(), offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
      }),
    },
  }, async (req) => listShops(ctx.db, req.actor, req.query));

  app.get('/api/monitor/shops/:id', {
    config: { auth: 'monitor.read' },
    schema: { tags: ['monitor'], summary: 'One shop: items, indicators (hubs marked), cities and regions, activity, status, merge evidence', params: id },
  }, async (req) => ({ shop: await getShop(ctx.db, req.actor, req.params.id) }));

  app.post('/api/monitor/shops/:id/status', {
    config: { auth: 'monitor.shops.manage' },
    schema: { tags: ['monitor'], summary: 'Record a shop\'s status (blocked / active) with a note', params: id,
      body: z.strictObject({ status: z.enum(['active', 'blocked']), note: z.string().trim().max(2000).optional() }) },
  }, async (req) => ({ shop: await setShopStatus(ctx.db, req.actor, req.params.id, req.body.status, req.body.note) }));

  app.get('/api/monitor/shop-hubs', {
    config: { auth: 'monitor.read' },
    schema: { tags: ['monitor'], summary: 'Hub indicators: declared public services and values the hub guard stopped',
      querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).optional(), offset: z.coerce.number().int().min(0).max(1_000_000).optional() }) },
  }, async (req) => listHubs(ctx.db, req.actor, req.query));

  app.post('/api/monitor/shop-hubs', {
    config: { auth: 'monitor.shops.manage' },
    schema: { tags: ['monitor'], summary: 'Declare an indicator a public service: it never joins items into shops',
      body: z.strictObject({ ...indicator, note: z.string().trim().min(1).max(2000) }) },
  }, async (req, reply) => reply.status(201).send({ hub: await markHub(ctx.db, req.actor, req.body) }));

  app.post('/api/monitor/shop-hubs/remove', {
    config: { auth: 'monitor.shops.manage' },
    schema: { tags: ['monitor'], summary: 'Undo a hub: the indicator joins items again',
      body: z.strictObject({ ...indicator, note: z.string().trim().max(2000).optional() }) },
  }, async (req) => ({ hub: await unmarkHub(ctx.db, req.actor, req.body) }));
}
