import { z } from 'zod';
import type { App, AppContext } from '../../../platform/http/context.js';
import { acknowledgeAlert, ALERT_KINDS, listAlerts } from '../mirrors/alerts.service.js';
import { getTarget, listTargets, recheckNow, TARGET_STATUSES } from './rechecks.service.js';

const id = z.strictObject({ id: z.string().max(64) });
const page = { limit: z.coerce.number().int().min(1).max(500).optional(), offset: z.coerce.number().int().min(0).max(1_000_000).optional() };

/** Rechecks of requested URLs (list, history, "recheck now") and the alerts they and the mirror check raise. */
export async function monitorRechecksRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get('/api/monitor/rechecks', {
    config: { auth: 'monitor.recheck.read' },
    schema: {
      tags: ['monitor'], summary: 'Watched URLs of sent/blocked/restored requests with their current status and counts per status',
      querystring: z.strictObject({
        status: z.enum(TARGET_STATUSES).optional(), q: z.string().trim().max(500).optional(), requestId: z.string().max(64).optional(),
        region: z.string().max(8).optional(), inactive: z.enum(['true', 'false']).optional(), ...page,
      }),
    },
  }, async (req) => listTargets(ctx.db, req.actor, { ...req.query, inactive: req.query.inactive === 'true' }));

  app.get('/api/monitor/rechecks/:id', {
    config: { auth: 'monitor.recheck.read' },
    schema: { tags: ['monitor'], summary: 'One watched URL with its status history (newest first)', params: id },
  }, async (req) => getTarget(ctx.db, req.actor, req.params.id));

  app.post('/api/monitor/rechecks/:id/run', {
    config: { auth: 'monitor.recheck.run' },
    schema: { tags: ['monitor'], summary: 'Recheck the URL now (SSRF rules and host politeness apply); answers the stored check', params: id },
  }, async (req) => recheckNow(ctx, req.actor, req.params.id));

  app.get('/api/monitor/alerts', {
    config: { auth: 'monitor.alert.read' },
    schema: {
      tags: ['monitor'], summary: 'Restored-content and reappeared-shop alerts, newest first (open ones by default)',
      querystring: z.strictObject({ kind: z.enum(ALERT_KINDS).optional(), state: z.enum(['open', 'acknowledged', 'all']).optional(), shopId: z.uuid().optional(), ...page }),
    },
  }, async (req) => listAlerts(ctx.db, req.actor, req.query));

  app.post('/api/monitor/alerts/:id/ack', {
    config: { auth: 'monitor.alert.ack' },
    schema: { tags: ['monitor'], summary: 'Acknowledge an alert (audited)', params: id, body: z.strictObject({ note: z.string().max(2000).optional() }) },
  }, async (req) => ({ alert: await acknowledgeAlert(ctx.db, req.actor, req.params.id, req.body.note ?? '') }));
}
