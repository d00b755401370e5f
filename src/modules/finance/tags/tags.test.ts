import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startTestApp, uniqueName, type Agent, type TestApp } from '../../../platform/testing/app.js';
import { testBackends } from '../../../platform/testing/db.js';
import { ledgerFor } from './model.js';
import { parseTagPack } from './tagpack.js';
import { tagCodesFor, tagsFor } from './tags.service.js';
import { Tag } from '../graph/codes.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const upload = (a: Agent, url: string, body: string, type: string) => a.send('POST', url, body, { 'content-type': type });

for (const backend of testBackends()) {
  describe(`finance tags: OFAC, TagPack, manual tags [${backend}]`, () => {
    let t: TestApp;
    let admin: Agent, almaty: Agent, astana: Agent;

    before(async () => {
      t = await startTestApp(backend);
      const a = await t.user({ username: uniqueName('fadm'), roles: ['admin'] });
      admin = await t.login(a.username, a.password);
      const r1 = await t.user({ username: uniqueName('finv'), roles: ['investigator'], regions: ['KZ-75'] });
      almaty = await t.login(r1.username, r1.password);
      const r2 = await t.user({ username: uniqueName('finv'), roles: ['investigator'], regions: ['KZ-71'] });
      astana = await t.login(r2.username, r2.password);
    });
    after(async () => { await t?.close(); });

    test('the address format decides the ledger, the ticker only vetoes', () => {
      assert.deepEqual(ledgerFor('USDT', 'TF6bTQcXFxBm5h9QXLtGjHb34YjNRZ5aiM'), { chain: 'tron', address: 'TF6bTQcXFxBm5h9QXLtGjHb34YjNRZ5aiM' });
      assert.deepEqual(ledgerFor('USDT', '0xAC0F09C0F8BF5E7A4B063D863255F16D8CE9ABE6'), { chain: 'eth', address: '0xac0f09c0f8bf5e7a4b063d863255f16d8ce9abe6' });
      assert.deepEqual(ledgerFor('XBT', 'TQFH2co5mxdRhXp9s7zpz3ivLRLvvxfdTA'), { refused: 'format_mismatch' });
      assert.deepEqual(ledgerFor('BCH', '1FSeJ35WT3AKHoPepELkNSz6SZdxsvaFAq'), { refused: 'unsupported_ledger' });
    });

    test('OFAC sdn.xml: addresses tagged sanctioned on the ledger their format shows; others skipped with reasons', async () => {
      const res = await upload(admin, '/api/finance/tags/import/ofac', fixture('sdn.xml'), 'application/xml');
      assert.equal(res.statusCode, 200, res.body);
      const b = res.json();
      assert.equal(b.format, 'sdn');
      assert.equal(b.published, '2025-03-05');
      assert.equal(b.listed, 11);
      assert.equal(b.created, 7);
      assert.deepEqual(b.byChain, { btc: 3, tron: 2, eth: 2 });
      assert.deepEqual(b.skipped.map((s: { ticker: string; reason: string }) => `${s.ticker}:${s.reason}`).sort(),
        ['LTC:unsupported_ledger', 'USDT:invalid_address', 'XBT:format_mismatch', 'XMR:unsupported_ledger']);
      const tron = await tagsFor(t.ctx.db, 'tron', ['TF6bTQcXFxBm5h9QXLtGjHb34YjNRZ5aiM']);
      const tag = tron.get('TF6bTQcXFxBm5h9QXLtGjHb34YjNRZ5aiM')![0]!;
      assert.equal(tag.label, 'STEPPE EXCHANGE EUROPE OU');
      assert.equal(tag.category, 'sanctioned');
      assert.equal(tag.confidenceId, 'authority_data');
      assert.equal(tag.confidence, 0.6);
      assert.equal(tag.source, 'https://sanctionssearch.ofac.treas.gov/Details.aspx?id=90001');
      // Any writing of the address finds it; the map is keyed by the writing asked for.
      const eth = await tagsFor(t.ctx.db, 'ethereum', ['0xAC0F09C0F8BF5E7A4B063D863255F16D8CE9ABE6']);
      assert.equal(eth.get('0xAC0F09C0F8BF5E7A4B063D863255F16D8CE9ABE6')?.[0]?.category, 'sanctioned');
      assert.equal((await tagsFor(t.ctx.db, 'btc', ['bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq'])).get('bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq')?.[0]?.label, 'Arman SEITKALIYEV');
      const codes = await tagCodesFor(t.ctx.db, 'tron', ['TCUovKqkairzgLtk22BK5wi7Bc7zNRaAsA']);
      assert.equal(codes.get('TCUovKqkairzgLtk22BK5wi7Bc7zNRaAsA')?.code, Tag.SANCTIONED);
    });

    test('OFAC SDN_ADVANCED.xml gives the same tags (re-import updates, never duplicates)', async () => {
      const res = await upload(admin, '/api/finance/tags/import/ofac', fixture('sdn_advanced.xml'), 'text/xml');
      assert.equal(res.statusCode, 200, res.body);
      const b = res.json();
      assert.equal(b.format, 'advanced');
      assert.equal(b.created, 0);
      assert.equal(b.updated, 7);
      assert.equal(b.skipped.length, 4);
      const list = (await admin.get('/api/finance/tags?origin=ofac&limit=100')).json();
      assert.equal(list.total, 7);
      const steppe = list.tags.filter((x: { label: string }) => x.label === 'STEPPE EXCHANGE EUROPE OU');
      assert.equal(steppe.length, 4);
      assert.deepEqual(steppe[0].extra.programs, ['CYBER2', 'RUSSIA-EO14024']);
      const bad = await upload(admin, '/api/finance/tags/import/ofac', '<html><body>not a list</body></html>', 'application/xml');
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.code, 'finance.import_unreadable');
    });

    test('TagPack: header defaults inherited; round-trip export → import gives the same tags', async () => {
      const res = await upload(admin, '/api/finance/tags/import/tagpack', fixture('tagpack.yaml'), 'application/yaml');
      assert.equal(res.statusCode, 200, res.body);
      const b = res.json();
      assert.equal(b.created, 4);
      assert.deepEqual(b.problems, [{ index: 5, address: 'LTdsVS8VDw6syvfQADdhf2PHAm3rMGJvPX', reason: 'unsupported_ledger', skipped: true }]);
      const steppe = (await tagsFor(t.ctx.db, 'tron', ['TB1SqcLfThcyXfV1MSgHMLLFDPeJscmrvE'])).get('TB1SqcLfThcyXfV1MSgHMLLFDPeJscmrvE')![0]!;
      assert.deepEqual([steppe.category, steppe.source, steppe.confidenceId, steppe.actor], ['exchange', 'https://example.kz/replies/2025-02', 'service_data', 'steppe_exchange']);
      const mixer = (await tagsFor(t.ctx.db, 'btc', ['1HMmxafTvTYR9xft4vviBgXawt65zf8K6z'])).get('1HMmxafTvTYR9xft4vviBgXawt65zf8K6z')![0]!;
      assert.equal(mixer.category, 'mixer');

      const exp = await admin.get(`/api/finance/tags/export/tagpack.yaml?packId=${b.packId}`);
      assert.equal(exp.statusCode, 200);
      assert.match(String(exp.headers['content-type']), /yaml/);
      const key = (x: { chain: string; address: string; label: string; category: string; source: string; confidence: string; actor: string | null; lastmod: Date | null; extra: Record<string, unknown> }) =>
        JSON.stringify([x.chain, x.address, x.label, x.category, x.source, x.confidence, x.actor, x.lastmod?.toISOString().slice(0, 10), x.extra.is_cluster_definer ?? null, x.extra.gsCategory ?? null]);
      const original = parseTagPack(fixture('tagpack.yaml')).tags.map(key).sort();
      const exported = parseTagPack(exp.body).tags.map(key).sort();
      assert.deepEqual(exported, original);
      const again = await upload(admin, '/api/finance/tags/import/tagpack', exp.body, 'application/yaml');
      assert.equal(again.statusCode, 200, again.body);
      assert.deepEqual([again.json().created, again.json().updated], [0, 4]);
    });

    test('a TagPack with a bad tag is refused whole (row numbers), or imported in part on request', async () => {
      const pack = 'title: t\ncreator: c\ncurrency: BTC\nsource: https://x.example\nconfidence: forensic\ntags:\n  - address: 1FSeJ35WT3AKHoPepELkNSz6SZdxsvaFAq\n    label: ok wallet\n  - address: 1FSeJ35WT3AKHoPepELkNSz6SZdxsvaFAr\n    label: broken checksum\n  - address: 1HMmxafTvTYR9xft4vviBgXawt65zf8K6z\n    confidence: very_sure\n    label: bad confidence\n';
      const res = await upload(admin, '/api/finance/tags/import/tagpack', pack, 'application/yaml');
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().error.code, 'finance.import_rejected');
      assert.deepEqual(res.json().error.details.problems.map((p: { index: number; reason: string }) => `${p.index}:${p.reason}`), ['2:invalid_address', '3:confidence_unknown']);
      assert.equal((await tagsFor(t.ctx.db, 'btc', ['1FSeJ35WT3AKHoPepELkNSz6SZdxsvaFAq'])).get('1FSeJ35WT3AKHoPepELkNSz6SZdxsvaFAq')!.some((x) => x.label === 'ok wallet'), false);
      const part = await upload(admin, '/api/finance/tags/import/tagpack?acceptValid=true', pack, 'application/yaml');
      assert.equal(part.statusCode, 200);
      assert.equal(part.json().created, 1);
      // Regional users cannot publish national reference data.
      const regional = await upload(almaty, '/api/finance/tags/import/tagpack', pack, 'application/yaml');
      assert.equal(regional.statusCode, 403);
    });

    test('ActorPack import and export', async () => {
      const res = await upload(admin, '/api/finance/tags/import/actorpack', fixture('actorpack.yaml'), 'application/yaml');
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().created, 2);
      const exp = await admin.get('/api/finance/tags/export/actorpack.yaml?referencedOnly=true');
      assert.match(exp.body, /id: steppe_exchange/);
      assert.doesNotMatch(exp.body, /lucky_dice/);
      assert.match(exp.body, /jurisdictions:\s*\n\s*- KZ\n\s*- EE/);
    });

    test('manual tags: bound to the author\'s region, hidden from other regions, audited on add and removal', async () => {
      const body = { chain: 'tron', address: 'TCnvYrwd4woWN4DhrVssRBtRkhniPqLM7w', label: 'Alma Shop collection wallet', category: 'drug_shop', source: 'ERDR 257500031000123, seized phone' };
      const res = await almaty.send('POST', '/api/finance/tags', body);
      assert.equal(res.statusCode, 201, res.body);
      const tag = res.json().tag;
      assert.equal(tag.region, 'KZ-75');
      assert.equal(tag.confidence, 'forensic');
      const dup = await almaty.send('POST', '/api/finance/tags', body);
      assert.equal(dup.statusCode, 409);
      assert.equal(dup.json().error.details.id, tag.id, 'the author sees which tag it is');
      // Another region's desk learns only that such a tag exists, not its id.
      const probe = await astana.send('POST', '/api/finance/tags', body);
      assert.equal(probe.statusCode, 409);
      assert.ok(!probe.body.includes(tag.id));
      const elsewhere = await astana.send('POST', '/api/finance/tags', { ...body, region: 'KZ-75', label: 'x' });
      assert.equal(elsewhere.statusCode, 403);
      const other = (await astana.get('/api/finance/tags?origin=manual')).json();
      assert.equal(other.tags.some((x: { id: string }) => x.id === tag.id), false);
      const lookup = (await astana.send('POST', '/api/finance/tags/lookup', { chain: 'tron', addresses: [body.address] })).json();
      assert.deepEqual(lookup.tags, {});
      assert.equal((await admin.get('/api/finance/tags?origin=manual')).json().tags.some((x: { id: string }) => x.id === tag.id), true);
      // The engine sees it (tracing runs with the case's scope, or none).
      assert.equal((await tagCodesFor(t.ctx.db, 'tron', [body.address])).get(body.address)?.code, Tag.DRUG_SHOP);

      assert.equal((await astana.send('DELETE', `/api/finance/tags/${tag.id}`)).statusCode, 404);
      const ofacTag = (await admin.get('/api/finance/tags?origin=ofac&limit=1')).json().tags[0];
      assert.equal((await almaty.send('DELETE', `/api/finance/tags/${ofacTag.id}`)).statusCode, 403);
      const del = await almaty.send('DELETE', `/api/finance/tags/${tag.id}?reason=${encodeURIComponent('wrong address')}`);
      assert.equal(del.statusCode, 200);
      assert.equal((await tagsFor(t.ctx.db, 'tron', [body.address])).size, 0);
      const trail = (await admin.get(`/api/audit?entityId=${tag.id}`)).json().rows.map((r: { action: string; region: string }) => `${r.action}@${r.region}`);
      assert.deepEqual(trail, ['finance.tag.remove@KZ-75', 'finance.tag.add@KZ-75']);
    });
  });
}
