import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { systemActor } from '../../../platform/auth/actor.js';
import { startTestApp, uniqueName, type Agent, type TestApp } from '../../../platform/testing/app.js';
import { testBackends } from '../../../platform/testing/db.js';
import { detectItems } from '../../monitor/ingest.detect.js';
import { ingestBatch } from '../../monitor/ingest.service.js';
import { decide } from '../../monitor/review/review.service.js';
import { markHub } from '../../monitor/shops/shops.service.js';
import { findEntity, observe, setAttributes } from '../../traces/traces.service.js';
import { card, phone, testActor } from '../../traces/testing.js';
import { ADS_SYNC_ACTOR } from '../jobs.js';
import { syncAdsDroppers } from './ads.service.js';
import { listDroppers, getDropper } from './droppers.service.js';

/** A Luhn-valid number of `len` digits starting with `prefix`. */
function luhn(prefix: string, len: number): string {
  const body = (prefix + String(Math.random()).slice(2) + '0000000000000000').slice(0, len - 1);
  for (let d = 0; d <= 9; d++) {
    const s = body + d;
    let sum = 0;
    for (let i = 0; i < s.length; i++) { let x = Number(s[s.length - 1 - i]); if (i % 2) { x *= 2; if (x > 9) x -= 9; } sum += x; }
    if (sum % 10 === 0) return s;
  }
  throw new Error('unreachable');
}
const spaced = (c: string) => c.replace(/(\d{4})/g, '$1 ').trim();
const sale = (city: string, pay: string) => `Меф, шишки — ${city}, клады 24/7. Оплата ${pay}`;

for (const backend of testBackends()) {
  describe(`finance: ads → dropper registry [${backend}]`, () => {
    let t: TestApp;
    let almaty: Agent, reviewerAgent: Agent, auditor: Agent;
    const sys = systemActor(ADS_SYNC_ACTOR);
    const shopCard = card('4400'), rejectedCard = card('4400'), nationalPhone = phone(), hotline = phone(), benignPhone = phone();
    const badCard = luhn('51', 15); // Luhn-valid, but Mastercard issues 16 digits only
    const IBAN = 'KZ107013430671458713';
    const tag = uniqueName('ads');
    const ids: string[] = [];
    const audits = async () => Number((await t.database.raw.query<{ n: string }>(`select count(*) as n from audit_log where action = 'finance.dropper.ads_sync'`)).rows[0]!.n);

    const post = async (n: string, text: string) => {
      const r = await ingestBatch(t.ctx, systemActor('test'), { source: { kind: 'api', name: tag }, items: [{ text, externalId: `${tag}-${n}` }] });
      const id = r.ids[0]!;
      await detectItems(t.ctx.db, systemActor('test'), [id]);
      ids.push(id);
      return id;
    };

    before(async () => {
      t = await startTestApp(backend);
      const a = await t.user({ username: uniqueName('fads'), roles: ['investigator'], regions: ['KZ-75'] });
      almaty = await t.login(a.username, a.password);
      const r = await t.user({ username: uniqueName('fadr'), roles: ['reviewer'] });
      reviewerAgent = await t.login(r.username, r.password);
      const au = await t.user({ username: uniqueName('fada'), roles: ['auditor'] });
      auditor = await t.login(au.username, au.password);
      await post('alm', sale('Алматы', `на карту ${spaced(shopCard)}`));
      await post('ast', sale('Астана', `на счёт ${IBAN} или карту ${shopCard}`));
      await post('nat', sale('', `Kaspi ${nationalPhone} или ${hotline}`));
      const rejected = await post('rej', sale('Алматы', `на карту ${rejectedCard}`));
      await decide(t.ctx.db, testActor(['reviewer']), rejected, { decision: 'rejected', note: 'a test post, not a shop' });
      // A traces editor clears the post entity's link to monitoring: the reviewers' rejection must still hold.
      const rejEntity = (await findEntity(t.ctx.db, sys, 'item', `api:${tag}/${tag}-rej`))!;
      await setAttributes(t.ctx.db, testActor(['investigator']), rejEntity.id, { monitorItemId: null, label: 'drug_sale' });
      await markHub(t.ctx.db, testActor(['analyst']), { type: 'phone', value: hotline, note: 'bank hotline' });
      // Written by another module: a flagged post with an invalid card, and a benign one (monitoring itself never writes benign posts).
      await observe(t.ctx.db, sys, {
        module: 'test', source: 'test',
        entities: [
          { type: 'item', value: `api:${tag}/bad`, region: 'KZ-75', attributes: { label: 'drug_sale', monitorItemId: null } },
          { type: 'item', value: `api:${tag}/benign`, region: 'KZ-75', attributes: { label: 'benign' } },
        ],
        links: [
          { from: { type: 'item', value: `api:${tag}/bad` }, to: { type: 'card', value: badCard }, kind: 'mentions' },
          { from: { type: 'item', value: `api:${tag}/benign` }, to: { type: 'phone', value: benignPhone }, kind: 'mentions' },
        ],
      });
    });
    after(async () => { await t?.close(); });

    const rows = async (value: string) => (await listDroppers(t.ctx.db, sys, { q: value, limit: 100 })).droppers.filter((d) => d.value === value);

    test('flagged posts register their instruments: per region, validated, linked, attributed and audited per batch', async () => {
      const before = await audits();
      const r = await syncAdsDroppers(t.ctx.db, sys, { full: true, batchSize: 2 });
      const card = await rows(shopCard);
      assert.deepEqual(card.map((d) => d.region).sort(), ['KZ-71', 'KZ-75'], 'one row per region desk');
      const entity = await findEntity(t.ctx.db, sys, 'card', shopCard);
      assert.ok(card.every((d) => d.entityId === entity!.id && d.createdByName === ADS_SYNC_ACTOR && d.status === 'reported' && d.reports === 1 && d.scheme === 'visa'));
      const iban = await rows(IBAN);
      assert.deepEqual(iban.map((d) => [d.region, d.bankCode]), [['KZ-71', '701']]);
      const detail = await getDropper(t.ctx.db, sys, card.find((d) => d.region === 'KZ-75')!.id);
      assert.equal(detail.reports.length, 1);
      assert.deepEqual([detail.reports[0]!.origin, detail.reports[0]!.reporter, detail.reports[0]!.createdByName], ['ads', 'monitor', ADS_SYNC_ACTOR]);
      assert.ok(ids.includes(detail.reports[0]!.reference), 'the report cites the monitored post');
      assert.equal(detail.links.posts.length, 2, 'the registry page shows both posts through the traces store');
      assert.equal((await rows(rejectedCard)).length, 0, 'a post reviewers rejected is not a lead');
      assert.equal((await rows(hotline)).length, 0, 'a declared public service is skipped');
      assert.equal((await rows(benignPhone)).length, 0);
      assert.equal((await rows(badCard)).length, 0);
      assert.equal((await rows(nationalPhone)).length, 0, 'no region and no default desk: counted, not registered');
      assert.equal(r.invalid, 1);
      assert.deepEqual(r.invalidReasons, { length_mismatch: 1 });
      assert.equal(r.rejectedByReview, 1);
      assert.equal(r.publicService, 1);
      assert.ok(r.notFlagged >= 1);
      assert.ok(r.noRegion >= 1);
      assert.equal(r.created, 3);
      assert.equal(r.reported, 3);
      assert.ok(r.batches > 3, 'small batches');
      const after = await audits();
      assert.ok(after > before && after - before < r.batches, 'one audit row per batch that wrote, none for the others');
      const trail = (await auditor.get('/api/audit?action=finance.dropper.ads_sync')).json().rows;
      assert.ok(trail.some((x: { summary: { details: { reported: number } } }) => x.summary.details.reported > 0));
    });

    test('idempotent: a second run writes nothing; a new ad with a known card adds one report; the default desk takes national posts', async () => {
      const n = await audits();
      const again = await syncAdsDroppers(t.ctx.db, sys, { full: true });
      assert.equal(again.reported, 0);
      assert.equal(again.alreadyKnown, 3);
      assert.equal(await audits(), n, 'nothing written, nothing audited');
      assert.ok((await rows(shopCard)).every((d) => d.reports === 1));

      await post('alm2', sale('Алматы', `на карту ${shopCard}`));
      const inc = await syncAdsDroppers(t.ctx.db, sys, {}); // incremental: from the cursor
      assert.equal(inc.reported, 1);
      assert.equal(inc.created, 0);
      const alm = (await rows(shopCard)).find((d) => d.region === 'KZ-75')!;
      assert.equal(alm.reports, 2);

      const withDesk = await syncAdsDroppers(t.ctx.db, sys, { full: true, defaultRegion: 'KZ-71' });
      assert.ok(withDesk.created >= 1);
      assert.deepEqual((await rows(nationalPhone)).map((d) => d.region), ['KZ-71']);
      assert.equal((await rows(hotline)).length, 0);
    });

    test('"sync now": investigators and admins only, counts only, audited with who asked; status in scope', async () => {
      assert.equal((await reviewerAgent.send('POST', '/api/finance/droppers/sync-ads', {})).statusCode, 403);
      const res = await almaty.send('POST', '/api/finance/droppers/sync-ads', { full: true });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().result.reported, 0);
      assert.equal(res.json().result.droppers, undefined, 'no ids of other regions');
      const last = (await auditor.get('/api/audit?action=finance.dropper.ads_sync')).json().rows[0];
      assert.match(JSON.stringify(last), /fads/);
      const status = (await almaty.get('/api/finance/droppers/sync-ads')).json();
      assert.deepEqual(status.types.map((x: { type: string }) => x.type), ['card', 'iban', 'phone']);
      assert.ok(status.types[0].lastRunAt);
      assert.equal(status.fromAds, 1, 'the Almaty desk sees its own row only');
      const list = (await almaty.get('/api/finance/droppers?limit=100')).json();
      assert.ok(list.droppers.every((d: { region: string }) => d.region === 'KZ-75'));
    });
  });
}
