import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../platform/errors/catalogue.js';
import type { Db } from '../../platform/db/client.js';
import { regionCondition } from '../../platform/db/scope.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { requirePermission, requirePerson, type Actor } from '../../platform/auth/actor.js';
import { users } from '../../platform/auth/schema.js';
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_REPORT, SAFE_MIME } from './constants.js';
import { checkId, loadItem, loadReport, mayAccept, mayReport, planScope, reportRegion, requirePlanWrite, type Report } from './access.js';
import { planAttachments, planItemExecutors, planItems, planNotifications, planPlans, planReports } from './schema.js';
import { uncoveredDeadlines } from './status.js';
import { almatyDate, planClock } from './time.js';

export interface AttachmentInput {
  filename: string;
  mime?: string;
  /** The file's bytes, base64: the API speaks JSON only. */
  contentBase64: string;
}

export interface NewReport {
  text: string;
  kpiValue?: number | null;
  /** Which control date this answers; default the earliest one not yet reported. */
  dueDate?: string | null;
  final?: boolean;
  attachments?: AttachmentInput[];
}

/** A file name safe to store and to put into content-disposition. */
const cleanName = (s: string) => s.replace(/[\u0000-\u001f\u007f/\\"]+/g, '_').trim().slice(0, 200) || 'file';

function decodeAttachments(list: AttachmentInput[]) {
  if (list.length > ATTACHMENTS_PER_REPORT) throw new AppError('plan.attachment_too_large', { maxFiles: ATTACHMENTS_PER_REPORT });
  return list.map((a) => {
    const bytes = Buffer.from(a.contentBase64, 'base64');
    if (bytes.length === 0) throw new AppError('request.invalid', { attachment: a.filename, reason: 'empty' });
    if (bytes.length > ATTACHMENT_MAX_BYTES) throw new AppError('plan.attachment_too_large', { filename: a.filename, maxBytes: ATTACHMENT_MAX_BYTES });
    return { filename: cleanName(a.filename), mime: (a.mime ?? '').toLowerCase().slice(0, 100) || 'application/octet-stream', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), content: bytes };
  });
}

/**
 * An executor reports on an item: text, KPI value, files. Only assigned executors and the HQ
 * of the item's region may; one report per control date may wait for review at a time.
 */
/** `at` exists for the demo seed, which backdates reports; the API always uses the clock. */
export async function submitReport(db: Db, actor: Actor, itemId: string, input: NewReport, at = planClock.now()): Promise<Report & { attachments: { id: string; filename: string; size: number; sha256: string }[] }> {
  requirePermission(actor, 'plan.report');
  const files = decodeAttachments(input.attachments ?? []);
  return db.transaction(async (tx) => {
    const item = await loadItem(tx, actor, itemId);
    const executors = (await tx.select({ userId: planItemExecutors.userId }).from(planItemExecutors).where(eq(planItemExecutors.itemId, itemId))).map((e) => e.userId);
    if (!mayReport(actor, item, executors)) throw new AppError('plan.not_executor');
    if (item.cancelled) throw new AppError('record.invalid_state', { item: 'cancelled' });
    // A heading item without control dates of its own is executed through its sub-items.
    const [child] = item.deadlines.length ? [] : await tx.select({ id: planItems.id }).from(planItems).where(eq(planItems.parentId, itemId)).limit(1);
    if (child) throw new AppError('record.invalid_state', { item: 'report on its sub-items' });
    const region = reportRegion(actor, item);
    const mine = await tx.select().from(planReports).where(and(eq(planReports.itemId, itemId), region === null ? sql`${planReports.region} is null` : eq(planReports.region, region)));
    let dueDate = input.dueDate ?? null;
    if (dueDate !== null && !item.deadlines.includes(dueDate)) throw new AppError('request.invalid', { dueDate: 'not one of the item\'s deadlines' });
    dueDate ??= uncoveredDeadlines(item.deadlines, mine)[0] ?? item.deadlines.at(-1) ?? null;
    if (mine.some((r) => r.status === 'submitted' && r.dueDate === dueDate)) throw new AppError('plan.report_pending', { dueDate });
    const [report] = await tx.insert(planReports).values({
      itemId, planId: item.planId, region, dueDate, text: input.text, kpiValue: input.kpiValue ?? null, final: input.final ?? false,
      submittedBy: actor.id, submittedByName: actor.name, submittedAt: at,
    }).returning();
    const stored = files.length
      ? await tx.insert(planAttachments).values(files.map((f) => ({ ...f, reportId: report!.id, region }))).returning({ id: planAttachments.id, filename: planAttachments.filename, size: planAttachments.size, sha256: planAttachments.sha256 })
      : [];
    await recordAudit(tx, actor, {
      action: 'plan.report_submit', entityType: 'plan_report', entityId: report!.id, region,
      after: { itemId, number: item.number, dueDate, kpiValue: report!.kpiValue, final: report!.final },
      details: { attachments: stored.map((f) => ({ filename: f.filename, size: f.size, sha256: f.sha256 })) },
    });
    return { ...report!, attachments: stored };
  });
}

/**
 * The secretariat accepts a report or returns it with a comment. Nobody reviews their own
 * report; the update is conditional on `submitted`, so two reviewers cannot both decide.
 */
export async function reviewReport(db: Db, actor: Actor, id: string, decision: 'accept' | 'return', comment = '', at = planClock.now()): Promise<Report> {
  requirePermission(actor, 'plan.accept');
  requirePerson(actor);
  if (decision === 'return' && !comment.trim()) throw new AppError('request.invalid', { comment: 'required when returning a report' });
  return db.transaction(async (tx) => {
    const report = await loadReport(tx, actor, id);
    requirePlanWrite(actor, report.region);
    if (!mayAccept(actor, report.region)) throw new AppError('auth.forbidden', { permission: 'plan.accept' });
    if (report.submittedBy !== null && report.submittedBy === actor.id) throw new AppError('plan.self_review');
    const now = at;
    const status = decision === 'accept' ? 'accepted' : 'returned';
    const [updated] = await tx.update(planReports)
      .set({ status, reviewedBy: actor.id, reviewedByName: actor.name, reviewedAt: now, reviewComment: comment.trim() })
      .where(and(eq(planReports.id, id), eq(planReports.status, 'submitted'))).returning();
    if (!updated) throw new AppError('record.invalid_state', { status: report.status });
    // Only a person can be told: a report sent with an API token names the token, which has no
    // inbox (and no row in users: the insert would fail and the report could never be decided).
    const [submitter] = report.submittedBy ? await tx.select({ id: users.id }).from(users).where(eq(users.id, report.submittedBy)) : [];
    if (submitter) {
      const [item] = await tx.select({ number: planItems.number, title: planItems.title }).from(planItems).where(eq(planItems.id, report.itemId));
      await tx.insert(planNotifications).values({
        userId: submitter.id, itemId: report.itemId, kind: `report_${status}`, day: almatyDate(now), dueDate: report.dueDate,
        params: { number: item?.number ?? '', title: item?.title ?? '', comment: comment.trim().slice(0, 500) },
      }).onConflictDoNothing();
    }
    await recordAudit(tx, actor, {
      action: `plan.report_${decision}`, entityType: 'plan_report', entityId: id, region: report.region,
      before: { status: report.status }, after: { status }, details: comment.trim() ? { comment: comment.trim() } : undefined,
    });
    return updated;
  });
}

export interface QueueQuery {
  status?: 'submitted' | 'accepted' | 'returned';
  planId?: string;
  limit?: number;
}

/**
 * The secretariat's queue: reports of the regions it may decide on. Unlike reading, a regional
 * secretariat does not see national reports here, because it cannot decide them.
 */
export async function listQueue(db: Db, actor: Actor, q: QueueQuery) {
  requirePermission(actor, 'plan.accept');
  const c: (SQL | undefined)[] = [regionCondition(actor.scope, planReports.region), eq(planReports.status, q.status ?? 'submitted')];
  if (q.planId) { checkId(q.planId); c.push(eq(planReports.planId, q.planId)); }
  const rows = await db.select({
    report: planReports, number: planItems.number, title: planItems.title, responsible: planItems.responsible, planCode: planPlans.code, planTitle: planPlans.title,
  }).from(planReports).innerJoin(planItems, eq(planItems.id, planReports.itemId)).innerJoin(planPlans, eq(planPlans.id, planReports.planId))
    .where(and(...c)).orderBy(q.status && q.status !== 'submitted' ? desc(planReports.submittedAt) : asc(planReports.submittedAt)).limit(Math.min(q.limit ?? 200, 500));
  const counts = rows.length ? await db.select({ reportId: planAttachments.reportId, n: sql<number>`count(*)` }).from(planAttachments)
    .where(inArray(planAttachments.reportId, rows.map((r) => r.report.id))).groupBy(planAttachments.reportId) : [];
  return rows.map((r) => ({
    ...r.report, item: { number: r.number, title: r.title, responsible: r.responsible }, plan: { code: r.planCode, title: r.planTitle },
    attachments: Number(counts.find((x) => x.reportId === r.report.id)?.n ?? 0), canReview: r.report.submittedBy === null || r.report.submittedBy !== actor.id,
  }));
}

/** An attachment's bytes, if its report is within the caller's scope. */
export async function getAttachment(db: Db, actor: Actor, id: string) {
  requirePermission(actor, 'plan.read');
  checkId(id);
  const [a] = await db.select().from(planAttachments).where(and(eq(planAttachments.id, id), planScope(actor.scope, planAttachments.region)));
  if (!a) throw new AppError('record.not_found');
  return { ...a, mime: SAFE_MIME.has(a.mime) ? a.mime : 'application/octet-stream' };
}
