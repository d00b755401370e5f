import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { openTestDatabase, scratchDir, testBackends, type Backend, type TestDatabase } from '../testing/db.js';
import { systemActor } from '../auth/actor.js';
import { createUser } from '../auth/users.service.js';
import { verifyAudit } from '../audit/audit.service.js';
import { registerEvidence, recordCustody } from '../../modules/evidence/evidence.service.js';
import { DumpError, dumpDatabase, restoreDatabase } from './dump.js';
import type { Database } from './client.js';

/** Everything that must survive a round trip, in a backend-neutral form. */
async function snapshot(d: Database) {
  const q = async (sql: string) => (await d.raw.query(sql, [])).rows;
  return {
    users: await q(`select id, username, roles, national, regions, password_hash, created_at from users order by username`),
    evidence: await q(`select id, region, title, status, holder from evidence_items order by id`),
    custody: await q(`select id, item_id, action, at from custody_events order by id`),
    audit: await q(`select seq::int as seq, hash, prev_hash, at, summary from audit_log order by seq`),
  };
}

const targets = (): [Backend, Backend][] => {
  const b = testBackends();
  // PGlite → PostgreSQL → PGlite when a server is available; PGlite → PGlite otherwise.
  return b.includes('postgres') ? [['pglite', 'postgres'], ['postgres', 'pglite']] : [['pglite', 'pglite']];
};

describe('dump and restore across backends', () => {
  let source: TestDatabase;
  const dir = scratchDir();
  before(async () => {
    source = await openTestDatabase('pglite');
    const actor = systemActor();
    await createUser(source.db, actor, { username: 'ayala', displayName: 'Аяла Қасымқызы', password: 'round-trip-password', roles: ['investigator', 'auditor'], national: false, regions: ['KZ-75', 'KZ-10'] });
    const item = await registerEvidence(source.db, actor, { region: 'KZ-75', caseNumber: 'C-1', title: 'Мефедрон «кристалл» 💎', category: 'substance', location: 'Room 1', holder: 'A' });
    await recordCustody(source.db, actor, item.id, { action: 'checked_out', toHolder: 'Lab', note: 'сараптама' });
  });
  after(async () => { await source?.drop(); });

  test('every table round-trips exactly and the audit chain still verifies', async () => {
    let from: Database = source;
    const opened: TestDatabase[] = [];
    try {
      let expected = await snapshot(source);
      for (const [i, [, to]] of targets().entries()) {
        const file = join(dir, `dump-${i}.qdump`);
        const counts = await dumpDatabase(from, file);
        assert.equal(counts.users, expected.users.length);
        const target = await openTestDatabase(to);
        opened.push(target);
        await restoreDatabase(target, file);
        assert.deepEqual(JSON.parse(JSON.stringify(await snapshot(target))), JSON.parse(JSON.stringify(expected)), `${from.kind} → ${to}`);
        assert.deepEqual(await verifyAudit(target.db), { ok: true, rows: expected.audit.length });
        // The serial sequence continues after the restored rows.
        await createUser(target.db, systemActor(), { username: `after${i}`, displayName: 'x', password: 'another-long-password', roles: ['analyst'], national: true, regions: [] });
        assert.equal((await verifyAudit(target.db)).ok, true);
        expected = await snapshot(target);
        from = target;
      }
    } finally {
      for (const d of opened) await d.drop();
    }
  });

  test('restoring into a non-empty database needs force; a corrupt file changes nothing', async () => {
    const file = join(dir, 'full.qdump');
    await dumpDatabase(source, file);
    await assert.rejects(restoreDatabase(source, file), (e: unknown) => e instanceof DumpError && /not empty/.test((e as Error).message));
    const bad = join(dir, 'bad.qdump');
    const good = (await import('node:zlib')).gunzipSync((await import('node:fs')).readFileSync(file)).toString().split('\n');
    writeFileSync(bad, gzipSync(good.slice(0, 2).join('\n') + '\n{"t":"users","rows":[{"id":\n'));
    const before = await snapshot(source);
    await assert.rejects(restoreDatabase(source, bad, { force: true }), DumpError);
    assert.deepEqual(await snapshot(source), before, 'the failed restore rolled back');
    writeFileSync(join(dir, 'notgz'), 'hello');
    await assert.rejects(restoreDatabase(source, join(dir, 'notgz'), { force: true }));
  });
});
