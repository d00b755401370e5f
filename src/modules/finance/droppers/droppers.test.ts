import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, uniqueName, type Agent, type TestApp } from '../../../platform/testing/app.js';
import { testBackends } from '../../../platform/testing/db.js';
import { validateInstrument } from './validate.js';

const csv = (a: Agent, body: string, query = '') => a.send('POST', `/api/finance/droppers/import${query}`, body, { 'content-type': 'text/csv' });

for (const backend of testBackends()) {
  describe(`finance dropper registry [${backend}]`, () => {
    let t: TestApp;
    let almaty: Agent, astana: Agent, reviewer: Agent, admin: Agent;

    before(async () => {
      t = await startTestApp(backend);
      const mk = async (roles: string[], regions?: string[]) => { const u = await t.user({ username: uniqueName('fd'), roles, regions }); return t.login(u.username, u.password); };
      almaty = await mk(['investigator'], ['KZ-75']);
      astana = await mk(['investigator'], ['KZ-71']);
      reviewer = await mk(['reviewer'], ['KZ-75']);
      admin = await mk(['admin']);
    });
    after(async () => { await t?.close(); });

    test('validation: Luhn, scheme length, KZ IBAN mod-97 with the bank from its code, E.164 phones', () => {
      assert.deepEqual(validateInstrument('card', '4400 4301 2345 6789'), { kind: 'card', value: '4400430123456789', display: '4400 43•• •••• 6789', scheme: 'visa', bankCode: null, bankName: null });
      assert.deepEqual(validateInstrument('card', '4400 4301 2345 6788'), { reason: 'checksum' });
      assert.equal((validateInstrument('card', '2200 7001 2345 6781') as { scheme: string }).scheme, 'mir');
      // A Luhn-valid 15-digit number in the Mastercard range: Mastercard issues 16 digits only.
      assert.deepEqual(validateInstrument('card', '540012345678900'), { reason: 'length_mismatch' });
      const iban = validateInstrument('iban', 'kz18 722s 0000 1234 5678') as { value: string; bankCode: string; bankName: string };
      assert.deepEqual([iban.value, iban.bankCode, iban.bankName], ['KZ18722S000012345678', '722', 'АО «Kaspi Bank»']);
      assert.deepEqual(validateInstrument('iban', 'KZ19722S000012345678'), { reason: 'checksum' });
      assert.equal((validateInstrument('phone', '8 (701) 234-56-78') as { value: string }).value, '+77012345678');
      assert.deepEqual(validateInstrument('phone', '12345'), { reason: 'invalid_format' });
      assert.deepEqual(validateInstrument('wallet', 'x'), { reason: 'unknown_kind' });
    });

    test('bank CSV with bad rows: every bad row reported by line and column, nothing written; valid_rows mode writes the rest', async () => {
      const file = [
        'type;value;bank;report_ref;reported_at;holder_name;shop;wallet;amount_kzt;note',
        'card;4400 4301 2345 6789;Kaspi Bank;12-3/456;01.03.2025;Иванов И.;Alma Shop;TF6bTQcXFxBm5h9QXLtGjHb34YjNRZ5aiM;150 000;',
        'card;4400 4301 2345 6788;Kaspi Bank;12-3/457;01.03.2025;;;;;',
        'iban;KZ18 722S 0000 1234 5678;;12-3/458;2025-03-02;Петров П.;;;;',
        'phone;8 701 234 56 78;Kaspi Bank;12-3/459;31.02.2025;;;;;',
        'email;a@b.kz;;;;;;;;',
        '"card";"2200 7001 2345 6781";"Halyk Bank";"12-3/460";"";"";"";"0x123";"";""',
      ].join('\r\n');
      const before = (await almaty.get('/api/finance/droppers')).json().total;
      const res = await csv(almaty, file);
      assert.equal(res.statusCode, 422, res.body);
      assert.equal(res.json().error.code, 'finance.import_rejected');
      assert.deepEqual(res.json().error.details.errors, [
        { row: 3, column: 'value', reason: 'checksum' }, { row: 5, column: 'reported_at', reason: 'invalid_date' },
        { row: 6, column: 'type', reason: 'unknown_kind' }, { row: 7, column: 'wallet', reason: 'invalid_address' },
      ]);
      assert.equal((await almaty.get('/api/finance/droppers')).json().total, before);

      const ok = await csv(almaty, file, '?mode=valid_rows');
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual([ok.json().rows, ok.json().written, ok.json().created, ok.json().errors.length], [6, 2, 2, 4]);
      const list = (await almaty.get('/api/finance/droppers')).json();
      const card = list.droppers.find((d: { kind: string }) => d.kind === 'card');
      assert.deepEqual([card.region, card.status, card.bankName, card.holderName, card.scheme], ['KZ-75', 'reported', 'Kaspi Bank', 'Иванов И.', 'visa']);
      const iban = list.droppers.find((d: { kind: string }) => d.kind === 'iban');
      assert.equal(iban.bankName, 'АО «Kaspi Bank»');
      // Linked through the traces store: the shop it was advertised by and the wallet it is tied to.
      const detail = (await almaty.get(`/api/finance/droppers/${card.id}`)).json();
      assert.deepEqual(detail.links.shops.map((s: { display: string }) => s.display), ['Alma Shop']);
      assert.deepEqual(detail.links.wallets.map((s: { display: string }) => s.display), ['TF6bTQcXFxBm5h9QXLtGjHb34YjNRZ5aiM']);
      assert.equal(detail.reports[0].details.amountKzt, '150000');
      const trail = (await admin.get('/api/audit?action=finance.dropper.import')).json().rows;
      assert.equal(trail[0].summary.details.written, 2);
    });

    test('template download, manual entry and region scope', async () => {
      const tpl = await almaty.get('/api/finance/droppers/template.csv');
      assert.equal(tpl.statusCode, 200);
      assert.match(tpl.body, /^\uFEFFtype,value,bank,report_ref/);
      const okTemplate = await csv(almaty, tpl.body, '?region=KZ-75');
      assert.equal(okTemplate.statusCode, 200, okTemplate.body);
      const bad = await almaty.send('POST', '/api/finance/droppers', { kind: 'card', value: '4400 4301 2345 6788' });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.details.reason, 'checksum');
      // Only the monitoring sync files "found in ads" rows; a person cannot pass one off as such.
      assert.equal((await almaty.send('POST', '/api/finance/droppers', { kind: 'phone', value: '+7 707 111 22 33', origin: 'ads' })).statusCode, 400);
      const made = await almaty.send('POST', '/api/finance/droppers', { kind: 'phone', value: '+7 707 111 22 33', reporter: 'Тиын-банк', reference: 'tip 77' });
      assert.equal(made.statusCode, 201, made.body);
      const id = made.json().dropper.id;
      assert.equal((await astana.get(`/api/finance/droppers/${id}`)).statusCode, 404);
      assert.equal((await astana.get('/api/finance/droppers')).json().total, 0);
      assert.equal((await astana.send('POST', '/api/finance/droppers', { kind: 'phone', value: '+7 707 111 22 33', region: 'KZ-75' })).statusCode, 403);
      assert.equal((await astana.send('POST', `/api/finance/droppers/${id}/status`, { status: 'confirmed' })).statusCode, 404);
      const jump = await almaty.send('POST', `/api/finance/droppers/${id}/status`, { status: 'blocked' });
      assert.equal(jump.json().error.code, 'record.invalid_state');
      const conf = await almaty.send('POST', `/api/finance/droppers/${id}/status`, { status: 'confirmed', note: 'bank confirmed' });
      assert.equal(conf.json().dropper.status, 'confirmed');
      const trail = (await admin.get(`/api/audit?entityId=${id}`)).json().rows.map((r: { action: string }) => r.action);
      assert.deepEqual(trail, ['finance.dropper.status', 'finance.dropper.report']);

      // Two first reports of a new number sent at once both count, on one registry row.
      const twice = await Promise.all([1, 2].map((k) => almaty.send('POST', '/api/finance/droppers', { kind: 'phone', value: '+7 701 555 66 77', reference: `tip ${k}` })));
      assert.deepEqual(twice.map((r) => r.statusCode), [201, 201], twice.map((r) => r.body).join('\n'));
      assert.equal(twice[0]!.json().dropper.id, twice[1]!.json().dropper.id);
      assert.equal((await almaty.get(`/api/finance/droppers/${twice[0]!.json().dropper.id}`)).json().dropper.reports, 2);
      // A cleared number reported again is back in work; a report fills in the holder the register lacked, never overwrites one.
      const twiceId = twice[0]!.json().dropper.id;
      assert.equal((await almaty.send('POST', `/api/finance/droppers/${twiceId}/status`, { status: 'cleared', note: 'a shop cashier' })).json().dropper.status, 'cleared');
      const back = (await almaty.send('POST', '/api/finance/droppers', { kind: 'phone', value: '+7 701 555 66 77', holderName: 'Петров П.' })).json().dropper;
      assert.deepEqual([back.id, back.status, back.reports, back.holderName], [twiceId, 'reported', 3, 'Петров П.']);
      const kept = (await almaty.send('POST', '/api/finance/droppers', { kind: 'phone', value: '+7 701 555 66 77', holderName: 'Сидоров С.' })).json().dropper;
      assert.deepEqual([kept.reports, kept.holderName], [4, 'Петров П.']);
    });

    test('blocking request to the bank through the shared request lifecycle; letter and CSV annex', async () => {
      const list = (await almaty.get('/api/finance/droppers?kind=card')).json().droppers as { id: string; bankName: string }[];
      const ids = list.map((d) => d.id);
      const res = await almaty.send('POST', '/api/finance/droppers/requests', { ids });
      assert.equal(res.statusCode, 201, res.body);
      const { requests } = res.json();
      assert.ok(requests.length >= 1 && requests.every((r: { status: string; region: string }) => r.status === 'draft' && r.region === 'KZ-75'));
      const kaspi = requests.find((r: { bank: string }) => r.bank === 'Kaspi Bank');
      const req = (await almaty.get(`/api/monitor/requests/${kaspi.id}`)).json();
      assert.equal(req.request.target, 'bank');
      assert.equal(req.request.originModule, 'finance');
      assert.equal(req.request.addressee, 'Kaspi Bank');
      assert.ok(req.entries.some((e: { type: string; value: string }) => e.type === 'card' && e.value === '4400430123456789'));
      // Same lifecycle as monitoring: the author cannot approve; a reviewer of the region can.
      assert.equal((await reviewer.send('POST', `/api/monitor/requests/${kaspi.id}/transition`, { to: 'approved' })).statusCode, 200);
      assert.equal((await almaty.get(`/api/finance/droppers/${ids[0]}`)).json().dropper.lastRequestId !== null, true);

      const pdf = await almaty.get(`/api/finance/reports/requests/${kaspi.id}/letter.pdf?lang=kk`);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
      const annex = await almaty.get(`/api/finance/reports/requests/${kaspi.id}/annex.csv`);
      assert.match(annex.body, /card,4400430123456789/);
      assert.equal((await astana.get(`/api/finance/reports/requests/${kaspi.id}/annex.csv`)).statusCode, 404);
      const none = await almaty.send('POST', '/api/finance/droppers/requests', { ids: ['00000000-0000-0000-0000-000000000000'] });
      assert.equal(none.json().error.code, 'finance.nothing_to_request');
    });
  });
}
