import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, uniqueName, type Agent, type TestApp } from '../../platform/testing/app.js';
import { testBackends } from '../../platform/testing/db.js';

const item = (region: string, title: string) => ({ region, caseNumber: uniqueName('ERDR-'), title, category: 'substance', quantity: '5 g', location: 'Room 1', holder: 'Custodian' });

for (const backend of testBackends()) {
  describe(`evidence rooms and region scope [${backend}]`, () => {
    let t: TestApp;
    let national: Agent;
    let almatyUser: Agent;
    let astanaItem: string;
    let almatyItem: string;

    before(async () => {
      t = await startTestApp(backend);
      const admin = await t.user({ username: uniqueName('eadm'), roles: ['admin', 'investigator'] });
      national = await t.login(admin.username, admin.password);
      // The admin creates a regional investigator through the API, as the UI does.
      const created = await national.send('POST', '/api/users', { username: uniqueName('inv'), password: 'almaty-investigator-pw', roles: ['investigator'], regions: ['KZ-75'] });
      assert.equal(created.statusCode, 201);
      almatyUser = await t.login(created.json().user.username, 'almaty-investigator-pw');
      astanaItem = (await national.send('POST', '/api/evidence', item('KZ-71', 'Astana hashish'))).json().item.id;
      almatyItem = (await national.send('POST', '/api/evidence', item('KZ-75', 'Almaty mephedrone'))).json().item.id;
    });
    after(async () => { await t?.close(); });

    test('a regional user cannot read another region\'s record (404, no existence oracle)', async () => {
      const res = await almatyUser.get(`/api/evidence/${astanaItem}`);
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().error.code, 'record.not_found');
      assert.equal((await almatyUser.get(`/api/evidence/${almatyItem}`)).statusCode, 200);
    });

    test('lists are filtered in the query, even when asking for another region', async () => {
      const all = (await almatyUser.get('/api/evidence')).json().items as { region: string }[];
      assert.ok(all.length >= 1 && all.every((i) => i.region === 'KZ-75'));
      assert.deepEqual((await almatyUser.get('/api/evidence?region=KZ-71')).json().items, []);
      const nationalView = (await national.get('/api/evidence')).json().items as { region: string }[];
      assert.ok(nationalView.some((i) => i.region === 'KZ-71') && nationalView.some((i) => i.region === 'KZ-75'));
    });

    test('a regional user cannot write into another region', async () => {
      const res = await almatyUser.send('POST', '/api/evidence', item('KZ-71', 'x'));
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, 'auth.region_forbidden');
      const custody = await almatyUser.send('POST', `/api/evidence/${astanaItem}/custody`, { action: 'checked_out', toHolder: 'me', note: 'x' });
      assert.equal(custody.statusCode, 404);
    });

    test('custody follows the state machine and every event is audited', async () => {
      const out = await almatyUser.send('POST', `/api/evidence/${almatyItem}/custody`, { action: 'checked_out', toHolder: 'Forensic lab', note: 'examination' });
      assert.equal(out.statusCode, 200);
      assert.equal(out.json().item.status, 'checked_out');
      const again = await almatyUser.send('POST', `/api/evidence/${almatyItem}/custody`, { action: 'disposed', note: 'no' });
      assert.equal(again.json().error.code, 'record.invalid_state');
      const back = await almatyUser.send('POST', `/api/evidence/${almatyItem}/custody`, { action: 'returned', note: 'done' });
      assert.equal(back.json().item.status, 'in_storage');
      const detail = (await almatyUser.get(`/api/evidence/${almatyItem}`)).json();
      assert.deepEqual(detail.custody.map((e: { action: string }) => e.action), ['received', 'checked_out', 'returned']);
      const trail = (await national.get(`/api/audit?entityId=${almatyItem}`)).json().rows.map((r: { action: string }) => r.action);
      assert.deepEqual(trail, ['evidence.returned', 'evidence.checked_out', 'evidence.register']);
    });

    test('seals: resealing needs a new seal, an empty one never blanks it, the audit row records both', async () => {
      const id = (await national.send('POST', '/api/evidence', { ...item('KZ-75', 'Sealed bag'), sealNumber: 'A-100' })).json().item.id as string;
      const none = await national.send('POST', `/api/evidence/${id}/custody`, { action: 'resealed', sealNumber: '  ', note: 'bag torn' });
      assert.equal(none.statusCode, 400);
      const resealed = await national.send('POST', `/api/evidence/${id}/custody`, { action: 'resealed', sealNumber: ' B-200 ', note: 'bag torn' });
      assert.equal(resealed.json().item.sealNumber, 'B-200');
      const out = await national.send('POST', `/api/evidence/${id}/custody`, { action: 'checked_out', toHolder: 'Court', sealNumber: '', note: 'hearing' });
      assert.equal(out.json().item.sealNumber, 'B-200');
      const row = (await national.get(`/api/audit?entityId=${id}&action=evidence.resealed`)).json().rows[0];
      const summary = typeof row.summary === 'string' ? JSON.parse(row.summary) : row.summary;
      assert.deepEqual([summary.before.sealNumber, summary.after.sealNumber, summary.details.sealNumber], ['A-100', 'B-200', 'B-200']);
      assert.equal(summary.details.eventId, resealed.json().event.id);
    });

    test('two hand-overs at once: exactly one passes, disposal stays final', async () => {
      const id = (await national.send('POST', '/api/evidence', item('KZ-75', 'Contested item'))).json().item.id as string;
      const both = await Promise.all([
        national.send('POST', `/api/evidence/${id}/custody`, { action: 'disposed', note: 'court order' }),
        national.send('POST', `/api/evidence/${id}/custody`, { action: 'checked_out', toHolder: 'Lab', note: 'exam' }),
      ]);
      assert.deepEqual(both.map((r) => r.statusCode).sort(), [200, 409]);
      const detail = (await national.get(`/api/evidence/${id}`)).json();
      assert.equal(detail.custody.length, 2);
      assert.equal(detail.item.status, detail.custody[1].action === 'disposed' ? 'disposed' : 'checked_out');
    });

    test('an auditor sees the admin\'s user.create in the log; a regional auditor only their region', async () => {
      const aud = await t.user({ username: uniqueName('aud'), roles: ['auditor'] });
      const a = await t.login(aud.username, aud.password);
      const rows = (await a.get('/api/audit?action=user.create')).json().rows as { action: string; region: string | null }[];
      assert.ok(rows.some((r) => r.region === 'KZ-75'));
      const raud = await t.user({ username: uniqueName('raud'), roles: ['auditor'], regions: ['KZ-71'] });
      const r = await t.login(raud.username, raud.password);
      const regional = (await r.get('/api/audit')).json().rows as { region: string | null }[];
      assert.ok(regional.length > 0 && regional.every((x) => x.region === 'KZ-71'));
      const csv = await a.get('/api/audit/export.csv?action=evidence.');
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-type']), /text\/csv/);
      assert.match(csv.body, /evidence\.register/);
      assert.equal(csv.body.split('\r\n')[0], '\uFEFFseq,at,actorType,actorId,actorName,action,entityType,entityId,region,ip,userAgent,summary,hash');
    });

    test('an investigator cannot read the audit log', async () => {
      assert.equal((await almatyUser.get('/api/audit')).statusCode, 403);
    });
  });
}
