/**
 * The feedback set: reviewed items as labelled rows in the corpus format of
 * ../shared/corpus/dev.jsonl ({id, lang, label, text, indicators, note}), for
 * `npm run train -- --feedback FILE`. Confirmed items carry the label reviewers confirmed
 * (the most frequent among their confirmations); rejected items are `benign` (a false alarm
 * is exactly the hard negative the detector needs). Unsure items are left out.
 */
import { and, asc, gte, inArray, lte, type SQL } from 'drizzle-orm';
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { itemScope } from '../items.service.js';
import { monitorItems } from '../schema.js';
import { monitorReviewDecisions } from './schema.js';

/** One line of the export (the corpus row format). */
export interface FeedbackRow {
  id: string;
  lang: 'ru' | 'kk' | 'en' | 'mixed';
  label: string;
  text: string;
  indicators: { type: string; value: string }[];
  note: string;
}

const KK = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/;
const CYR = /[а-яё]/i;

/** Rough language of a post, as the corpus marks it; handles, links and wallets do not count as English. */
export function guessLang(text: string): FeedbackRow['lang'] {
  const words = text.replace(/(?:https?:\/\/|www\.)\S+|@\w+|\b\w+\.\w{2,}\b|\b\w*\d\w*\b/g, ' ');
  const lat = /\b[a-z]{3,}\b/i.test(words);
  if (KK.test(words)) return lat ? 'mixed' : 'kk';
  if (CYR.test(words)) return lat ? 'mixed' : 'ru';
  return 'en';
}

export interface FeedbackQuery { from?: string; to?: string; limit?: number }

/** Reviewed items (confirmed or rejected) in the caller's scope, oldest decision first. */
export async function feedbackRows(db: Db, actor: Actor, q: FeedbackQuery = {}): Promise<FeedbackRow[]> {
  requirePermission(actor, 'monitor.review');
  const c: (SQL | undefined)[] = [itemScope(actor)];
  const d = monitorReviewDecisions;
  const decided = db.select({ itemId: d.itemId }).from(d).where(and(q.from ? gte(d.decidedAt, new Date(q.from)) : undefined, q.to ? lte(d.decidedAt, new Date(q.to)) : undefined));
  c.push(inArray(monitorItems.id, decided));
  const limit = Math.min(q.limit ?? 100_000, 1_000_000);
  const items = await db.select({ id: monitorItems.id, text: monitorItems.text, indicators: monitorItems.indicators, label: monitorItems.label, risk: monitorItems.risk, modelVersion: monitorItems.modelVersion })
    .from(monitorItems).where(and(...c)).orderBy(asc(monitorItems.ingestedAt), asc(monitorItems.id)).limit(limit);
  if (!items.length) return [];
  const out: FeedbackRow[] = [];
  const decisions = new Map<string, { decision: string; label: string | null }[]>();
  for (let i = 0; i < items.length; i += 5000) {
    const rows = await db.select({ itemId: d.itemId, decision: d.decision, label: d.label }).from(d).where(inArray(d.itemId, items.slice(i, i + 5000).map((x) => x.id)));
    for (const r of rows) decisions.set(r.itemId, [...(decisions.get(r.itemId) ?? []), r]);
  }
  for (const it of items) {
    const ds = decisions.get(it.id) ?? [];
    const conf = ds.filter((x) => x.decision === 'confirmed'), rej = ds.filter((x) => x.decision === 'rejected');
    if (conf.length === rej.length) continue;
    let label = 'benign';
    if (conf.length > rej.length) {
      const votes = new Map<string, number>();
      for (const x of conf) if (x.label) votes.set(x.label, (votes.get(x.label) ?? 0) + 1);
      label = [...votes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? it.label ?? 'benign';
      if (label === 'benign') continue;
    }
    const seen = new Set<string>();
    const indicators: FeedbackRow['indicators'] = [];
    for (const ind of (it.indicators ?? []) as { type: string; value: string }[]) {
      const k = `${ind.type}:${ind.value}`;
      if (!seen.has(k)) { seen.add(k); indicators.push({ type: ind.type, value: ind.value }); }
    }
    const verdict = conf.length > rej.length ? 'confirmed' : 'rejected';
    out.push({
      id: `fb-${it.id}`, lang: guessLang(it.text), label, text: it.text, indicators,
      note: `review: ${verdict} (${conf.length} confirm / ${rej.length} reject of ${ds.length}); model ${it.label ?? '-'} ${it.risk ?? '-'} ${it.modelVersion ?? ''}`.trim(),
    });
  }
  return out;
}

/** JSONL text of rows (one object per line, trailing newline). */
export const toJsonl = (rows: FeedbackRow[]) => rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '');

