import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startTestApp, uniqueName, type Agent, type TestApp } from '../../../platform/testing/app.js';
import { testBackends } from '../../../platform/testing/db.js';
import { tagCodesFor, tagsFor } from './tags.service.js';

const SDN = readFileSync(new URL('./fixtures/sdn.xml', import.meta.url), 'utf8');
const DELISTED = 'TF6bTQcXFxBm5h9QXLtGjHb34YjNRZ5aiM'; // entry 90001's USDT address on TRON
const STAYS = '0xac0f09c0f8bf5e7a4b063d863255f16d8ce9abe6';

/** The fixture as OFAC would publish it on `date` (MM/DD/YYYY), without the id elements naming `drop`. */
function list(date: string, drop: string[] = []): string {
  let xml = SDN.replace(/<Publish_Date>[^<]*<\/Publish_Date>/, `<Publish_Date>${date}</Publish_Date>`);
  for (const a of drop) xml = xml.replace(new RegExp(`\\s*<id>\\s*<uid>\\d+</uid>\\s*<idType>[^<]*</idType>\\s*<idNumber>${a}</idNumber>\\s*</id>`), '');
  assert.ok(drop.every((a) => !xml.includes(a)), 'fixture edited');
  return xml;
}

for (const backend of testBackends()) {
  describe(`finance tags: OFAC list updates withdraw delisted addresses [${backend}]`, () => {
    let t: TestApp;
    let admin: Agent, auditor: Agent;
    const upload = (xml: string, q = '') => admin.send('POST', `/api/finance/tags/import/ofac${q}`, xml, { 'content-type': 'application/xml' });
    const live = async (address: string) => (await tagsFor(t.ctx.db, address.startsWith('0x') ? 'eth' : 'tron', [address])).get(address) ?? [];

    before(async () => {
      t = await startTestApp(backend);
      const a = await t.user({ username: uniqueName('fofa'), roles: ['admin'] });
      admin = await t.login(a.username, a.password);
      const au = await t.user({ username: uniqueName('fofu'), roles: ['auditor'] });
      auditor = await t.login(au.username, au.password);
      const first = await upload(list('03/05/2025'));
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().withdrawal, 'applied');
      assert.deepEqual(first.json().withdrawn, []);
    });
    after(async () => { await t?.close(); });

    test('a newer list without an address withdraws its tag: dated, with the reason, audited; tracing ignores it', async () => {
      assert.equal((await live(DELISTED)).length, 1);
      const res = await upload(list('04/10/2025', [DELISTED]));
      assert.equal(res.statusCode, 200, res.body);
      const b = res.json();
      assert.equal(b.withdrawal, 'applied');
      assert.deepEqual(b.withdrawn.map((w: { address: string }) => w.address), [DELISTED]);
      assert.equal(b.created, 0);
      assert.deepEqual(await live(DELISTED), [], 'tagsFor ignores withdrawn tags');
      assert.equal((await tagCodesFor(t.ctx.db, 'tron', [DELISTED])).size, 0, 'no longer stops a trace');
      assert.equal((await live(STAYS)).length, 1, 'addresses still listed stay');
      const [row] = (await t.database.raw.query<{ removed_at: Date; removed_reason: string; removed_by_name: string }>(
        `select removed_at, removed_reason, removed_by_name from finance_tags where address = $1`, [DELISTED])).rows;
      assert.ok(row!.removed_at);
      assert.equal(row!.removed_reason, 'no longer on the OFAC SDN list published 2025-04-10');
      const trail = (await auditor.get(`/api/audit?entityId=${b.withdrawn[0].id}&action=finance.tag.remove`)).json().rows;
      assert.equal(trail.length, 1);
      assert.equal(trail[0].summary.details.cause, 'ofac_delisted');
      // The list view no longer shows it; the TagPack export neither.
      const tags = (await admin.get('/api/finance/tags?origin=ofac&limit=100')).json().tags;
      assert.ok(!tags.some((x: { address: string }) => x.address === DELISTED));
    });

    test('listed again later: a new live tag; an older list or a partial file withdraws nothing', async () => {
      const again = (await upload(list('05/01/2025'))).json();
      assert.equal(again.created, 1);
      assert.equal((await live(DELISTED)).length, 1);
      const older = (await upload(list('01/15/2025', [STAYS]))).json();
      assert.equal(older.withdrawal, 'older_list');
      assert.deepEqual(older.withdrawn, []);
      assert.equal((await live(STAYS)).length, 1);
      const partial = (await upload(list('06/01/2025', [STAYS]), '?withdrawMissing=false')).json();
      assert.equal(partial.withdrawal, 'disabled');
      assert.equal((await live(STAYS)).length, 1);
      // Both withdrawn and live rows exist for DELISTED: history kept.
      const n = (await t.database.raw.query<{ n: string }>(`select count(*) as n from finance_tags where address = $1`, [DELISTED])).rows[0]!.n;
      assert.equal(Number(n), 2);
      // Delisted again by a newer list; an archive copy that still lists it does not sanction it again.
      assert.equal((await upload(list('07/01/2025', [DELISTED]))).json().withdrawn.length, 1);
      const archive = (await upload(list('02/01/2025'))).json();
      assert.deepEqual([archive.withdrawal, archive.created, archive.updated], ['older_list', 0, 0]);
      assert.equal((await live(DELISTED)).length, 0);
    });
  });
}
