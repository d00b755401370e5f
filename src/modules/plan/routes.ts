import { z } from 'zod';
import type { App, AppContext } from '../../platform/http/context.js';
import { PLAN_KINDS } from './constants.js';
import { exportCsv, exportXlsx, planDashboard } from './dashboard.service.js';
import { day, id, idParams, importBody, itemFields, phase, sendFile, text } from './http.js';
import { buildTemplate } from './import-template.js';
import { importPlan } from './import.service.js';
import { createItem, getItem, setExecutors, updateItem } from './items.service.js';
import { createPlan, createSection, getPlan, listPlans, updatePlan } from './plans.service.js';
import { planActivityRoutes } from './activity.routes.js';

const tags = ['plan'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Plan structure: plans, sections, items, XLSX import/export and dashboards. */
export async function planRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get('/api/plan/plans', { config: { auth: 'plan.read' }, schema: { tags, summary: 'Plans in scope (national + own regions) with status counts' } },
    async (req) => ({ plans: await listPlans(ctx.db, req.actor) }));

  app.post('/api/plan/plans', {
    config: { auth: 'plan.manage' },
    schema: {
      tags, summary: 'Create the national plan or a regional HQ plan',
      body: z.strictObject({ kind: z.enum(PLAN_KINDS), region: z.string().max(8).nullable().optional(), code: z.string().trim().regex(/^[\w.-]{2,40}$/), title: text(500), description: z.string().max(4000).optional(), periodStart: day, periodEnd: day }),
    },
  }, async (req, reply) => reply.status(201).send({ plan: await createPlan(ctx.db, req.actor, req.body) }));

  app.get('/api/plan/plans/:id', { config: { auth: 'plan.read' }, schema: { tags, summary: 'A plan: sections, items with computed statuses, CADCA data', params: idParams } },
    async (req) => getPlan(ctx.db, req.actor, req.params.id));

  app.patch('/api/plan/plans/:id', {
    config: { auth: 'plan.manage' },
    schema: { tags, summary: 'Edit a plan (title, period, current CADCA phase)', params: idParams, body: z.strictObject({ title: text(500).optional(), description: z.string().max(4000).optional(), periodStart: day.optional(), periodEnd: day.optional(), currentPhase: phase.optional() }) },
  }, async (req) => ({ plan: await updatePlan(ctx.db, req.actor, req.params.id, req.body) }));

  app.post('/api/plan/plans/:id/sections', {
    config: { auth: 'plan.manage' },
    schema: { tags, summary: 'Add a section', params: idParams, body: z.strictObject({ number: text(20), title: text(2000), phase: phase.nullable().optional() }) },
  }, async (req, reply) => reply.status(201).send({ section: await createSection(ctx.db, req.actor, req.params.id, req.body) }));

  app.post('/api/plan/plans/:id/items', {
    config: { auth: 'plan.manage' },
    schema: { tags, summary: 'Add an item or sub-item', params: idParams, body: z.strictObject({ ...itemFields, sectionId: id, parentId: id.nullable().optional(), number: text(20), title: text(2000), responsible: text(300) }) },
  }, async (req, reply) => reply.status(201).send({ item: await createItem(ctx.db, req.actor, req.params.id, req.body) }));

  app.get('/api/plan/items/:id', { config: { auth: 'plan.read' }, schema: { tags, summary: 'An item with its status, sub-items, reports and executors', params: idParams } },
    async (req) => getItem(ctx.db, req.actor, req.params.id));

  app.patch('/api/plan/items/:id', {
    config: { auth: 'plan.manage' },
    schema: { tags, summary: 'Edit or cancel an item', params: idParams, body: z.strictObject({ ...itemFields, cancelled: z.boolean().optional(), cancelReason: z.string().max(2000).optional() }) },
  }, async (req) => ({ item: await updateItem(ctx.db, req.actor, req.params.id, req.body) }));

  app.put('/api/plan/items/:id/executors', {
    config: { auth: 'plan.manage' },
    schema: { tags, summary: 'Replace the executors assigned to an item', params: idParams, body: z.strictObject({ usernames: z.array(z.string().max(64)).max(50) }) },
  }, async (req) => ({ executors: await setExecutors(ctx.db, req.actor, req.params.id, req.body.usernames) }));

  app.get('/api/plan/template.xlsx', { config: { auth: 'plan.read' }, schema: { tags, summary: 'The XLSX import template with a help sheet' } },
    async (req, reply) => sendFile(reply, XLSX, 'plan-import-template.xlsx', await buildTemplate(req.lang)));

  app.post('/api/plan/plans/:id/import', {
    config: { auth: 'plan.manage' },
    schema: { tags, summary: 'Import sections and items from XLSX (base64); all-or-nothing with row errors', params: idParams, body: importBody },
  }, async (req) => importPlan(ctx.db, req.actor, req.params.id, { filename: req.body.filename, bytes: Buffer.from(req.body.contentBase64, 'base64') }));

  const scopeQuery = z.strictObject({ planId: id.optional() });
  app.get('/api/plan/dashboard', {
    config: { auth: 'plan.read' },
    schema: { tags, summary: 'Execution by section, agency or region, and the overdue list', querystring: z.strictObject({ planId: id.optional(), by: z.enum(['section', 'agency', 'region']).optional() }) },
  }, async (req) => planDashboard(ctx.db, req.actor, req.query));

  app.get('/api/plan/export.xlsx', { config: { auth: 'plan.read' }, schema: { tags, summary: 'Items with statuses as XLSX', querystring: scopeQuery } }, async (req, reply) => {
    const f = await exportXlsx(ctx.db, req.actor, req.query.planId, req.lang);
    return sendFile(reply, XLSX, f.filename, f.body);
  });

  app.get('/api/plan/export.csv', { config: { auth: 'plan.read' }, schema: { tags, summary: 'Items with statuses as CSV (UTF-8 with BOM)', querystring: scopeQuery } }, async (req, reply) => {
    const f = await exportCsv(ctx.db, req.actor, req.query.planId, req.lang);
    return sendFile(reply, 'text/csv; charset=utf-8', f.filename, f.body);
  });

  await planActivityRoutes(app, ctx);
}
