import { auditStats } from '../platform/audit/audit.service.js';
import { rolesAllow } from '../platform/auth/policy.js';
import { userStats } from '../platform/auth/users.service.js';
import type { App, AppContext } from '../platform/http/context.js';
import { evidenceStats } from '../modules/evidence/evidence.service.js';
import { planStats } from '../modules/plan/dashboard.service.js';
import { ratingStats } from '../modules/rating/rating.service.js';
import { situationStats } from '../modules/situation/dashboard.service.js';
import { monitorStats } from '../modules/monitor/items.service.js';
import { financeStats } from '../modules/finance/dashboard.service.js';

/**
 * Home dashboard: one card per area the caller may see, each computed by its own service
 * inside the caller's region scope. New modules add a card here.
 */
export async function dashboardRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get('/api/dashboard', { config: { auth: 'dashboard.read' }, schema: { tags: ['dashboard'], summary: 'Home page figures in the caller\'s scope' } }, async (req) => {
    const a = req.actor;
    const cards: Record<string, unknown> = {};
    if (rolesAllow(a.roles, 'evidence.read')) cards.evidence = await evidenceStats(ctx.db, a);
    if (rolesAllow(a.roles, 'audit.read')) cards.audit = await auditStats(ctx.db, a);
    if (rolesAllow(a.roles, 'users.read')) cards.users = await userStats(ctx.db, a);
    if (rolesAllow(a.roles, 'rating.read')) cards.rating = await ratingStats(ctx.db, a);
    if (rolesAllow(a.roles, 'plan.read')) cards.plan = await planStats(ctx.db, a);
    if (rolesAllow(a.roles, 'situation.read')) cards.situation = await situationStats(ctx.db, a);
    if (rolesAllow(a.roles, 'monitor.read')) cards.monitor = await monitorStats(ctx.db, a);
    if (rolesAllow(a.roles, 'finance.read')) cards.finance = await financeStats(ctx.db, a);
    return { cards, generatedAt: new Date().toISOString() };
  });
}
