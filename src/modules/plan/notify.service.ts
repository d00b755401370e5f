import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { requirePermission, systemActor, type Actor } from '../../platform/auth/actor.js';
import { users } from '../../platform/auth/schema.js';
import { checkId, planScope } from './access.js';
import { REMINDER_DAYS } from './constants.js';
import { planItemExecutors, planItems, planNotifications, planPlans } from './schema.js';
import { computeStates, ownStatus } from './states.js';
import { uncoveredDeadlines } from './status.js';
import { addDays, almatyDate, daysBetween, isPast, planClock } from './time.js';

/**
 * Which reminder is due for a control date on `today`, and the day it is keyed by.
 * The key is the day the reminder was meant for (deadline − 14/7/1, or deadline + 1 for
 * overdue), not the day the job ran: a re-run, or a run after a day of downtime, finds the
 * same key and adds nothing, while a late first run still catches up.
 */
export function reminderFor(deadline: string, today: string, now: Date): { kind: string; day: string } | null {
  if (isPast(deadline, now)) return { kind: 'overdue', day: addDays(deadline, 1) };
  const left = daysBetween(today, deadline);
  const n = [...REMINDER_DAYS].sort((a, b) => a - b).find((d) => d >= left);
  return n === undefined ? null : { kind: `due_${n}`, day: addDays(deadline, -n) };
}

/**
 * The daily reminder job: for each live item, remind its executors (and, for a regional plan's
 * items, the regional HQ) of the nearest open control date, and tell them once when an item
 * becomes overdue. Runs as the system over every region.
 */
export async function runReminders(db: Db, now = planClock.now()): Promise<{ day: string; created: number }> {
  const today = almatyDate(now);
  const states = await computeStates(db, systemActor('plan-reminders'), now);
  const executors = await db.select().from(planItemExecutors);
  const hq = await db.select({ id: users.id, regions: users.regions }).from(users)
    .where(and(isNull(users.disabledAt), eq(users.national, false), sql`'regional_hq' = any(${users.roles})`));
  const plans = new Map((await db.select({ id: planPlans.id, code: planPlans.code }).from(planPlans)).map((p) => [p.id, p.code]));
  const rows: (typeof planNotifications.$inferInsert)[] = [];
  for (const s of states.values()) {
    const own = ownStatus(s);
    if (own === null || own === 'done' || own === 'cancelled') continue;
    // Overdue speaks of the first missed date; otherwise remind of the nearest open one.
    const target = s.state.overdueSince ?? uncoveredDeadlines(s.item.deadlines, s.reports)[0];
    if (!target) continue;
    const r = reminderFor(target, today, now);
    if (!r) continue;
    const to = new Set(executors.filter((e) => e.itemId === s.item.id).map((e) => e.userId));
    if (s.item.region) for (const u of hq) if ((u.regions as string[]).includes(s.item.region)) to.add(u.id);
    for (const userId of to) {
      rows.push({
        userId, itemId: s.item.id, kind: r.kind, day: r.day, dueDate: target,
        params: { number: s.item.number, title: s.item.title, planCode: plans.get(s.item.planId) ?? '', days: daysBetween(today, target) },
      });
    }
  }
  // The notifications and their audit row in one transaction: a re-run finds them stored and adds
  // nothing, so an audit row written apart and lost would never be written.
  const created = await db.transaction(async (tx) => {
    let n = 0;
    for (let i = 0; i < rows.length; i += 500) {
      n += (await tx.insert(planNotifications).values(rows.slice(i, i + 500)).onConflictDoNothing().returning({ id: planNotifications.id })).length;
    }
    if (n > 0) await recordAudit(tx, systemActor('plan-reminders'), { action: 'plan.reminders', entityType: 'plan_notification', details: { day: today, created: n } });
    return n;
  });
  return { day: today, created };
}

/** The caller's own notifications, newest first, only about items still in their scope. */
export async function listNotifications(db: Db, actor: Actor, q: { unread?: boolean; limit?: number } = {}) {
  requirePermission(actor, 'plan.read');
  if (actor.type !== 'user' || !actor.id) return { items: [], unread: 0 };
  const mine = and(eq(planNotifications.userId, actor.id), planScope(actor.scope, planItems.region));
  const items = await db.select({
    id: planNotifications.id, kind: planNotifications.kind, day: planNotifications.day, dueDate: planNotifications.dueDate, params: planNotifications.params,
    createdAt: planNotifications.createdAt, readAt: planNotifications.readAt, itemId: planNotifications.itemId, planId: planItems.planId,
  }).from(planNotifications).innerJoin(planItems, eq(planItems.id, planNotifications.itemId))
    .where(and(mine, q.unread ? isNull(planNotifications.readAt) : undefined)).orderBy(desc(planNotifications.createdAt)).limit(Math.min(q.limit ?? 50, 200));
  const [u] = await db.select({ n: count() }).from(planNotifications).innerJoin(planItems, eq(planItems.id, planNotifications.itemId)).where(and(mine, isNull(planNotifications.readAt)));
  return { items, unread: Number(u?.n ?? 0) };
}

/** Mark some (or all) of the caller's notifications read. Returns how many changed. */
export async function markRead(db: Db, actor: Actor, ids: string[] | 'all'): Promise<number> {
  requirePermission(actor, 'plan.read');
  if (actor.type !== 'user' || !actor.id) return 0;
  if (ids !== 'all') ids.forEach(checkId);
  if (ids !== 'all' && ids.length === 0) return 0;
  return db.transaction(async (tx) => {
    const changed = await tx.update(planNotifications).set({ readAt: planClock.now() })
      .where(and(eq(planNotifications.userId, actor.id!), isNull(planNotifications.readAt), ids === 'all' ? undefined : inArray(planNotifications.id, ids)))
      .returning({ id: planNotifications.id });
    if (changed.length) await recordAudit(tx, actor, { action: 'plan.notifications_read', entityType: 'plan_notification', details: { count: changed.length } });
    return changed.length;
  });
}
