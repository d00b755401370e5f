import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scratchDir } from '../platform/testing/db.js';

const BIN = fileURLToPath(new URL('../../bin/qalqan.js', import.meta.url));

test('`qalqan serve` with the demo flag listens, answers /healthz, prints the one-time admin password and stops on SIGTERM', async () => {
  const dir = scratchDir();
  const child = spawn(process.execPath, [BIN, 'serve'], { env: { ...process.env, DATABASE_URL: '', QALQAN_DATA_DIR: dir, PORT: '0', QALQAN_DEMO: 'true', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (out += c));
  try {
    const started = Date.now();
    let url: string | undefined;
    while (!url && Date.now() - started < 60_000) {
      url = /serving on (http:\/\/[\d.]+:\d+)/.exec(out)?.[1];
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(url, `server did not report its address:\n${out}`);
    assert.deepEqual(await (await fetch(`${url}/healthz`)).json(), { status: 'ok' });
    while (!/password: (\S+)/.test(out) && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 100));
    const password = /password: (\S+)/.exec(out)![1]!;
    const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
    assert.equal(login.status, 200);
    const ready = await (await fetch(`${url}/readyz`)).json();
    assert.equal(ready.status, 'ready');
    child.kill('SIGTERM');
    const code = await new Promise((r) => child.once('exit', r));
    assert.equal(code, 0);
  } finally {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
