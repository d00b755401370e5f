/**
 * Auto-approve policy per detector label. Off by default (no row = off); only admins change it;
 * every change is audited with before/after. The requests page shows a banner while any policy
 * is on, so reviewers know some approvals were not made by a person.
 */
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.service.js';
import { requirePermission, systemActor, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors/catalogue.js';
import { applyMove, type RequestRow } from './lifecycle.js';
import { monitorRequestPolicies } from './schema.js';

/** Labels a policy can exist for (benign never leads to a request). */
export const POLICY_LABELS = ['drug_sale', 'courier_recruitment', 'drug_propaganda'] as const;
export type PolicyLabel = (typeof POLICY_LABELS)[number];

export interface Policy { label: PolicyLabel; enabled: boolean; minScore: number; autoSend: boolean; updatedByName: string | null; updatedAt: Date | null }

const DEFAULT_MIN = 0.99;

async function readAll(db: Db): Promise<Policy[]> {
  const rows = await db.select().from(monitorRequestPolicies);
  return POLICY_LABELS.map((label) => {
    const r = rows.find((x) => x.label === label);
    return r ? { label, enabled: r.enabled, minScore: r.minScore, autoSend: r.autoSend, updatedByName: r.updatedByName, updatedAt: r.updatedAt }
      : { label, enabled: false, minScore: DEFAULT_MIN, autoSend: false, updatedByName: null, updatedAt: null };
  });
}

/** Every label's policy (defaults included), for the banner and the admin page. */
export async function listPolicies(db: Db, actor: Actor): Promise<Policy[]> {
  requirePermission(actor, 'monitor.request.read');
  return readAll(db);
}

/** Change one label's policy (admin only, audited in the same transaction). */
export async function setPolicy(db: Db, actor: Actor, label: string, input: { enabled: boolean; minScore: number; autoSend?: boolean }): Promise<Policy> {
  requirePermission(actor, 'monitor.request.policy');
  if (!(POLICY_LABELS as readonly string[]).includes(label)) throw new AppError('request.invalid', { label });
  if (!(input.minScore >= 0.5 && input.minScore <= 1)) throw new AppError('request.invalid', { minScore: 'between 0.5 and 1' });
  return db.transaction(async (tx) => {
    const before = (await readAll(tx)).find((p) => p.label === label)!;
    const values = { enabled: input.enabled, minScore: input.minScore, autoSend: input.autoSend ?? false, updatedByName: actor.name, updatedAt: new Date() };
    await tx.insert(monitorRequestPolicies).values({ label, ...values }).onConflictDoUpdate({ target: monitorRequestPolicies.label, set: values });
    await recordAudit(tx, actor, {
      action: 'monitor.request.policy', entityType: 'monitor_request_policy', entityId: null,
      before: { label, enabled: before.enabled, minScore: before.minScore, autoSend: before.autoSend },
      after: { label, enabled: values.enabled, minScore: values.minScore, autoSend: values.autoSend },
    });
    return { label: label as PolicyLabel, ...values };
  });
}

/**
 * Inside the creating transaction: approve (and, if every matching policy says so, send) a new
 * draft when each of its evidence items carries a label whose policy is on with risk ≥ threshold.
 * The history names the policy; the audit actor is a system actor named after it.
 */
export async function applyAutoApprove(tx: Db, r: RequestRow, items: { label: string | null; risk: number | null }[]): Promise<RequestRow> {
  if (items.length === 0) return r;
  const on = (await readAll(tx)).filter((p) => p.enabled);
  if (on.length === 0) return r;
  const used: Policy[] = [];
  for (const it of items) {
    const p = on.find((x) => x.label === it.label);
    if (!p || it.risk === null || it.risk < p.minScore) return r;
    if (!used.includes(p)) used.push(p);
  }
  const name = `auto-approve policy: ${used.map((p) => `${p.label} ≥ ${p.minScore}`).join(', ')}`;
  const actor = systemActor(name);
  const who = { type: 'policy' as const, id: null, name };
  let out = await applyMove(tx, actor, who, r, 'approved', 'approved by policy');
  if (used.every((p) => p.autoSend)) out = await applyMove(tx, actor, who, out, 'sent', 'sent by policy');
  return out;
}
