/**
 * Demo data: synthetic posts from the detector's generator (seed 4242, used by neither training
 * nor evaluation), ingested through the real pipeline so the demo shows detected, flagged items
 * with evidence and their indicators in traces. Idempotent: external ids are fixed, so a second
 * seeding only finds duplicates.
 */
import { systemActor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/http/context.js';
import { SYNTHETIC } from '../../app/demo.js';
import { generateCorpus } from './detect/train/corpus/index.js';
import { ingestBatch } from './ingest.service.js';
import { seedMonitorWorkflowDemo } from './demo.workflow.js';

const DEMO_SEED = 4242;
const DEMO_SIZE = 400;
/** Cities appended to some posts so regional users have items in scope. */
const PLACES = ['Алматы', 'Астана', 'Шымкент', 'Караганда', 'Актобе', 'Павлодар', 'Өскемен', 'Тараз'];

export async function seedMonitorDemo(ctx: AppContext): Promise<void> {
  const posts = generateCorpus({ seed: DEMO_SEED, size: DEMO_SIZE, split: 'all' });
  const start = Date.now() - 7 * 86_400_000;
  const feed = await ingestBatch(ctx, systemActor('demo-seed'), {
    source: { kind: 'api', name: `${SYNTHETIC} generated feed` },
    items: posts.map((p, i) => ({
      // The marker is on the source and the channel, not in the text: the detector reads the
      // text, and "SYNTHETIC" is a drug word to it (synthetic cannabinoids).
      text: `${p.text}${i % 3 === 0 ? ` (${PLACES[i % PLACES.length]})` : ''}`,
      channel: `${SYNTHETIC} channel ${1 + (i % 12)}`,
      externalId: `demo-${DEMO_SEED}-${i}`,
      postedAt: new Date(start + i * 1_500_000).toISOString(),
      raw: { synthetic: true, generatorSeed: DEMO_SEED, lang: p.lang, expectedLabel: p.label },
    })),
  });
  // Reviews, shops, requests in several states and recheck history on top of the feed.
  await seedMonitorWorkflowDemo(ctx, feed.ids);
}
