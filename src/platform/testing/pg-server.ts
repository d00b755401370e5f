import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, chmodSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL 15 server for tests and benchmarks: initdb into a temp dir owned by
 * `postgres`, listen on 127.0.0.1 on a free port, fsync off. Needs the Debian server
 * binaries (/usr/lib/postgresql/15/bin) and, when running as root, `runuser`.
 */
export const PG_BIN = process.env.QALQAN_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PgServer {
  url: string;
  dir: string;
  stop(): void;
}

/** Why a throwaway server cannot start here, or null when it can. */
export function pgUnavailableReason(): string | null {
  if (!existsSync(join(PG_BIN, 'initdb')) || !existsSync(join(PG_BIN, 'pg_ctl'))) return `PostgreSQL server binaries not found in ${PG_BIN} (apt-get install postgresql-15)`;
  if (process.getuid?.() === 0 && spawnSync('id', ['-u', 'postgres']).status !== 0) return 'running as root but there is no postgres user to run the server as';
  return null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startPgServer(): Promise<PgServer> {
  const reason = pgUnavailableReason();
  if (reason) throw new Error(reason);
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'qalqan-pg-'));
  chmodSync(dir, 0o777);
  if (root) execFileSync('chown', ['postgres:postgres', dir]);
  const data = join(dir, 'data');
  const run = (cmd: string, args: string[]) => {
    const full = join(PG_BIN, cmd);
    const r = root ? spawnSync('runuser', ['-u', 'postgres', '--', full, ...args], { encoding: 'utf8' }) : spawnSync(full, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  const opts = `-c listen_addresses=127.0.0.1 -p ${port} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c unix_socket_directories=${dir} -c max_connections=200`;
  run('pg_ctl', ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dir,
    stop: () => {
      try { run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']); } catch { /* already gone */ }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
