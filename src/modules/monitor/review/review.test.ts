import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { startJobs } from '../../../app/runtime.js';
import { startTestApp, uniqueName, type Agent, type TestApp } from '../../../platform/testing/app.js';
import { testBackends } from '../../../platform/testing/db.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_PATH, readFeedback, readJsonl } from '../detect/train/train.js';
import { monitorCommand } from './cli.js';
import { waitDetected } from '../testing.js';
import { aggregate, cohenKappa, confirmedItems, reviewStatus } from './review.service.js';
import { guessLang } from './feedback.js';
import { systemActor } from '../../../platform/auth/actor.js';

/** Keys of a labelled corpus line (../shared/corpus/dev.jsonl). */
const CORPUS_KEYS = ['id', 'indicators', 'label', 'lang', 'note', 'text'];

const sale = (city: string, bot: string) => `Меф, шишки — ${city}, клады 24/7. Бот @${bot}`;
const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;

describe('review statistics (pure)', () => {
  test("Cohen's kappa on a hand example: 50 items, 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no → po 0.7, pe 0.5, κ 0.4", () => {
    const pairs: [string, string][] = [
      ...Array.from({ length: 20 }, () => ['confirmed', 'confirmed'] as [string, string]),
      ...Array.from({ length: 5 }, () => ['confirmed', 'rejected'] as [string, string]),
      ...Array.from({ length: 10 }, () => ['rejected', 'confirmed'] as [string, string]),
      ...Array.from({ length: 15 }, () => ['rejected', 'rejected'] as [string, string]),
    ];
    const k = cohenKappa(pairs);
    assert.equal(k.n, 50);
    assert.equal(k.agreement, 0.7);
    assert.ok(Math.abs(k.kappa! - 0.4) < 1e-12, String(k.kappa));
    // Three categories: po 0.75, pe = .5×.25 + .25×.5 + .25×.25 = .3125 → κ = .4375 / .6875.
    const k3 = cohenKappa([['confirmed', 'confirmed'], ['confirmed', 'rejected'], ['rejected', 'rejected'], ['unsure', 'unsure']]);
    assert.ok(Math.abs(k3.kappa! - 0.4375 / 0.6875) < 1e-12);
    assert.deepEqual(cohenKappa([['confirmed', 'confirmed'], ['confirmed', 'confirmed']]), { n: 2, agreement: 1, kappa: null });
    assert.deepEqual(cohenKappa([]), { n: 0, agreement: null, kappa: null });
  });
  test('status aggregation and language guess', () => {
    assert.equal(aggregate(['confirmed', 'rejected', 'confirmed']), 'confirmed');
    assert.equal(aggregate(['confirmed', 'rejected']), 'unsure');
    assert.equal(aggregate(['unsure', 'rejected']), 'rejected');
    assert.equal(guessLang('Меф, шишки — Алматы. Бот @shop_bot https://x.kz'), 'ru');
    assert.equal(guessLang('Алматыда жұмыс бар, табыс жоғары'), 'kk');
    assert.equal(guessLang('Mephedrone delivery Almaty'), 'en');
    assert.equal(guessLang('Шишки есть, quality top'), 'mixed');
  });
});

for (const backend of testBackends()) {
  describe(`monitor review [${backend}]`, () => {
    let t: TestApp;
    let rev1: Agent, rev2: Agent, almaty: Agent, investigator: Agent;
    let token: string;
    const tag = uniqueName('rv');
    let ids: string[] = [];
    const mk = async (roles: string[], regions?: string[]) => { const u = await t.user({ username: uniqueName('rvu'), roles, regions }); return t.login(u.username, u.password); };

    before(async () => {
      t = await startTestApp(backend);
      await startJobs(t.ctx);
      rev1 = await mk(['reviewer']);
      rev2 = await mk(['analyst']);
      almaty = await mk(['reviewer'], ['KZ-75']);
      investigator = await mk(['investigator']);
      const admin = await mk(['admin']);
      token = (await admin.send('POST', '/api/tokens', { name: uniqueName('feed'), roles: ['analyst'], national: true })).json().token;
      const res = await t.app.inject({ method: 'POST', url: '/api/monitor/ingest', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ source: `${tag}-feed`, items: [
          { text: sale('Алматы', `${tag}_q1_bot`), external_id: 'q1', posted_at: '2026-01-01T10:00:00Z' },
          { text: sale('Астана', `${tag}_q2_bot`), external_id: 'q2', posted_at: '2026-01-02T10:00:00Z' },
          { text: sale('Алматы', `${tag}_q3_bot`), external_id: 'q3', posted_at: '2026-01-03T10:00:00Z' },
          { text: sale('Шымкент', `${tag}_q4_bot`), external_id: 'q4', posted_at: '2026-01-04T10:00:00Z' },
          { text: 'Сегодня в Караганде прошёл турнир по футболу', external_id: 'q5' },
        ] }) });
      ids = res.json().ids;
      await waitDetected(t.ctx.db, ids);
    });
    after(async () => { await t?.close(); });

    const queue = async (a: Agent, qs = '') => {
      const res = await a.get(`/api/monitor/review/queue?source=${tag}-feed${qs}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };

    test('queue: items above the threshold, newest first within a score band, filtered; region scoped; permissions', async () => {
      const q = await queue(rev1);
      assert.deepEqual(q.items.map((i: { id: string }) => i.id), [ids[3], ids[2], ids[1], ids[0]], 'benign post below the threshold is not queued');
      const first = q.items[0];
      assert.ok(first.explain.length && first.indicators.length && first.shopId, 'evidence, indicators and shop come with the item');
      assert.deepEqual((await queue(rev1, '&region=KZ-71')).items.map((i: { id: string }) => i.id), [ids[1]]);
      assert.deepEqual((await queue(rev1, '&label=courier_recruitment')).items, []);
      assert.deepEqual((await queue(almaty)).items.map((i: { id: string }) => i.id), [ids[2], ids[0]]);
      assert.equal((await investigator.get(`/api/monitor/review/queue`)).statusCode, 403);
      assert.equal((await investigator.send('POST', `/api/monitor/review/items/${ids[0]}`, { decision: 'confirmed' })).statusCode, 403);
      const out = await almaty.send('POST', `/api/monitor/review/items/${ids[1]}`, { decision: 'confirmed' });
      assert.equal(out.statusCode, 404, 'an item outside the reviewer\'s region is not found');
    });

    test('decisions: one per reviewer per item, changes audited in the same transaction, status aggregated', async () => {
      const r = await rev1.send('POST', `/api/monitor/review/items/${ids[0]}`, { decision: 'confirmed', note: 'бот продаёт' });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().status, 'confirmed');
      assert.equal(r.json().decision.label, 'drug_sale');
      assert.deepEqual((await queue(rev1)).items.map((i: { id: string }) => i.id), [ids[3], ids[2], ids[1]], 'my queue drops what I decided');
      assert.equal((await queue(rev2)).items.length, 4, 'another reviewer still sees it');
      assert.equal((await rev2.send('POST', `/api/monitor/review/items/${ids[0]}`, { decision: 'rejected' })).json().status, 'unsure');
      assert.equal((await rev1.send('POST', `/api/monitor/review/items/${ids[0]}`, { decision: 'rejected', note: 'передумал' })).json().status, 'rejected');
      const d = (await rev1.get(`/api/monitor/review/items/${ids[0]}`)).json();
      assert.equal(d.decisions.length, 2);
      assert.equal(d.status, 'rejected');
      const trail = rows<{ before: unknown; after: { decision: string } }>(await t.ctx.db.execute(sql`select summary->'before' as before, summary->'after' as after from audit_log where action = 'monitor.review.decide' and entity_id = ${ids[0]!} order by seq`));
      assert.equal(trail.length, 3);
      assert.deepEqual(trail.map((x) => x.after.decision), ['confirmed', 'rejected', 'rejected']);
      assert.deepEqual(trail[2]!.before, { decision: 'confirmed', label: 'drug_sale', note: 'бот продаёт' });
      assert.equal((await rev1.send('POST', `/api/monitor/review/items/${ids[1]}`, { decision: 'rejected', label: 'drug_sale' })).statusCode, 400);
      assert.equal((await rev1.send('POST', `/api/monitor/review/items/${ids[1]}`, { decision: 'maybe' })).statusCode, 400);
    });

    test('agreement statistics per reviewer pair; contract functions; feedback export in the corpus format', async () => {
      // ids[0]: both rejected (after the change above). ids[1]: both confirm. ids[2]: confirm vs reject. ids[3]: rev1 only.
      await rev1.send('POST', `/api/monitor/review/items/${ids[1]}`, { decision: 'confirmed' });
      await rev2.send('POST', `/api/monitor/review/items/${ids[1]}`, { decision: 'confirmed', label: 'courier_recruitment' });
      await rev2.send('POST', `/api/monitor/review/items/${ids[1]}`, { decision: 'confirmed', label: 'drug_sale' });
      await rev1.send('POST', `/api/monitor/review/items/${ids[2]}`, { decision: 'confirmed' });
      await rev2.send('POST', `/api/monitor/review/items/${ids[2]}`, { decision: 'rejected' });
      await rev1.send('POST', `/api/monitor/review/items/${ids[3]}`, { decision: 'unsure' });
      await rev2.send('POST', `/api/monitor/review/items/${ids[0]}`, { decision: 'rejected' });
      const ag = (await rev1.get('/api/monitor/review/agreement')).json();
      assert.equal(ag.pairs.length, 1);
      const p = ag.pairs[0];
      assert.equal(p.n, 3);
      assert.ok(Math.abs(p.agreement - 2 / 3) < 1e-9);
      assert.ok(Math.abs(p.kappa - 0.4) < 1e-9, `kappa ${p.kappa}`); // po 2/3, pe 4/9 → (2/3 − 4/9)/(5/9) = 0.4
      assert.equal(ag.reviewers.length, 2);

      const status = await reviewStatus(t.ctx.db, ids);
      assert.deepEqual([status.get(ids[0]!), status.get(ids[1]!), status.get(ids[2]!), status.get(ids[3]!), status.get(ids[4]!)], ['rejected', 'confirmed', 'unsure', 'unsure', undefined]);
      assert.deepEqual(await confirmedItems(t.ctx.db, systemActor(), ids), [ids[1]]);

      const res = await rev1.get('/api/monitor/review/feedback.jsonl');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-disposition']), /attachment; filename="qalqan-feedback-/);
      const lines = res.body.trim().split('\n').map((l) => JSON.parse(l)).sort((a, b) => (a.id === `fb-${ids[0]}` ? -1 : b.id === `fb-${ids[0]}` ? 1 : 0));
      assert.deepEqual(lines.map((l) => [l.id, l.label]), [[`fb-${ids[0]}`, 'benign'], [`fb-${ids[1]}`, 'drug_sale']]);
      // The corpus format (../shared/corpus/README.md); checked against the dev set itself when it is beside the repo.
      const devKeys = existsSync(DEV_PATH) ? Object.keys(JSON.parse(readFileSync(DEV_PATH, 'utf8').split('\n')[0]!)).sort() : CORPUS_KEYS;
      assert.deepEqual(devKeys, CORPUS_KEYS);
      for (const l of lines) assert.deepEqual(Object.keys(l).sort(), devKeys);
      assert.equal(lines[1].text, sale('Астана', `${tag}_q2_bot`));
      assert.deepEqual(lines[1].indicators, [{ type: 'telegram', value: `${tag}_q2_bot` }]);
      assert.equal(lines[1].lang, 'ru');
      const regional = (await almaty.get('/api/monitor/review/feedback.jsonl')).body.trim().split('\n').map((l) => JSON.parse(l).id);
      assert.deepEqual(regional, [`fb-${ids[0]}`], 'the export keeps the region scope');

      // CLI export → the trainer's reader accepts it (and drops rows that copy dev-set texts).
      const file = join(mkdtempSync(join(tmpdir(), 'qalqan-fb-')), 'fb.jsonl');
      const err: string[] = [];
      const io = { stdout: process.stdout, stderr: { write: (s: string) => { err.push(s); return true; } } as unknown as NodeJS.WritableStream };
      assert.equal(await monitorCommand(['feedback-export', file], io, async () => t.ctx, async () => undefined), 0);
      assert.match(err.join(''), /feedback: 2 rows/);
      const dev = existsSync(DEV_PATH) ? readJsonl(DEV_PATH) : [];
      const fb = readFeedback(file, dev);
      assert.deepEqual([fb.rows.length, fb.dropped], [2, 0]);
      const withDev = readFeedback(file, [...dev, { label: 'benign', text: lines[0].text }]);
      assert.deepEqual([withDev.rows.length, withDev.dropped], [1, 1]);
    });

    test('two identical first decisions sent at once (a double key press) both succeed and leave one decision', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/monitor/ingest', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ source: `${tag}-feed2`, items: [{ text: sale('Алматы', `${tag}_q6_bot`), external_id: 'q6' }] }) });
      const [id] = res.json().ids as string[];
      await waitDetected(t.ctx.db, [id!]);
      const fast = await mk(['reviewer']);
      const both = await Promise.all([1, 2].map(() => fast.send('POST', `/api/monitor/review/items/${id}`, { decision: 'confirmed' })));
      assert.deepEqual(both.map((r) => r.statusCode), [200, 200], both.map((r) => r.body).join('\n'));
      assert.equal((await fast.get(`/api/monitor/review/items/${id}`)).json().decisions.length, 1);
    });
  });
}
