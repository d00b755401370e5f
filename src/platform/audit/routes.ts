import { Readable } from 'node:stream';
import { z } from 'zod';
import type { App, AppContext } from '../http/context.js';
import { exportAuditCsv, listAudit, type AuditQuery } from './audit.service.js';

const query = z.strictObject({
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  actor: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  region: z.string().max(8).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

/** Auditors browse and export the trail; scope applies (regional auditors see their regions). */
export async function auditRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get('/api/audit', { config: { auth: 'audit.read' }, schema: { tags: ['audit'], summary: 'Browse the audit trail, newest first', querystring: query } }, async (req) => {
    const rows = await listAudit(ctx.db, req.actor, req.query as AuditQuery);
    return { rows: rows.map((r) => ({ ...r, at: r.at.toISOString() })), nextBefore: rows.length ? rows[rows.length - 1]!.seq : null };
  });
  app.get('/api/audit/export.csv', { config: { auth: 'audit.read' }, schema: { tags: ['audit'], summary: 'Export the filtered audit trail as CSV', querystring: query } }, async (req, reply) => {
    reply.header('content-disposition', `attachment; filename="qalqan-audit-${new Date().toISOString().slice(0, 10)}.csv"`);
    reply.type('text/csv; charset=utf-8');
    return reply.send(Readable.from(exportAuditCsv(ctx.db, req.actor, req.query as AuditQuery)));
  });
}
