/**
 * Blocking requests to banks for dropper instruments, through the monitoring request lifecycle
 * (draft → approved by a reviewer who is not the author → sent → blocked/refused), so finance
 * and monitoring share one desk, one approval rule and one statistics table.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.service.js';
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { regionCondition } from '../../../platform/db/scope.js';
import { AppError } from '../../../platform/errors/catalogue.js';
import { insertRequest } from '../../monitor/requests/requests.service.js';
import { financeDroppers } from './schema.js';

/** One request created per (region, bank). */
export interface BankRequestResult { requests: { id: string; status: string; region: string; bank: string; entries: number }[]; skipped: { id: string; reason: string }[] }

/**
 * Draft one bank request per region and bank for the chosen registry rows. Cleared rows and
 * rows already blocked are skipped. Everything (requests, registry back-links, audit) commits
 * together.
 */
export async function requestBankBlock(db: Db, actor: Actor, ids: string[], opts: { legalBasis?: string; title?: string } = {}): Promise<BankRequestResult> {
  requirePermission(actor, 'finance.dropper.write');
  requirePermission(actor, 'monitor.request.create');
  const valid = [...new Set(ids.filter((i) => /^[0-9a-f-]{36}$/i.test(i)))];
  if (!valid.length) throw new AppError('finance.nothing_to_request');
  return db.transaction(async (tx) => {
    const rows = await tx.select().from(financeDroppers).where(and(inArray(financeDroppers.id, valid), regionCondition(actor.scope, financeDroppers.region))).for('update');
    const skipped: BankRequestResult['skipped'] = valid.filter((id) => !rows.some((r) => r.id === id)).map((id) => ({ id, reason: 'not_found' }));
    const groups = new Map<string, typeof rows>();
    for (const r of rows) {
      if (r.status === 'cleared' || r.status === 'blocked') { skipped.push({ id: r.id, reason: r.status }); continue; }
      const k = `${r.region}\u0000${r.bankName ?? ''}`;
      groups.set(k, [...(groups.get(k) ?? []), r]);
    }
    if (!groups.size) throw new AppError('finance.nothing_to_request', { skipped });
    const out: BankRequestResult['requests'] = [];
    for (const list of groups.values()) {
      const { region, bankName } = list[0]!;
      const bank = bankName ?? '';
      const r = await insertRequest(tx, actor, {
        target: 'bank', region, addressee: bank, legalBasis: opts.legalBasis ?? null,
        title: opts.title ?? `Блокировка счетов дропов${bank ? ' — ' + bank : ''} (${list.length})`,
        entries: list.map((d) => ({
          type: d.kind, value: d.value, entityId: d.entityId ?? undefined, label: d.display, firstSeen: d.firstSeen,
          excerpt: [d.holderName, d.scheme, d.bankName].filter(Boolean).join(' · '), meta: { dropperId: d.id, status: d.status, reports: d.reports },
        })),
        origin: { module: 'finance' },
      });
      await tx.update(financeDroppers).set({ lastRequestId: r.id, updatedAt: new Date() }).where(inArray(financeDroppers.id, list.map((d) => d.id)));
      await recordAudit(tx, actor, {
        action: 'finance.dropper.request', entityType: 'monitor_request', entityId: r.id, region,
        after: { target: 'bank', bank, droppers: list.map((d) => d.id) },
      });
      out.push({ id: r.id, status: r.status, region, bank, entries: list.length });
    }
    return { requests: out, skipped };
  });
}

/** Ids of registry rows cited by a request (for the request page's "back to registry"). */
export async function droppersOfRequest(db: Db, actor: Actor, requestId: string): Promise<string[]> {
  requirePermission(actor, 'finance.dropper.read');
  if (!/^[0-9a-f-]{36}$/i.test(requestId)) return [];
  const rows = await db.select({ id: financeDroppers.id }).from(financeDroppers).where(and(eq(financeDroppers.lastRequestId, requestId), regionCondition(actor.scope, financeDroppers.region)));
  return rows.map((r) => r.id);
}
