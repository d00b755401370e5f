// Starts a throwaway PostgreSQL and prints `URL PID-DIR` so shell scripts can use and stop it.
// Usage: tsx scripts/pg-throwaway.ts start   → prints the URL on line 1, the data dir on line 2
//        tsx scripts/pg-throwaway.ts stop DIR
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { PG_BIN, startPgServer } from '../src/platform/testing/pg-server.js';

const [cmd, dir] = process.argv.slice(2);
if (cmd === 'start') {
  const s = await startPgServer();
  process.stdout.write(`${s.url}\n${s.dir}\n`);
} else if (cmd === 'stop' && dir) {
  const args = ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop'];
  try {
    if (process.getuid?.() === 0) execFileSync('runuser', ['-u', 'postgres', '--', join(PG_BIN, 'pg_ctl'), ...args], { stdio: 'ignore' });
    else execFileSync(join(PG_BIN, 'pg_ctl'), args, { stdio: 'ignore' });
  } catch { /* not running */ }
  rmSync(dir, { recursive: true, force: true });
} else {
  console.error('usage: pg-throwaway.ts start | stop DIR');
  process.exit(2);
}
