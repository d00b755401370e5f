import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../platform/testing/app.js';
import { testBackends } from '../../platform/testing/db.js';
import { entitiesByType, observe } from './traces.service.js';
import { card, testActor, uniq } from './testing.js';

for (const backend of testBackends()) {
  describe(`traces: entities by type [${backend}]`, () => {
    let t: TestApp;
    const analyst = testActor(['analyst']);
    const almaty = testActor(['investigator'], ['KZ-75']);
    const stamp = new Date();
    const cards = [card('4400'), card('4400'), card('4400'), card('5169')];
    const shops = [uniq('alma_shop'), uniq('astana_shop')];
    const post = (n: string) => ({ type: 'item', value: `api:${uniq('lst')}/${n}` });

    before(async () => {
      t = await startTestApp(backend);
      // Post A (Almaty) mentions cards 0 and 1; post B (Astana) mentions card 1; cards 2 and 3 are in no post.
      // Indicators are never region-bound; shops are (one per region).
      const a = post('a'), b = post('b');
      await observe(t.ctx.db, analyst, {
        module: 'monitor', source: 'monitor:api',
        entities: [
          { ...a, region: 'KZ-75', attributes: { label: 'drug_sale' } }, { ...b, region: 'KZ-71', attributes: { label: 'drug_sale' } },
          { type: 'card', value: cards[0]! }, { type: 'card', value: cards[1]! }, { type: 'card', value: cards[2]! }, { type: 'card', value: cards[3]! },
          { type: 'shop', value: shops[0]!, region: 'KZ-75' }, { type: 'shop', value: shops[1]!, region: 'KZ-71' },
        ],
        links: [
          { from: a, to: { type: 'card', value: cards[0]! }, kind: 'mentions', confidence: 0.9 },
          { from: a, to: { type: 'card', value: cards[1]! }, kind: 'mentions', confidence: 0.8 },
          { from: b, to: { type: 'card', value: cards[1]! }, kind: 'mentions', confidence: 0.7 },
        ],
      });
    });
    after(async () => { await t?.close(); });

    const mine = (ids: { value: string }[]) => ids.map((x) => x.value).filter((v) => cards.includes(v));

    test('pages in change order with a cursor, every entity exactly once', async () => {
      const seen: string[] = [];
      let after: string | undefined;
      let pages = 0;
      do {
        const p = await entitiesByType(t.ctx.db, analyst, 'card', { since: new Date(stamp.getTime() - 60_000), limit: 2, after });
        assert.ok(p.items.length <= 2);
        for (let i = 1; i < p.items.length; i++) assert.ok(p.items[i - 1]!.updatedAt <= p.items[i]!.updatedAt);
        seen.push(...p.items.map((x) => x.value));
        after = p.next ?? undefined;
        pages++;
      } while (after && pages < 100);
      assert.deepEqual(seen.filter((v) => cards.includes(v)).sort(), [...cards].sort());
      assert.equal(new Set(seen).size, seen.length, 'no entity twice across pages');
      assert.ok(seen.every((v) => /^\d+$/.test(v)), 'only cards');
      // `since` after the writes: nothing.
      assert.deepEqual((await entitiesByType(t.ctx.db, analyst, 'card', { since: new Date(Date.now() + 60_000) })).items, []);
    });

    test('region scope: a regional reader does not see entities or linked posts of other regions', async () => {
      const p = await entitiesByType(t.ctx.db, almaty, 'card', { since: new Date(stamp.getTime() - 60_000), limit: 1000, linkedFrom: { type: 'item', kind: 'mentions' } });
      assert.deepEqual(mine(p.items).sort(), [cards[0], cards[1]].sort());
      const c1 = p.items.find((x) => x.value === cards[1])!;
      assert.deepEqual(c1.linkedFrom!.map((s) => s.region), ['KZ-75'], 'the Astana post is hidden');
      const cardsSeen = await entitiesByType(t.ctx.db, almaty, 'card', { since: new Date(stamp.getTime() - 60_000), limit: 1000 });
      assert.deepEqual(mine(cardsSeen.items).sort(), [...cards].sort(), 'indicators are visible to every reader');
      const shopsSeen = (await entitiesByType(t.ctx.db, almaty, 'shop', { since: new Date(stamp.getTime() - 60_000), limit: 1000 })).items.map((x) => x.value);
      assert.ok(shopsSeen.includes(shops[0]!) && !shopsSeen.includes(shops[1]!), 'the Astana shop is hidden');
      const all = await entitiesByType(t.ctx.db, analyst, 'card', { since: new Date(stamp.getTime() - 60_000), limit: 1000 });
      assert.deepEqual(mine(all.items).sort(), [...cards].sort());
    });

    test('linkedFrom keeps only entities some post mentions and lists those posts with their attributes', async () => {
      const p = await entitiesByType(t.ctx.db, analyst, 'card', { since: new Date(stamp.getTime() - 60_000), limit: 1000, linkedFrom: { type: 'item', kind: 'mentions' } });
      assert.deepEqual(mine(p.items).sort(), [cards[0], cards[1]].sort());
      const c1 = p.items.find((x) => x.value === cards[1])!;
      assert.equal(c1.linkedFrom!.length, 2);
      assert.deepEqual(c1.linkedFrom!.map((s) => s.attributes.label), ['drug_sale', 'drug_sale']);
      assert.ok(c1.linkedFrom!.every((s) => s.type === 'item' && s.linkLastSeen instanceof Date));
      const one = await entitiesByType(t.ctx.db, analyst, 'card', { since: new Date(stamp.getTime() - 60_000), limit: 1000, linkedFrom: { type: 'item', kind: 'mentions', limit: 1 } });
      assert.equal(one.items.find((x) => x.value === cards[1])!.linkedFrom!.length, 1);
    });

    test('bad input is refused; permission is checked', async () => {
      await assert.rejects(entitiesByType(t.ctx.db, analyst, 'nonsense'), { code: 'traces.unknown_type' });
      await assert.rejects(entitiesByType(t.ctx.db, analyst, 'card', { after: 'garbage' }), { code: 'request.invalid' });
      await assert.rejects(entitiesByType(t.ctx.db, analyst, 'card', { linkedFrom: { type: 'item', kind: 'nope' } }), { code: 'request.invalid' });
      await assert.rejects(entitiesByType(t.ctx.db, testActor(['regional_hq']), 'card'), { code: 'auth.forbidden' });
    });
  });
}
