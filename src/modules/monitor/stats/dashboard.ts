/**
 * The figures the home card adds to the weekly label counts: what waits for someone's action
 * (review queue, requests to approve or send, open alerts) and what the week achieved (blocks).
 * Each figure is computed only when the caller's roles may read its source, within their scope.
 */
import { and, count, eq, gte, isNotNull } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.js';
import { rolesAllow } from '../../../platform/auth/policy.js';
import type { Db } from '../../../platform/db/client.js';
import { regionCondition } from '../../../platform/db/scope.js';
import { listAlerts } from '../mirrors/alerts.service.js';
import { requestStats } from '../requests/requests.service.js';
import { monitorRequests } from '../requests/schema.js';
import { reviewStats } from '../review/review.service.js';

/** Action figures of the cyber-supervision home card; absent when the caller may not read the source. */
export interface MonitorCardExtras {
  /** Flagged items above the review threshold nobody has decided yet. */
  pendingReview?: number;
  /** Draft requests waiting for a reviewer's approval. */
  requestsAwaitingApproval?: number;
  /** Approved requests not sent yet. */
  requestsToSend?: number;
  /** Requests first blocked in the last 7 days. */
  blockedThisWeek?: number;
  /** Restored-content and reappeared-shop alerts nobody has acknowledged. */
  openAlerts?: number;
}

export async function monitorCardExtras(db: Db, actor: Actor): Promise<MonitorCardExtras> {
  const out: MonitorCardExtras = {};
  if (rolesAllow(actor.roles, 'monitor.review')) out.pendingReview = (await reviewStats(db, actor)).open;
  if (rolesAllow(actor.roles, 'monitor.request.read')) {
    const byStatus = (await requestStats(db, actor, { origin: 'monitor' })).byStatus;
    out.requestsAwaitingApproval = byStatus.draft ?? 0;
    out.requestsToSend = byStatus.approved ?? 0;
    // requestStats filters on creation time; a block this week may close an older request, so count here.
    const [b] = await db.select({ n: count() }).from(monitorRequests).where(and(regionCondition(actor.scope, monitorRequests.region),
      eq(monitorRequests.originModule, 'monitor'), isNotNull(monitorRequests.firstBlockedAt), gte(monitorRequests.firstBlockedAt, new Date(Date.now() - 7 * 86_400_000))));
    out.blockedThisWeek = Number(b!.n);
  }
  if (rolesAllow(actor.roles, 'monitor.alert.read')) out.openAlerts = (await listAlerts(db, actor, { limit: 1 })).open;
  return out;
}
