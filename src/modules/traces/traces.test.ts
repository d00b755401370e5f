import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, uniqueName, type Agent, type TestApp } from '../../platform/testing/app.js';
import { testBackends } from '../../platform/testing/db.js';
import { findEntity, getEntity, observe, OBSERVE_MAX_ITEMS, search } from './traces.service.js';
import { card, domain, phone, testActor, uniq } from './testing.js';

// Invented values with valid checksums (from the project's labelled corpus) and broken twins.
const BTC = '1P3wnpsX9ZReZSaCDANmijevruL2rJcQ7u', BTC_BAD = '1P3wnpsX9ZReZSaCDANmijevruL2rJcQ7v';
const BECH = 'bc1q97wqwz8ds4rsm5mt5ayr8jgqhxe26ujggx5f34';
const TRON = 'TD2JcKjC8ykj5nkEWmCs4gQofHa7pLKPfZ', TRON_BAD = 'TD2JcKjC8ykj5nkEWmCs4gQofHa7pLKPfX';
const ETH = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', ETH_BAD = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD';
const IBAN = 'KZ107013430671458713', IBAN_BAD = 'KZ107013430671458714';

for (const backend of testBackends()) {
  describe(`traces store [${backend}]`, () => {
    let t: TestApp;
    const analyst = testActor(['analyst']);
    const almaty = testActor(['investigator'], ['KZ-75']);
    const auditCount = async (action: string) =>
      Number((await t.database.raw.query<{ n: string }>(`select count(*) as n from audit_log where action = $1`, [action])).rows[0]!.n);
    const rows = async (table: string) => Number((await t.database.raw.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0]!.n);

    before(async () => { t = await startTestApp(backend); });
    after(async () => { await t?.close(); });

    test('a batch upserts by canonical value; re-observation keeps one row and counts', async () => {
      const handle = uniq('shop');
      const t1 = new Date('2026-03-01T10:00:00Z'), t0 = new Date('2026-02-01T10:00:00Z'), t2 = new Date('2026-03-05T10:00:00Z');
      const first = await observe(t.ctx.db, analyst, {
        module: 'monitor', source: 'monitor:telegram', sourceRef: 'chan/1', rule: 'det-v1', observedAt: t1,
        entities: [{ type: 'telegram', value: '@' + handle.toUpperCase() }, { type: 'btc', value: BTC }, { type: 'phone', value: '8 778 752 34 63' }],
        links: [{ from: { type: 'item', value: `tg:${handle}/1` }, to: { type: 'telegram', value: handle }, kind: 'mentions' }],
      });
      assert.deepEqual(first.rejected, []);
      assert.equal(first.counts.links, 1);
      const id = first.ids[`telegram:${handle}`]!;
      assert.equal(first.entityIds[0], id);
      assert.ok(first.ids['phone:+77787523463']);

      // Another writing, an earlier and a later sighting, and a duplicate inside one batch.
      const again = await observe(t.ctx.db, analyst, {
        module: 'monitor', source: 'monitor:telegram', sourceRef: 'chan/2',
        entities: [{ type: 'telegram', value: `https://t.me/${handle}`, observedAt: t0 }, { type: 'telegram', value: handle, observedAt: t2, tags: ['Shop'] }],
      });
      assert.equal(again.entityIds[0], id);
      assert.equal(again.entityIds[1], id);
      assert.equal(again.counts.entitiesCreated, 0);
      const e = (await findEntity(t.ctx.db, analyst, 'telegram', '@' + handle))!;
      assert.equal(e.id, id);
      assert.equal(e.seenCount, 3); // the link endpoint was listed, so it counted once in the first batch
      assert.equal(e.firstSeen.toISOString(), t0.toISOString());
      assert.equal(e.lastSeen.toISOString(), t2.toISOString());
      assert.deepEqual(e.tags, ['shop']);
      assert.equal(e.display, '@' + handle);
      const n = await t.database.raw.query<{ n: string }>(`select count(*) as n from trace_entities where type = 'telegram' and value = $1`, [handle]);
      assert.equal(Number(n.rows[0]!.n), 1);

      // Re-observing the same link increments its count instead of adding a row.
      const relink = await observe(t.ctx.db, analyst, { module: 'monitor', source: 'monitor:telegram', links: [{ from: { type: 'item', value: `tg:${handle}/1` }, to: { id }, kind: 'mentions', confidence: 0.4 }] });
      assert.equal(relink.linkIds[0], first.linkIds[0]);
      const detail = await getEntity(t.ctx.db, analyst, id);
      assert.equal(detail.links.total, 1);
      assert.equal(detail.links.items[0]!.link.count, 2);
      assert.equal(detail.links.items[0]!.link.confidence, 1);
      assert.equal(detail.links.items[0]!.direction, 'in');
      assert.equal(detail.entity.degree, 1);

      // Search: the typed form of a phone number finds the stored E.164 value by prefix.
      const hits = await search(t.ctx.db, analyst, { q: '8 778 752' });
      assert.ok(hits.some((h) => h.value === '+77787523463' && h.match === 'prefix'));
      assert.equal((await search(t.ctx.db, analyst, { q: '8 (778) 752-34-63' }))[0]!.match, 'exact');
    });

    test('degrees: new and existing entities are written with their degree, equal to their links, in every batch shape', async () => {
      const h = uniq('deg');
      const ph = phone();
      const known = await observe(t.ctx.db, analyst, { module: 'traces', source: 'test', entities: [{ type: 'phone', value: ph }] });
      const knownId = known.entityIds[0]!;
      const a = { type: 'telegram', value: `${h}a` }, b = { type: 'telegram', value: `${h}b` }, c = { type: 'domain', value: domain('degc') };
      const res = await observe(t.ctx.db, analyst, {
        module: 'traces', source: 'test',
        links: [
          { from: a, to: b, kind: 'mentions' }, { from: a, to: b, kind: 'mentions' }, // the same link twice
          { from: a, to: b, kind: 'same_as' }, { from: b, to: a, kind: 'same_as' }, // symmetric: one link
          { from: a, to: { type: 'phone', value: ph }, kind: 'mentions' }, { from: a, to: { id: knownId }, kind: 'mentions' }, // one entity named two ways
          { from: c, to: c, kind: 'related' }, // self link: rejected
          { from: c, to: { id: '00000000-0000-4000-8000-000000000000' }, kind: 'related' }, // unknown id: rejected
          { from: c, to: { type: 'btc', value: BTC_BAD }, kind: 'related' }, // invalid endpoint: rejected
          { from: c, to: b, kind: 'related' },
        ],
      });
      assert.equal(res.counts.linksCreated, 4);
      const degrees = await t.database.raw.query<{ id: string; degree: number; links: string }>(`select e.id, e.degree,
          (select count(*) from trace_links l where l.from_id = e.id or l.to_id = e.id) as links
        from trace_entities e where e.id = any($1::uuid[])`, [[...Object.values(res.ids), knownId]]);
      assert.equal(degrees.rows.length, 4);
      for (const r of degrees.rows) assert.equal(r.degree, Number(r.links), `degree of ${r.id}`);
      assert.deepEqual(degrees.rows.map((r) => r.degree).sort(), [1, 1, 3, 3]);

      // Existing entities: their degree grows by the batch's links touching them, less those that
      // existed already (here: two of the three links of `a` exist, one is new).
      const d = { type: 'domain', value: domain('degd') };
      const again = await observe(t.ctx.db, analyst, {
        module: 'traces', source: 'test',
        links: [{ from: a, to: b, kind: 'mentions' }, { from: a, to: { type: 'phone', value: ph }, kind: 'mentions' }, { from: a, to: d, kind: 'mentions' }, { from: d, to: { id: knownId }, kind: 'related' }],
      });
      assert.equal(again.counts.linksCreated, 2);
      const after = await t.database.raw.query<{ id: string; degree: number; links: string }>(`select e.id, e.degree,
          (select count(*) from trace_links l where l.from_id = e.id or l.to_id = e.id) as links
        from trace_entities e where e.id = any($1::uuid[])`, [[...Object.values(again.ids), knownId]]);
      assert.equal(after.rows.length, 4);
      for (const r of after.rows) assert.equal(r.degree, Number(r.links), `degree of ${r.id} after the second batch`);
      assert.deepEqual(after.rows.map((r) => r.degree).sort(), [2, 2, 3, 4]);
    });

    test('invalid values are rejected per item with a reason; the rest is written', async () => {
      const dom = domain('good');
      const good = card('4400');
      const badCard = good.slice(0, 15) + String((Number(good[15]) + 1) % 10);
      const res = await observe(t.ctx.db, analyst, {
        module: 'finance', source: 'finance:test',
        entities: [
          { type: 'btc', value: BTC_BAD }, { type: 'tron', value: TRON_BAD }, { type: 'eth', value: ETH_BAD }, { type: 'iban', value: IBAN_BAD },
          { type: 'phone', value: '102' }, { type: 'domain', value: dom }, { type: 'card', value: badCard },
          { type: 'tron', value: TRON }, { type: 'eth', value: ETH }, { type: 'iban', value: IBAN }, { type: 'btc', value: BECH.toUpperCase() },
        ],
        links: [{ from: { type: 'domain', value: dom }, to: { type: 'btc', value: BTC_BAD }, kind: 'pays_to' }],
      });
      const reasons = Object.fromEntries(res.rejected.filter((r) => r.item === 'entity').map((r) => [r.index, r.reason]));
      assert.deepEqual(reasons, { 0: 'checksum', 1: 'checksum', 2: 'checksum', 3: 'checksum', 4: 'invalid_value', 6: 'checksum' });
      assert.deepEqual(res.rejected.filter((r) => r.item === 'link'), [{ item: 'link', index: 0, reason: 'checksum', field: 'to' }]);
      assert.equal(res.entityIds[0], null);
      assert.ok(res.entityIds[5] && res.entityIds[7] && res.entityIds[8] && res.entityIds[9] && res.entityIds[10]);
      assert.ok(res.ids[`eth:${ETH.toLowerCase()}`]);
      assert.ok(res.ids[`btc:${BECH}`]);
      assert.equal(await findEntity(t.ctx.db, analyst, 'domain', dom.toUpperCase()).then((e) => e?.id), res.entityIds[5]);
    });

    test('provenance is recorded per assertion; one audit row per batch, in the caller\'s transaction', async () => {
      const handle = uniq('prov');
      const before = await auditCount('traces.observe');
      const res = await observe(t.ctx.db, analyst, {
        module: 'monitor', source: 'monitor:telegram', sourceRef: 'chan/9', rule: 'det-v2', details: { lang: 'ru' },
        entities: [{ type: 'telegram', value: handle }, { type: 'card', value: card('4400') }, { type: 'phone', value: phone() }],
      });
      assert.equal(await auditCount('traces.observe'), before + 1);
      const [row] = (await t.database.raw.query<{ summary: { details: Record<string, unknown> }; actor_id: string }>(
        `select summary, actor_id from audit_log where action = 'traces.observe' order by seq desc limit 1`)).rows;
      assert.equal(row!.actor_id, analyst.id);
      assert.equal(row!.summary.details.entities, 3);
      assert.equal(row!.summary.details.entitiesCreated, 3);
      assert.equal(row!.summary.details.module, 'monitor');

      const p = (await getEntity(t.ctx.db, analyst, res.ids[`telegram:${handle}`]!)).provenance;
      assert.equal(p.total, 1);
      assert.deepEqual({ ...p.items[0]!, id: 0, recordedAt: null, observedAt: null }, {
        id: 0, entityId: res.ids[`telegram:${handle}`], linkId: null, source: 'monitor:telegram', sourceRef: 'chan/9', rule: 'det-v2',
        module: 'monitor', actorId: analyst.id, region: null, details: { lang: 'ru' }, recordedAt: null, observedAt: null,
      });

      // Rolling back the caller's transaction takes the data and its audit row with it.
      const entitiesBefore = await rows('trace_entities'), auditBefore = await auditCount('traces.observe');
      await assert.rejects(t.ctx.db.transaction(async (tx) => {
        await observe(tx, analyst, { module: 'x', source: 'x', entities: [{ type: 'telegram', value: uniq('rolled') }] });
        throw new Error('rollback');
      }), /rollback/);
      assert.equal(await rows('trace_entities'), entitiesBefore);
      assert.equal(await auditCount('traces.observe'), auditBefore);
    });

    test('a sighting a link records is written once, on the link, and listed on both endpoints', async () => {
      const post = uniq('post'), handle = uniq('carried'), ph = phone();
      const res = await observe(t.ctx.db, analyst, {
        module: 'monitor', source: 'monitor:telegram', sourceRef: 'chan/10', rule: 'det-v3',
        entities: [{ type: 'item', value: post }, { type: 'telegram', value: handle }, { type: 'phone', value: ph, provenance: { sourceRef: 'chan/11' } }],
        links: [
          { from: { type: 'item', value: post }, to: { type: 'telegram', value: handle }, kind: 'mentions' },
          { from: { type: 'item', value: post }, to: { type: 'phone', value: ph }, kind: 'mentions' },
        ],
      });
      // The post and the handle are carried by the links in the same words; the phone's own
      // sighting names another message, so it keeps its row.
      assert.equal(res.counts.provenance, 3);
      const [toHandle, toPhone] = res.linkIds as [string, string];
      const page = async (key: string) => (await getEntity(t.ctx.db, analyst, res.ids[key]!)).provenance;
      const h = await page(`telegram:${handle}`);
      assert.deepEqual([h.total, h.items[0]!.linkId, h.items[0]!.entityId, h.items[0]!.sourceRef], [1, toHandle, null, 'chan/10']);
      assert.deepEqual((await page(`item:${post}`)).items.map((x) => x.linkId).sort(), [toHandle, toPhone].sort());
      const p = await page(`phone:${ph}`);
      assert.deepEqual(p.items.map((x) => x.sourceRef).sort(), ['chan/10', 'chan/11']);
      assert.equal((await getEntity(t.ctx.db, analyst, res.ids[`phone:${ph}`]!, { provenanceLimit: 1 })).provenance.total, 2);

      // A rejected link records nothing, so the entity's own row stays.
      const lone = uniq('lone');
      const bad = await observe(t.ctx.db, analyst, {
        module: 'monitor', source: 'monitor:telegram', sourceRef: 'chan/12',
        entities: [{ type: 'telegram', value: lone }],
        links: [{ from: { type: 'telegram', value: lone }, to: { type: 'btc', value: BTC_BAD }, kind: 'mentions' }],
      });
      assert.equal(bad.rejected.length, 1);
      const l = (await getEntity(t.ctx.db, analyst, bad.ids[`telegram:${lone}`]!)).provenance;
      assert.deepEqual([l.total, l.items[0]!.entityId], [1, bad.ids[`telegram:${lone}`]]);
    });

    test('awkward text survives the column-array statements unchanged', async () => {
      const weird = ['NULL', 'post "quoted" {braces}, back\\slash', 'Алматы; қазақша — ✓ 🌿', "o'clock \\\"x\\\""];
      const res = await observe(t.ctx.db, analyst, {
        module: 'm', source: 's', sourceRef: 'NULL', details: { q: '"{,}\\', nul: null },
        entities: weird.map((v) => ({ type: 'item', value: v + uniq(''), attributes: { text: v, nested: { list: [v, null] } } })),
      });
      assert.deepEqual(res.rejected, []);
      for (const [i, v] of weird.entries()) {
        const d = await getEntity(t.ctx.db, analyst, res.entityIds[i]!);
        assert.ok(d.entity.value.startsWith(v));
        assert.deepEqual(d.entity.attributes, { text: v, nested: { list: [v, null] } });
        assert.equal(d.provenance.items[0]!.sourceRef, 'NULL');
        assert.deepEqual(d.provenance.items[0]!.details, { q: '"{,}\\', nul: null });
      }
    });

    test('large batches are written in multi-row chunks', async (ctx) => {
      const base = uniq('bulk');
      const entities = Array.from({ length: 2500 }, (_, i) => ({ type: 'telegram', value: `${base}_${i}` }));
      const links = Array.from({ length: 2500 }, (_, i) => ({ from: { type: 'item', value: `${base}/post/${i % 100}` }, to: { type: 'telegram', value: `${base}_${i}` }, kind: 'mentions' }));
      const started = performance.now();
      const res = await observe(t.ctx.db, analyst, { module: 'monitor', source: 'monitor:bulk', entities, links });
      const ms = performance.now() - started;
      assert.equal(res.counts.entitiesCreated, 2600);
      assert.equal(res.counts.linksCreated, 2500);
      assert.equal(res.rejected.length, 0);
      ctx.diagnostic(`[${backend}] 5000 observations in ${ms.toFixed(0)} ms (${Math.round(5000 / (ms / 1000))}/s)`);
      await assert.rejects(observe(t.ctx.db, analyst, { module: 'm', source: 's', entities: Array.from({ length: OBSERVE_MAX_ITEMS + 1 }, () => ({ type: 'domain', value: 'x.kz' })) }), { code: 'traces.batch_too_large' });
    });

    test('concurrent batches over the same entities neither deadlock nor lose counts', async () => {
      const base = uniq('conc');
      const values = Array.from({ length: 300 }, (_, i) => `${base}_${i}`);
      const shuffled = () => [...values].sort(() => Math.random() - 0.5);
      const results = await Promise.all(Array.from({ length: 6 }, (_, k) => observe(t.ctx.db, analyst, {
        module: 'm', source: 's', sourceRef: `run-${k}`, entities: shuffled().map((value) => ({ type: 'telegram', value })),
        links: shuffled().slice(0, 100).map((v, i) => ({ from: { type: 'telegram', value: v }, to: { type: 'telegram', value: values[(i * 7 + 1) % 300]! }, kind: 'related' })),
      })));
      assert.equal(results.reduce((n, r) => n + r.counts.entitiesCreated, 0), 300);
      const counts = await t.database.raw.query<{ n: number }>(`select seen_count as n from trace_entities where type = 'telegram' and value like $1`, [`${base}\\_%`]);
      assert.equal(counts.rows.length, 300);
      assert.ok(counts.rows.every((r) => Number(r.n) === 6));
    });

    test('region scope: region-bound entities and provenance only inside the scope', async () => {
      const [almShop, astShop, wallet] = [uniqueName('Almaty shop '), uniqueName('Astana shop '), card('5169')];
      const res = await observe(t.ctx.db, analyst, {
        module: 'tips', source: 'tips',
        entities: [{ type: 'shop', value: almShop, region: 'KZ-75' }, { type: 'shop', value: astShop, region: 'KZ-71', provenance: { region: 'KZ-71', sourceRef: 'tip-71' } }],
        links: [
          { from: { type: 'card', value: wallet }, to: { type: 'shop', value: almShop }, kind: 'belongs_to', provenance: { region: 'KZ-75' } },
          { from: { type: 'card', value: wallet }, to: { type: 'shop', value: astShop }, kind: 'belongs_to', provenance: { region: 'KZ-71' } },
        ],
      });
      assert.deepEqual(res.rejected, []);
      const astId = res.ids[`shop:${astShop.toLowerCase()}`]!, walletId = res.ids[`card:${wallet}`]!;
      assert.equal(await findEntity(t.ctx.db, almaty, 'shop', astShop), null);
      assert.ok(await findEntity(t.ctx.db, almaty, 'shop', almShop));
      await assert.rejects(getEntity(t.ctx.db, almaty, astId), { code: 'record.not_found' });
      assert.deepEqual(await search(t.ctx.db, almaty, { q: astShop.slice(0, 12), type: 'shop' }).then((h) => h.filter((x) => x.id === astId)), []);

      // The card is region-less: visible, but its link into Astana and the Astana provenance are not.
      const w = await getEntity(t.ctx.db, almaty, walletId);
      assert.deepEqual(w.links.items.map((l) => l.other.display), [almShop]);
      assert.ok(w.provenance.items.every((p) => p.region !== 'KZ-71'));
      assert.equal(w.provenance.total, 1);
      assert.equal((await getEntity(t.ctx.db, analyst, walletId)).provenance.total, 2);

      // A sighting in a region-bound record (an Astana tip) takes that record's region by default.
      const tipPhone = phone(), tipNo = uniq('T-71');
      const tip = await observe(t.ctx.db, analyst, {
        module: 'tips', source: 'tips', entities: [{ type: 'tip', value: tipNo, region: 'KZ-71' }],
        links: [{ from: { type: 'phone', value: tipPhone }, to: { type: 'tip', value: tipNo }, kind: 'reported_in' }],
      });
      const phoneId = tip.ids[`phone:${tipPhone}`]!;
      const seenByAlmaty = await getEntity(t.ctx.db, almaty, phoneId);
      assert.deepEqual([seenByAlmaty.links.total, seenByAlmaty.provenance.total], [0, 0]);
      const seenNationally = await getEntity(t.ctx.db, analyst, phoneId);
      assert.deepEqual([seenNationally.links.total, seenNationally.provenance.items[0]!.region], [1, 'KZ-71']);

      // Writes: not into another region, not onto another region's existing entity, not national records.
      const w2 = await observe(t.ctx.db, almaty, {
        module: 'tips', source: 'tips',
        entities: [{ type: 'shop', value: 'x ' + uniq('s'), region: 'KZ-71' }, { type: 'shop', value: astShop, region: 'KZ-75' }, { type: 'shop', value: uniq('mine') }, { type: 'tron', value: TRON }],
        links: [{ from: { id: astId }, to: { id: walletId }, kind: 'belongs_to' }],
      });
      assert.deepEqual(w2.rejected.map((r) => [r.item, r.index, r.reason]), [['entity', 0, 'region_forbidden'], ['entity', 1, 'region_forbidden'], ['link', 0, 'unknown_entity']]);
      const mine = (await getEntity(t.ctx.db, almaty, w2.entityIds[2]!)).entity;
      assert.equal(mine.region, 'KZ-75'); // defaulted to the writer's only region
      assert.equal((await findEntity(t.ctx.db, analyst, 'shop', astShop))!.region, 'KZ-71');

      // A national record (a post naming no region) stays national when a regional user sees it
      // again: the sighting counts, the record does not move into the writer's region.
      const shared = uniq('api:feed');
      await observe(t.ctx.db, analyst, { module: 'monitor', source: 'monitor:api', entities: [{ type: 'item', value: shared }] });
      const w3 = await observe(t.ctx.db, almaty, { module: 'monitor', source: 'monitor:api', entities: [{ type: 'item', value: shared }] });
      assert.deepEqual(w3.rejected, []);
      const astana = testActor(['investigator'], ['KZ-71']);
      const after3 = (await findEntity(t.ctx.db, astana, 'item', shared))!;
      assert.equal(after3.region, null);
      assert.equal(after3.seenCount, 2);

      // A national writer links a phone to the Astana shop without naming a region: an Almaty reader
      // of the phone sees neither the link nor its provenance row.
      const ph = phone();
      await observe(t.ctx.db, analyst, { module: 'finance', source: 'finance', links: [{ from: { type: 'phone', value: ph }, to: { type: 'shop', value: astShop }, kind: 'belongs_to' }] });
      const phId = (await findEntity(t.ctx.db, analyst, 'phone', ph))!.id;
      const fromAlmaty = await getEntity(t.ctx.db, almaty, phId);
      assert.deepEqual([fromAlmaty.links.total, fromAlmaty.provenance.total], [0, 0]);
      assert.equal((await getEntity(t.ctx.db, analyst, phId)).provenance.total, 1);
    });

    describe('HTTP API', () => {
      let admin: Agent, reviewer: Agent, almatyAgent: Agent;
      before(async () => {
        const a = await t.user({ username: uniqueName('tadm'), roles: ['admin'] });
        admin = await t.login(a.username, a.password);
        const r = await t.user({ username: uniqueName('trev'), roles: ['reviewer'] });
        reviewer = await t.login(r.username, r.password);
        const al = await t.user({ username: uniqueName('talm'), roles: ['investigator'], regions: ['KZ-75'] });
        almatyAgent = await t.login(al.username, al.password);
      });

      test('observe, lookup, search, detail, tags, attributes and a manual link', async () => {
        const h = uniq('api');
        const res = await admin.send('POST', '/api/traces/observe', {
          source: 'api:test', sourceRef: 'r1', entities: [{ type: 'telegram', value: '@' + h }, { type: 'eth', value: ETH }, { type: 'btc', value: BTC_BAD }],
        });
        assert.equal(res.statusCode, 200, res.body);
        const body = res.json();
        assert.deepEqual(body.rejected, [{ item: 'entity', index: 2, reason: 'checksum' }]);
        const id = body.entityIds[0];
        const look = await reviewer.get(`/api/traces/lookup?type=telegram&value=${encodeURIComponent('https://t.me/' + h)}`);
        assert.equal(look.json().entity.id, id);
        assert.equal((await reviewer.get(`/api/traces/lookup?type=telegram&value=${uniq('none')}`)).json().error.code, 'record.not_found');
        const bad = await reviewer.get(`/api/traces/lookup?type=btc&value=${BTC_BAD}`);
        assert.equal(bad.statusCode, 400);
        assert.equal(bad.json().error.code, 'traces.invalid_value');
        const found = (await reviewer.get(`/api/traces/entities?q=${h.slice(0, 8)}&type=telegram`)).json().items as { id: string; match: string }[];
        assert.ok(found.some((x) => x.id === id && x.match === 'prefix'));
        const exact = (await reviewer.get(`/api/traces/entities?q=@${h.toUpperCase()}`)).json().items as { id: string; match: string }[];
        assert.equal(exact[0]!.id, id);
        assert.equal(exact[0]!.match, 'exact');
        assert.deepEqual((await reviewer.get('/api/traces/entities?q=@')).json().items, []); // an empty prefix is not "everything"

        const tagged = await admin.send('POST', `/api/traces/entities/${id}/tags`, { add: ['Dropper', 'seen-2026'] });
        assert.deepEqual(tagged.json().entity.tags, ['dropper', 'seen-2026']);
        const attrs = await admin.send('POST', `/api/traces/entities/${id}/attributes`, { attributes: { city: 'Almaty', note: null } });
        assert.deepEqual(attrs.json().entity.attributes, { city: 'Almaty' });
        const linked = await admin.send('POST', '/api/traces/links', { fromId: id, toId: body.entityIds[1], kind: 'same_as', note: 'same operator per chat export' });
        assert.equal(linked.statusCode, 201, linked.body);
        const linkId = linked.json().link.id;
        const ld = (await reviewer.get(`/api/traces/links/${linkId}`)).json();
        assert.equal(ld.provenance.items[0].source, 'manual');
        assert.equal(ld.provenance.items[0].details.note, 'same operator per chat export');
        const detail = (await reviewer.get(`/api/traces/entities/${id}?provenanceLimit=5`)).json();
        assert.equal(detail.links.total, 1);
        assert.equal(detail.neighbours[0].type, 'eth');
        const audit = (await admin.get(`/api/audit?entityId=${id}`)).json().rows.map((r: { action: string }) => r.action);
        assert.deepEqual(audit, ['traces.attributes', 'traces.tag']);
        assert.equal((await admin.get(`/api/audit?entityId=${linkId}`)).json().rows[0].action, 'traces.link');
        const spec = (await reviewer.get('/api/openapi.json')).json();
        assert.ok(spec.paths['/api/traces/observe'] && spec.paths['/api/traces/entities/{id}/graph']);
      });

      test('bad input gets a catalogue 4xx and writes nothing', async () => {
        const [entities, links, prov, audit] = [await rows('trace_entities'), await rows('trace_links'), await rows('trace_provenance'), await rows('audit_log')];
        const cases: [unknown, number, string][] = [
          [{ source: 's', entities: [{ type: 'ufo', value: 'x' }, { type: 'domain', value: domain() }] }, 400, 'traces.unknown_type'],
          [{ source: 's', links: [{ from: { type: 'domain', value: 'a.kz' }, to: { type: 'domain', value: 'b.kz' }, kind: 'knows' }] }, 400, 'traces.unknown_type'],
          [{ source: 's', entities: Array.from({ length: OBSERVE_MAX_ITEMS + 1 }, (_, i) => ({ type: 'domain', value: `d${i}.kz` })) }, 413, 'traces.batch_too_large'],
          [{ source: 's', entities: [{ type: 'domain', value: domain(), colour: 'red' }] }, 400, 'request.invalid'],
          [{ entities: [{ type: 'domain', value: domain() }] }, 400, 'request.invalid'],
          [{ source: 's', region: 'KZ-99', entities: [{ type: 'domain', value: domain() }] }, 400, 'region.invalid'],
          ['{"source": "s", "entities": [', 400, 'request.malformed_json'],
        ];
        for (const [body, status, code] of cases) {
          const res = await admin.send('POST', '/api/traces/observe', body);
          assert.equal(res.statusCode, status, res.body.slice(0, 300));
          assert.equal(res.json().error.code, code);
        }
        assert.equal((await reviewer.send('POST', '/api/traces/observe', { source: 's', entities: [] })).json().error.code, 'auth.forbidden');
        assert.equal((await admin.send('POST', '/api/traces/links', { fromId: 'x', toId: 'y', kind: 'same_as', note: 'n' })).json().error.code, 'record.not_found');
        assert.equal((await admin.get('/api/traces/entities?q=x&type=ufo')).json().error.code, 'traces.unknown_type');
        assert.deepEqual([await rows('trace_entities'), await rows('trace_links'), await rows('trace_provenance'), await rows('audit_log')], [entities, links, prov, audit]);
      });

      test('a regional user gets 404 for another region\'s entity over HTTP', async () => {
        const res = await admin.send('POST', '/api/traces/observe', { source: 's', entities: [{ type: 'person', value: uniqueName('Person '), region: 'KZ-71' }] });
        const id = res.json().entityIds[0];
        assert.equal((await almatyAgent.get(`/api/traces/entities/${id}`)).statusCode, 404);
        assert.equal((await almatyAgent.get(`/api/traces/entities/${id}/graph`)).statusCode, 404);
        assert.equal((await admin.get(`/api/traces/entities/${id}`)).statusCode, 200);
      });
    });
  });
}
