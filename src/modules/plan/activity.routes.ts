import { z } from 'zod';
import type { App, AppContext } from '../../platform/http/context.js';
import { ATTACHMENTS_PER_REPORT, CADCA_SECTORS } from './constants.js';
import { addCoalitionMember, createOutcome, removeCoalitionMember, updateOutcome } from './cadca.service.js';
import { attachment, day, id, idParams, sendFile, text } from './http.js';
import { listNotifications, markRead } from './notify.service.js';
import { getAttachment, listQueue, reviewReport, submitReport } from './reports.service.js';

const tags = ['plan'];

/** Execution: reports and their review, attachments, notifications, CADCA coalition and outcomes. */
export async function planActivityRoutes(app: App, ctx: AppContext): Promise<void> {
  app.post('/api/plan/items/:id/reports', {
    config: { auth: 'plan.report' },
    schema: {
      tags, summary: 'Submit a report on an item (assigned executors, the region\'s HQ)', params: idParams,
      body: z.strictObject({ text: text(20_000), kpiValue: z.number().finite().nullable().optional(), dueDate: day.nullable().optional(), final: z.boolean().optional(), attachments: z.array(attachment).max(ATTACHMENTS_PER_REPORT).optional() }),
    },
  }, async (req, reply) => reply.status(201).send({ report: await submitReport(ctx.db, req.actor, req.params.id, req.body) }));

  app.get('/api/plan/reports', {
    config: { auth: 'plan.accept' },
    schema: { tags, summary: 'The secretariat queue (reports it may decide on)', querystring: z.strictObject({ status: z.enum(['submitted', 'accepted', 'returned']).optional(), planId: id.optional(), limit: z.coerce.number().int().min(1).max(500).optional() }) },
  }, async (req) => ({ reports: await listQueue(ctx.db, req.actor, req.query) }));

  app.post('/api/plan/reports/:id/accept', {
    config: { auth: 'plan.accept' },
    schema: { tags, summary: 'Accept a report', params: idParams, body: z.strictObject({ comment: z.string().max(2000).optional() }) },
  }, async (req) => ({ report: await reviewReport(ctx.db, req.actor, req.params.id, 'accept', req.body.comment) }));

  app.post('/api/plan/reports/:id/return', {
    config: { auth: 'plan.accept' },
    schema: { tags, summary: 'Return a report to the executor with a comment', params: idParams, body: z.strictObject({ comment: text(2000) }) },
  }, async (req) => ({ report: await reviewReport(ctx.db, req.actor, req.params.id, 'return', req.body.comment) }));

  app.get('/api/plan/attachments/:id', { config: { auth: 'plan.read' }, schema: { tags, summary: 'Download a report attachment', params: idParams } }, async (req, reply) => {
    const a = await getAttachment(ctx.db, req.actor, req.params.id);
    return sendFile(reply, a.mime, a.filename, a.content);
  });

  app.get('/api/plan/notifications', {
    config: { auth: 'plan.read' },
    schema: { tags, summary: 'The caller\'s notifications and unread count', querystring: z.strictObject({ unread: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(200).optional() }) },
  }, async (req) => listNotifications(ctx.db, req.actor, { unread: req.query.unread === 'true', limit: req.query.limit }));

  app.post('/api/plan/notifications/read', {
    config: { auth: 'plan.read' },
    schema: { tags, summary: 'Mark notifications read (ids, or all)', body: z.union([z.strictObject({ ids: z.array(id).min(1).max(200) }), z.strictObject({ all: z.literal(true) })]) },
  }, async (req) => ({ changed: await markRead(ctx.db, req.actor, 'ids' in req.body ? req.body.ids : 'all') }));

  app.post('/api/plan/plans/:id/coalition', {
    config: { auth: 'plan.manage' },
    schema: { tags, summary: 'Add a coalition member (CADCA sector)', params: idParams, body: z.strictObject({ sector: z.enum(CADCA_SECTORS), organisation: text(300), contact: z.string().max(300).optional() }) },
  }, async (req, reply) => reply.status(201).send({ member: await addCoalitionMember(ctx.db, req.actor, req.params.id, req.body) }));

  app.delete('/api/plan/coalition/:id', { config: { auth: 'plan.manage' }, schema: { tags, summary: 'Remove a coalition member', params: idParams } }, async (req, reply) => {
    await removeCoalitionMember(ctx.db, req.actor, req.params.id);
    return reply.status(204).send();
  });

  const num = z.number().finite();
  const outcome = { unit: z.string().max(50).optional(), baselineYear: z.number().int().min(1990).max(2100).nullable().optional(), actual: num.nullable().optional(), source: z.string().max(500).optional() };
  app.post('/api/plan/plans/:id/outcomes', {
    config: { auth: 'plan.manage' },
    schema: { tags, summary: 'Add an outcome measure (baseline, target, actual)', params: idParams, body: z.strictObject({ ...outcome, name: text(500), baseline: num, target: num }) },
  }, async (req, reply) => reply.status(201).send({ outcome: await createOutcome(ctx.db, req.actor, req.params.id, req.body) }));

  app.patch('/api/plan/outcomes/:id', {
    config: { auth: 'plan.manage' },
    schema: { tags, summary: 'Update an outcome measure', params: idParams, body: z.strictObject({ ...outcome, name: text(500).optional(), baseline: num.optional(), target: num.optional() }) },
  }, async (req) => ({ outcome: await updateOutcome(ctx.db, req.actor, req.params.id, req.body) }));
}
