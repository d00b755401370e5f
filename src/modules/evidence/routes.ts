import { z } from 'zod';
import type { App, AppContext } from '../../platform/http/context.js';
import { CATEGORIES, CUSTODY_ACTIONS, getEvidence, listEvidence, recordCustody, registerEvidence } from './evidence.service.js';

const text = (max: number) => z.string().trim().min(1).max(max);

/** Evidence rooms: register items, browse within scope, record custody hand-overs. */
export async function evidenceRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get('/api/evidence', {
    config: { auth: 'evidence.read' },
    schema: { tags: ['evidence'], summary: 'Items in the caller\'s regions', querystring: z.strictObject({ q: z.string().max(100).optional(), region: z.string().max(8).optional(), status: z.string().max(20).optional(), limit: z.coerce.number().int().min(1).max(500).optional() }) },
  }, async (req) => ({ items: await listEvidence(ctx.db, req.actor, req.query) }));

  app.post('/api/evidence', {
    config: { auth: 'evidence.write' },
    schema: {
      tags: ['evidence'], summary: 'Register an item in an evidence room',
      body: z.strictObject({
        region: z.string().max(8), caseNumber: text(64), title: text(300), description: z.string().max(5000).optional(), category: z.enum(CATEGORIES),
        quantity: z.string().max(100).optional(), location: text(200), holder: text(200), sealNumber: z.string().max(64).optional(),
      }),
    },
  }, async (req, reply) => reply.status(201).send({ item: await registerEvidence(ctx.db, req.actor, req.body) }));

  app.get('/api/evidence/:id', { config: { auth: 'evidence.read' }, schema: { tags: ['evidence'], summary: 'One item with its chain of custody', params: z.strictObject({ id: z.string().max(64) }) } },
    async (req) => getEvidence(ctx.db, req.actor, req.params.id));

  app.post('/api/evidence/:id/custody', {
    config: { auth: 'evidence.write' },
    schema: {
      tags: ['evidence'], summary: 'Record a custody event', params: z.strictObject({ id: z.string().max(64) }),
      body: z.strictObject({ action: z.enum(CUSTODY_ACTIONS), toHolder: z.string().trim().max(200).optional(), location: z.string().trim().max(200).optional(), sealNumber: z.string().max(64).optional(), note: z.string().max(2000) }),
    },
  }, async (req) => recordCustody(ctx.db, req.actor, req.params.id, req.body));
}
