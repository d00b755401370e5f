import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inArray, sql } from 'drizzle-orm';
import { startJobs } from '../../app/runtime.js';
import { systemActor } from '../../platform/auth/actor.js';
import { startTestApp, uniqueName, type Agent, type TestApp } from '../../platform/testing/app.js';
import { testBackends } from '../../platform/testing/db.js';
import { findEntity } from '../traces/traces.service.js';
import { detectItems, unfinishedIds } from './ingest.detect.js';
import { ingestBatch } from './ingest.service.js';
import { monitorItems, monitorPending, monitorSources } from './schema.js';
import { monitorMirrorQueue } from './mirrors/schema.js';
import { shopOfItem } from './shops/shops.service.js';
import { waitDetected } from './testing.js';

const XSS = '<img src=x onerror="window.__xss=1">';
const sale = (city: string, bot: string) => `Меф, шишки — ${city}, клады 24/7. Бот @${bot}`;

for (const backend of testBackends()) {
  describe(`monitor ingest pipeline [${backend}]`, () => {
    let t: TestApp;
    let analyst: Agent;
    let almaty: Agent;
    let token: string;
    const tag = uniqueName('m');

    before(async () => {
      // The mirrors job would drain the queue a test below inspects (it is tested in rechecks.test.ts).
      t = await startTestApp(backend, { MIRROR_ENABLED: 'false' });
      await startJobs(t.ctx);
      const a = await t.user({ username: uniqueName('man'), roles: ['analyst'] });
      analyst = await t.login(a.username, a.password);
      const r = await t.user({ username: uniqueName('mreg'), roles: ['investigator'], regions: ['KZ-75'] });
      almaty = await t.login(r.username, r.password);
      const adm = await t.user({ username: uniqueName('madm'), roles: ['admin'] });
      const admin = await t.login(adm.username, adm.password);
      const created = await admin.send('POST', '/api/tokens', { name: uniqueName('feed'), roles: ['analyst'], national: true });
      assert.equal(created.statusCode, 201, created.body);
      token = created.json().token;
    });
    after(async () => { await t?.close(); });

    const ingest = (body: unknown) => t.app.inject({ method: 'POST', url: '/api/monitor/ingest', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: JSON.stringify(body) });

    test('API ingest answers accepted / duplicate / rejected with per-item reasons; a repeat adds no rows', async () => {
      const items = [
        { text: sale('Алматы', `${tag}_alm_bot`), external_id: `${tag}-1`, channel: 'shop', posted_at: '2026-11-01T10:00:00Z' },
        { text: 'Сегодня в Караганде прошёл турнир по футболу', external_id: `${tag}-2` },
        { text: '' },
        { text: 'ok', url: 'javascript:alert(1)' },
        { text: 'ok', posted_at: 'yesterday' },
        { text: 'ok', bogus: 1 },
        { text: sale('Алматы', `${tag}_alm_bot`), external_id: `${tag}-1` },
        { text: 'no external id, derived from url + text', url: 'https://example.kz/p/1' },
      ];
      const res = await ingest({ source: `${tag}-feed`, items });
      assert.equal(res.statusCode, 200, res.body);
      const r = res.json();
      assert.equal(r.accepted, 3);
      assert.equal(r.duplicates, 1);
      assert.deepEqual(r.rejected, [{ index: 2, reason: 'empty_text' }, { index: 3, reason: 'invalid_url' }, { index: 4, reason: 'invalid_posted_at' }, { index: 5, reason: 'unknown_field:bogus' }]);
      const again = (await ingest({ source: `${tag}-feed`, items })).json();
      assert.equal(again.accepted, 0);
      assert.equal(again.duplicates, 4);
      const [{ n }] = (await t.ctx.db.execute(sql`select count(*)::int as n from monitor_items i join monitor_sources s on s.id = i.source_id where s.name = ${`${tag}-feed`}`) as unknown as { rows: { n: number }[] }).rows as [{ n: number }];
      assert.equal(n, 3);
      assert.equal((await ingest({ items: Array.from({ length: 10_001 }, () => ({ text: 'x' })) })).statusCode, 413);

      // Items that name their own source are stored per source; ids still come back in input order.
      const mixed = (await ingest({ source: `${tag}-mixA`, items: [
        { text: 'first, feed A', external_id: 'm1' }, { text: 'second, feed B', external_id: 'm2', source: `${tag}-mixB` },
        { text: '' }, { text: 'fourth, feed A', external_id: 'm4' },
      ] })).json();
      assert.equal(mixed.ids.length, 3);
      const texts = (await t.ctx.db.execute(sql`select id, text from monitor_items where id = any(${sql.param(mixed.ids)}::uuid[])`) as unknown as { rows: { id: string; text: string }[] }).rows;
      assert.deepEqual(mixed.ids.map((id: string) => texts.find((x) => x.id === id)!.text), ['first, feed A', 'second, feed B', 'fourth, feed A']);
      const noToken = await t.app.inject({ method: 'POST', url: '/api/monitor/ingest', payload: { items: [] } });
      assert.equal(noToken.statusCode, 401);
    });

    test('detection results are stored and flagged indicators land in traces', async () => {
      const ids = (await ingest({ source: `${tag}-det`, items: [{ text: sale('Алматы', `${tag}_det_bot`), external_id: 'a' }, { text: 'Сегодня в Караганде прошёл турнир по футболу', external_id: 'b' }] })).json().ids as string[];
      await waitDetected(t.ctx.db, ids);
      const one = (await analyst.get(`/api/monitor/items/${ids[0]}`)).json();
      assert.equal(one.item.label, 'drug_sale');
      assert.deepEqual(one.item.regions, ['KZ-75']);
      assert.ok(one.item.risk > 0.5 && one.item.modelVersion.startsWith('detector-'));
      for (const e of one.item.explain as { start: number; end: number; text: string }[]) assert.equal(one.item.text.slice(e.start, e.end), e.text);
      const ent = await findEntity(t.ctx.db, systemActor(), 'telegram', `${tag}_det_bot`);
      assert.ok(ent, 'indicator entity in traces');
      assert.equal(one.entities[`telegram:${tag}_det_bot`], ent!.id);
      const item = await findEntity(t.ctx.db, systemActor(), 'item', `api:${tag}-det/a`);
      assert.ok(item && item.region === 'KZ-75');
      const benign = (await analyst.get(`/api/monitor/items/${ids[1]}`)).json();
      assert.equal(benign.item.label, 'benign');
      assert.equal(await findEntity(t.ctx.db, systemActor(), 'item', `api:${tag}-det/b`), null);
    });

    test('a retried detection job changes nothing: no double processing, traces counts unchanged', async () => {
      const ids = (await ingest({ source: `${tag}-retry`, items: [{ text: sale('Алматы', `${tag}_rt_bot`), external_id: 'r1' }] })).json().ids as string[];
      await waitDetected(t.ctx.db, ids);
      const before = await findEntity(t.ctx.db, systemActor(), 'telegram', `${tag}_rt_bot`);
      const [row] = await t.ctx.db.select().from(monitorItems).where(inArray(monitorItems.id, ids));
      const again = await detectItems(t.ctx.db, systemActor('retry'), ids);
      assert.deepEqual(again, { detected: 0, flagged: 0, shops: 0 });
      await t.ctx.jobs!.sendBatch('monitor.detect', [{ ids }, { ids }]);
      await new Promise((r) => setTimeout(r, 1500));
      const after = await findEntity(t.ctx.db, systemActor(), 'telegram', `${tag}_rt_bot`);
      assert.equal(after!.seenCount, before!.seenCount);
      const [row2] = await t.ctx.db.select().from(monitorItems).where(inArray(monitorItems.id, ids));
      assert.equal(row2!.detectedAt!.getTime(), row!.detectedAt!.getTime());
    });

    test('items are detected at ingest; the follow-up owed for flagged ones runs in two claimable stages', async () => {
      // No queue: nothing picks the follow-up up, so its pending rows can be watched.
      const ctx = { ...t.ctx, jobs: undefined };
      const r = await ingestBatch(ctx, systemActor('test'), { source: { kind: 'api', name: `${tag}-stages` }, items: [
        { text: sale('Алматы', `${tag}_st_bot`), externalId: 'f1' }, { text: 'Сегодня в Караганде прошёл турнир по футболу', externalId: 'b1' },
      ] });
      assert.equal(r.accepted, 2);
      assert.equal(r.flagged, 1);
      const rows = await t.ctx.db.select().from(monitorItems).where(inArray(monitorItems.id, r.ids));
      assert.deepEqual(rows.map((x) => x.label).sort(), ['benign', 'drug_sale'], 'labelled in the ingest transaction');
      const flaggedId = rows.find((x) => x.label === 'drug_sale')!.id;
      const pending = await t.ctx.db.select().from(monitorPending).where(inArray(monitorPending.itemId, r.ids));
      assert.deepEqual(pending.map((p) => [p.itemId, p.stage]), [[flaggedId, 1]], 'only the flagged item owes a follow-up');
      assert.ok((await unfinishedIds(t.ctx.db, 0)).includes(flaggedId), 'the sweep would re-enqueue it');
      assert.equal(await findEntity(t.ctx.db, systemActor(), 'telegram', `${tag}_st_bot`), null, 'no traces before the follow-up');

      // A crash after stage 1 committed leaves stage 2 owed: only the shop update runs then, and
      // the mirror check (which reads the item's shop) is queued with it, not before.
      await t.ctx.db.update(monitorPending).set({ stage: 2 }).where(inArray(monitorPending.itemId, [flaggedId]));
      const queued = async () => (await t.ctx.db.select().from(monitorMirrorQueue).where(inArray(monitorMirrorQueue.itemId, [flaggedId]))).length;
      assert.equal(await queued(), 0);
      assert.deepEqual(await detectItems(t.ctx.db, systemActor('test'), r.ids), { detected: 0, flagged: 0, shops: 1 });
      assert.equal(await queued(), 1);
      assert.ok(await shopOfItem(t.ctx.db, flaggedId));
      assert.equal((await t.ctx.db.select().from(monitorPending).where(inArray(monitorPending.itemId, r.ids))).length, 0);
      assert.deepEqual(await detectItems(t.ctx.db, systemActor('test'), r.ids), { detected: 0, flagged: 0, shops: 0 });
    });

    test('an item stored raw (detector down at ingest) is detected, traced and placed by the follow-up', async () => {
      const [src] = await t.ctx.db.insert(monitorSources).values({ kind: 'api', name: `${tag}-raw` }).returning();
      const [raw] = await t.ctx.db.insert(monitorItems).values({ sourceId: src!.id, externalId: 'r1', text: sale('Астана', `${tag}_raw_bot`), submittedBy: 'test' }).returning();
      assert.ok((await unfinishedIds(t.ctx.db, 0)).includes(raw!.id));
      assert.deepEqual(await detectItems(t.ctx.db, systemActor('test'), [raw!.id]), { detected: 1, flagged: 1, shops: 1 });
      const [row] = await t.ctx.db.select().from(monitorItems).where(inArray(monitorItems.id, [raw!.id]));
      assert.equal(row!.label, 'drug_sale');
      assert.ok(await findEntity(t.ctx.db, systemActor(), 'telegram', `${tag}_raw_bot`));
      assert.ok(!(await unfinishedIds(t.ctx.db, 0)).includes(raw!.id));
      assert.deepEqual(await detectItems(t.ctx.db, systemActor('test'), [raw!.id]), { detected: 0, flagged: 0, shops: 0 });
    });

    test('region scope: a regional reader sees items naming their region only; others are not found', async () => {
      const ids = (await ingest({ source: `${tag}-scope`, items: [
        { text: sale('Алматы', `${tag}_s1_bot`), external_id: 's1' }, { text: sale('Астана', `${tag}_s2_bot`), external_id: 's2' }, { text: 'Меф, шишки, клады 24/7', external_id: 's3' },
      ] })).json().ids as string[];
      await waitDetected(t.ctx.db, ids);
      assert.equal((await almaty.get(`/api/monitor/items/${ids[0]}`)).statusCode, 200);
      for (const id of [ids[1], ids[2]]) {
        const res = await almaty.get(`/api/monitor/items/${id}`);
        assert.equal(res.statusCode, 404);
        assert.equal(res.json().error.code, 'record.not_found');
      }
      const mine = (await almaty.get(`/api/monitor/items?source=${tag}-scope`)).json().items as { id: string }[];
      assert.deepEqual(mine.map((i) => i.id), [ids[0]]);
      assert.deepEqual((await almaty.get(`/api/monitor/items?source=${tag}-scope&region=KZ-71`)).json().items, []);
      const all = (await analyst.get(`/api/monitor/items?source=${tag}-scope`)).json().items as { id: string }[];
      assert.equal(all.length, 3);
      const flagged = (await analyst.get(`/api/monitor/items?source=${tag}-scope&label=flagged&minScore=0.5&region=KZ-71`)).json().items as { id: string }[];
      assert.deepEqual(flagged.map((i) => i.id), [ids[1]]);
    });

    test('XSS payloads in text, channel and url are stored verbatim and returned as JSON strings', async () => {
      const text = `${sale('Алматы', `${tag}_x_bot`)} ${XSS}<script>alert(1)</script>`;
      const url = `https://evil.example/"><svg onload=alert(1)>`;
      const r = (await ingest({ source: `${tag}-xss`, items: [{ text, url, channel: XSS, external_id: 'x' }] })).json();
      await waitDetected(t.ctx.db, r.ids);
      const res = await analyst.get(`/api/monitor/items/${r.ids[0]}`);
      assert.match(String(res.headers['content-type']), /application\/json/);
      const item = res.json().item;
      assert.equal(item.text, text);
      assert.equal(item.channel, XSS);
      assert.equal(item.url, url);
      const listed = (await analyst.get(`/api/monitor/items?source=${tag}-xss`)).json().items[0];
      assert.equal(listed.channel, XSS);
    });

    test('manual submission by an officer; a repeat returns the same item', async () => {
      const first = await analyst.send('POST', '/api/monitor/items/manual', { url: `https://t.me/${tag}_manual`, text: sale('Алматы', `${tag}_man_bot`) });
      assert.equal(first.statusCode, 201, first.body);
      const again = (await analyst.send('POST', '/api/monitor/items/manual', { url: `https://t.me/${tag}_manual`, text: sale('Алматы', `${tag}_man_bot`) })).json();
      assert.deepEqual(again, { id: first.json().id, duplicate: true });
      assert.equal((await almaty.send('POST', '/api/monitor/items/manual', { text: 'x' })).statusCode, 403);
      // An officer of another region repeating it learns it is known, not its id.
      const u = await t.user({ username: uniqueName('mast'), roles: ['analyst'], regions: ['KZ-71'] });
      const astana = await t.login(u.username, u.password);
      const other = await astana.send('POST', '/api/monitor/items/manual', { url: `https://t.me/${tag}_manual`, text: sale('Алматы', `${tag}_man_bot`) });
      assert.equal(other.statusCode, 409, other.body);
      assert.equal(other.json().error.code, 'monitor.duplicate_out_of_scope');
      assert.ok(!other.body.includes(first.json().id));
      assert.equal((await analyst.send('POST', '/api/monitor/items/manual', {})).statusCode, 400);
      const trail = (await t.ctx.db.execute(sql`select count(*)::int as n from audit_log where action = 'monitor.ingest'`) as unknown as { rows: { n: number }[] }).rows[0]!.n;
      assert.ok(trail > 0);
    });
  });
}
