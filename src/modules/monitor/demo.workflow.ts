/**
 * Demo of the cyber-supervision workflow after detection, built only through the services:
 * two synthetic shops (posts sharing a bot), reviewers' decisions (with disagreements for the
 * agreement statistics), blocking requests in every state, and recheck history for a URL
 * (reachable → blocked by the authority → content back, which raises a "restored" alert).
 *
 * Everything is marked synthetic. No network is touched: the recheck results are synthetic
 * check records applied through the rechecks service exactly as a fetch result would be.
 * Idempotent: it does nothing when a synthetic request already exists.
 */
import { createHash } from 'node:crypto';
import { systemActor, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/http/context.js';
import { SYNTHETIC } from '../../app/demo.js';
import { detectItems } from './ingest.detect.js';
import { ingestBatch } from './ingest.service.js';
import { applyCheck, listTargets, syncTargets } from './rechecks/rechecks.service.js';
import type { CheckResult } from './rechecks/fetcher.js';
import { createFromItems } from './requests/from-items.service.js';
import { listRequests, transition } from './requests/requests.service.js';
import { decide, reviewQueue } from './review/review.service.js';

const DAY = 86_400_000;
/**
 * Two shops (Almaty and Shymkent), each two posts sharing a bot; `.example` domains never resolve.
 * (Handles named "synthetic_demo_…" read as English text about synthetic drugs, which the
 * detector of 2026-12-06 scored benign in one post; "qalqan_demo_…" is as plainly invented.)
 * A function, not a constant: app/demo.ts (SYNTHETIC) imports this module, so the marker is only
 * initialised once that import cycle has finished.
 */
const story = () => [
  { externalId: 'demo-story-a1', channel: `${SYNTHETIC} Алматы клад`, text: 'Меф, шишки — Алматы, клады 24/7. Бот @qalqan_demo_alm_bot, меню https://qalqan-demo-alm.example/menu' },
  { externalId: 'demo-story-a2', channel: `${SYNTHETIC} Алматы клад`, text: 'Кристаллы, мука — Алматы, закладки. Заказ через @qalqan_demo_alm_bot' },
  { externalId: 'demo-story-b1', channel: `${SYNTHETIC} Шымкент 24`, text: 'Шымкент: меф, гаш, шишки — бот @qalqan_demo_shm_bot, сайт https://qalqan-demo-shm.example' },
  { externalId: 'demo-story-b2', channel: `${SYNTHETIC} Шымкент 24`, text: 'Работа курьером-закладчиком в Шымкенте: 5 000 ₸ за адрес, оплата в USDT каждый день, без опыта. Пиши @qalqan_demo_shm_bot' },
] as const;

/** The non-benign label with the highest score. */
function topDrugLabel(scores: unknown): 'drug_sale' | 'courier_recruitment' | 'drug_propaganda' {
  const s = (scores ?? {}) as Record<string, number>;
  const labels = ['drug_sale', 'courier_recruitment', 'drug_propaganda'] as const;
  return labels.reduce((best, l) => ((s[l] ?? 0) > (s[best] ?? 0) ? l : best), labels[0]);
}

/** A check record as the fetcher would return it, marked synthetic. */
function syntheticCheck(url: string, at: Date, httpStatus: 200 | 451): CheckResult {
  const up = httpStatus === 200;
  return {
    url, checkedAt: at, durationMs: 180, outcome: up ? 'reachable' : 'blocked', reason: `http_${httpStatus}`, httpStatus, finalUrl: url, redirects: [],
    contentHash: up ? createHash('sha256').update(`${SYNTHETIC} ${url}`).digest('hex') : null, simhash: up ? '5a5a5a5a5a5a5a5a' : null,
    bytes: up ? 2048 : 512, detail: `${SYNTHETIC} synthetic check record (no network request was made)`,
  };
}

export async function seedMonitorWorkflowDemo(ctx: AppContext, feedIds: string[]): Promise<void> {
  const db = ctx.db;
  const analyst: Actor = systemActor('demo-analyst');
  const reviewer1: Actor = systemActor('demo-reviewer-1');
  const reviewer2: Actor = systemActor('demo-reviewer-2');
  const existing = await listRequests(db, analyst, { origin: 'monitor', limit: 500 });
  if (existing.requests.some((r) => r.title.startsWith(SYNTHETIC))) return;

  const start = Date.now() - 5 * DAY;
  const posts = story();
  const ingested = await ingestBatch(ctx, systemActor('demo-seed'), {
    source: { kind: 'api', name: `${SYNTHETIC} story feed` },
    items: posts.map((p, i) => ({ ...p, postedAt: new Date(start + i * 3_600_000).toISOString(), raw: { synthetic: true } })),
  });
  // Detect now rather than wait for the workers (a no-op for items they already did).
  await detectItems(db, systemActor('demo-seed'), [...ingested.ids, ...feedIds]);
  if (ingested.ids.length !== posts.length) return;
  const [a1, a2, b1, b2] = ingested.ids as [string, string, string, string];

  // Reviews: both reviewers confirm the story posts; on the feed, the first reviewer works the top of
  // the queue and the second one checks part of it, disagreeing on a few (agreement statistics).
  for (const id of [a1, a2, b1, b2]) for (const r of [reviewer1, reviewer2]) await decide(db, r, id, { decision: 'confirmed' });
  const queue = (await reviewQueue(db, reviewer1, { limit: 24 })).items.filter((x) => !ingested.ids.includes(x.id));
  // The queue's top is all high-risk, so the synthetic decisions follow a fixed pattern instead of the
  // score: every fifth post rejected by the first reviewer; the second one is unsure on some and
  // disagrees on one, so the agreement page has something to show.
  for (const [k, item] of queue.entries()) {
    // The queue starts below the detector's cut: a post it called benign is confirmed with the
    // drug label it scored highest, as a reviewer must name one.
    const label = item.label === 'benign' ? topDrugLabel(item.scores) : undefined;
    const confirm = { decision: 'confirmed' as const, note: `${SYNTHETIC} demo decision`, ...(label ? { label } : {}) };
    await decide(db, reviewer1, item.id, k % 5 === 4 ? { decision: 'rejected', note: `${SYNTHETIC} demo decision` } : confirm);
    if (k % 2 === 0) {
      const d = k % 6 === 0 ? 'unsure' : k === 4 ? 'confirmed' : k % 5 === 4 ? 'rejected' : 'confirmed';
      await decide(db, reviewer2, item.id, d === 'confirmed' ? confirm : { decision: d, note: `${SYNTHETIC} demo decision` });
    }
  }

  // Requests: an analyst drafts from the confirmed posts; another person approves (four eyes).
  const alm = await createFromItems(db, analyst, { itemIds: [a1, a2], title: `${SYNTHETIC} Алматы: @qalqan_demo_alm_bot` });
  const shm = await createFromItems(db, analyst, { itemIds: [b1, b2], title: `${SYNTHETIC} Шымкент: @qalqan_demo_shm_bot` });
  const by = (res: typeof alm, target: string) => res.requests.find((r) => r.target === target)?.id;
  const move = async (id: string | undefined, steps: ('approved' | 'sent' | 'blocked' | 'refused')[]) => {
    if (!id) return;
    for (const to of steps) await transition(db, to === 'approved' ? reviewer1 : analyst, id, to, `${SYNTHETIC} demo`);
  };
  await move(by(alm, 'blocking_authority'), ['approved', 'sent']);
  await move(by(alm, 'telegram'), ['approved', 'sent', 'blocked']);
  await move(by(alm, 'hosting'), ['approved']);
  await move(by(shm, 'blocking_authority'), ['approved', 'sent', 'refused']);
  await move(by(shm, 'telegram'), ['approved']);

  // Recheck history of the Almaty menu URL: up two days ago, blocked by the authority, back today.
  await syncTargets(db);
  const ba = by(alm, 'blocking_authority');
  if (!ba) return;
  const { targets } = await listTargets(db, analyst, { requestId: ba });
  const opts = { trigger: 'schedule' as const, intervalMinutes: ctx.config.RECHECK_INTERVAL_MINUTES, maxDistance: ctx.config.MIRROR_MAX_DISTANCE };
  const rechecker = systemActor('monitor-rechecks');
  for (const t of targets) {
    await applyCheck(db, rechecker, t.id, syntheticCheck(t.url, new Date(Date.now() - 2 * DAY), 200), opts);
    await applyCheck(db, rechecker, t.id, syntheticCheck(t.url, new Date(Date.now() - DAY), 451), opts);
    if (t.url.includes('/menu')) await applyCheck(db, rechecker, t.id, syntheticCheck(t.url, new Date(Date.now() - 3_600_000), 200), opts);
  }
}
