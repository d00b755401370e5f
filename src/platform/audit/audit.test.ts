import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDatabase, testBackends, type TestDatabase } from '../testing/db.js';
import { systemActor } from '../auth/actor.js';
import { recordAudit, verifyAudit } from './audit.service.js';

for (const backend of testBackends()) {
  describe(`audit hash chain [${backend}]`, () => {
    let db: TestDatabase;
    before(async () => {
      db = await openTestDatabase(backend);
      for (let i = 0; i < 5; i++) {
        await db.db.transaction((tx) => recordAudit(tx, systemActor(), { action: 'test.write', entityType: 'thing', entityId: String(i), region: 'KZ-75', after: { i, text: 'Қазақ тілі' } }));
      }
    });
    after(async () => { await db?.drop(); });

    test('an untouched chain verifies', async () => {
      assert.deepEqual(await verifyAudit(db.db), { ok: true, rows: 5 });
    });

    test('a rolled-back change leaves no audit row', async () => {
      await assert.rejects(db.db.transaction(async (tx) => {
        await recordAudit(tx, systemActor(), { action: 'test.rollback', entityType: 'thing' });
        throw new Error('change failed');
      }));
      const { rows } = await db.raw.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'test.rollback'`, []);
      assert.equal(rows[0]!.n, 0);
      assert.equal((await verifyAudit(db.db)).ok, true);
    });

    test('an edited row is reported as the first broken link', async () => {
      await db.raw.query(`update audit_log set summary = '{"before":null,"after":{"i":99}}'::jsonb where seq = 3`, []);
      const r = await verifyAudit(db.db);
      assert.equal(r.ok, false);
      assert.deepEqual(r.broken, { seq: 3, reason: 'hash_mismatch' });
    });

    test('a deleted row breaks the link of the next one; deleting the newest is caught by the head', async () => {
      const fresh = await openTestDatabase(backend);
      try {
        for (let i = 0; i < 4; i++) await fresh.db.transaction((tx) => recordAudit(tx, systemActor(), { action: 'a', entityType: 'e', entityId: String(i) }));
        await fresh.raw.query(`delete from audit_log where seq = 2`, []);
        assert.deepEqual((await verifyAudit(fresh.db)).broken, { seq: 3, reason: 'link_mismatch' });
        await fresh.raw.query(`delete from audit_log where seq >= 3`, []);
        const tail = await verifyAudit(fresh.db);
        assert.equal(tail.ok, false);
        assert.equal(tail.broken!.reason, 'missing_rows');
      } finally {
        await fresh.drop();
      }
    });
  });
}
