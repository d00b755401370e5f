import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough, Readable } from 'node:stream';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { runCli } from './cli.js';
import { openDatabase } from '../platform/db/client.js';
import { openTestDatabase, scratchDir, testBackends } from '../platform/testing/db.js';

/** Run one CLI command in-process; returns its exit code and output. */
async function cli(argv: string[], env: Record<string, string | undefined>, stdin = '') {
  const out = new PassThrough(), err = new PassThrough();
  let stdout = '', stderr = '';
  out.on('data', (c) => (stdout += c));
  err.on('data', (c) => (stderr += c));
  const code = await runCli(argv, { stdin: Readable.from([stdin]), stdout: out, stderr: err, env: { LOG_LEVEL: 'silent', ...env } });
  return { code, stdout, stderr };
}

describe('qalqan CLI on an embedded database', () => {
  const dir = scratchDir();
  const env = { QALQAN_DATA_DIR: dir };
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('usage and unknown commands exit 2', async () => {
    assert.equal((await cli([], env)).code, 2);
    const r = await cli(['frobnicate'], env);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown command: frobnicate/);
  });

  test('a bad configuration value exits 1 naming the variable', async () => {
    const r = await cli(['db', 'migrate'], { ...env, PORT: 'abc' });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /PORT/);
  });

  test('user create makes the first admin with a one-time random password', async () => {
    const r = await cli(['user', 'create', '--role', 'admin', '--region', 'national'], env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /created user admin \(admin; national\)/);
    assert.match(r.stdout, /password \(shown once\): \S{16,}/);
  });

  test('user create reads a password from stdin and validates regions', async () => {
    const ok = await cli(['user', 'create', '--username', 'hq.almaty', '--role', 'regional_hq', '--region', 'KZ-75,KZ-19', '--password-stdin'], env, 'a-strong-regional-password\n');
    assert.equal(ok.code, 0, ok.stderr);
    assert.doesNotMatch(ok.stdout, /password/);
    const bad = await cli(['user', 'create', '--username', 'x.y', '--role', 'analyst', '--region', 'KZ-99'], env);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /Unknown region code/);
    const dup = await cli(['user', 'create', '--username', 'hq.almaty', '--role', 'analyst', '--region', 'national'], env);
    assert.equal(dup.code, 1);
    assert.match(dup.stderr, /already exists/);
  });

  test('audit verify passes, then detects a tampered row and exits non-zero', async () => {
    const ok = await cli(['audit', 'verify'], env);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /audit chain OK: 2 rows verified/);
    const db = await openDatabase({ dataDir: dir });
    await db.raw.query(`update audit_log set actor_name = 'someone else' where seq = 1`, []);
    await db.close();
    const bad = await cli(['audit', 'verify'], env);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /AUDIT CHAIN BROKEN at row seq=1 \(hash_mismatch\)/);
  });

  test('db dump and restore round-trip into another data directory; PostgreSQL too when available', async () => {
    const file = join(dir, 'backup.qdump');
    const dump = await cli(['db', 'dump', file], env);
    assert.equal(dump.code, 0, dump.stderr);
    assert.match(dump.stdout, /dumped \d+ rows/);
    const other = scratchDir();
    try {
      const restore = await cli(['db', 'restore', file], { QALQAN_DATA_DIR: other });
      assert.equal(restore.code, 0, restore.stderr);
      const again = await cli(['db', 'restore', file], { QALQAN_DATA_DIR: other });
      assert.equal(again.code, 1);
      assert.match(again.stderr, /not empty; pass --force/);
      assert.equal((await cli(['db', 'restore', file, '--force'], { QALQAN_DATA_DIR: other })).code, 0);
      // The tampered row travels with the backup: verification still catches it.
      assert.equal((await cli(['audit', 'verify'], { QALQAN_DATA_DIR: other })).code, 1);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
    if (testBackends().includes('postgres')) {
      // Embedded → PostgreSQL through DATABASE_URL, then back into a fresh embedded directory.
      const pg = await openTestDatabase('postgres');
      const back = scratchDir();
      try {
        const pgEnv = { DATABASE_URL: pg.url! };
        assert.equal((await cli(['db', 'restore', file], pgEnv)).code, 0);
        const users = await cli(['user', 'create', '--username', 'pg.user', '--role', 'analyst', '--region', 'KZ-71'], pgEnv);
        assert.equal(users.code, 0, users.stderr);
        const pgFile = join(dir, 'from-pg.qdump');
        assert.equal((await cli(['db', 'dump', pgFile], pgEnv)).code, 0);
        assert.equal((await cli(['db', 'restore', pgFile], { QALQAN_DATA_DIR: back })).code, 0);
        const embedded = await openDatabase({ dataDir: back });
        const { rows } = await embedded.raw.query<{ username: string }>(`select username from users order by username`, []);
        await embedded.close();
        assert.deepEqual(rows.map((r) => r.username), ['admin', 'hq.almaty', 'pg.user']);
      } finally {
        await pg.drop();
        rmSync(back, { recursive: true, force: true });
      }
    }
    const missing = await cli(['db', 'restore', join(dir, 'nope.qdump')], env);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /nope\.qdump/);
  });
});
