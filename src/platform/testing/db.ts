import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../db/client.js';
import { migrate } from '../db/migrate.js';

/** The backends a test file should cover: PGlite always, PostgreSQL when the runner provides one. */
export type Backend = 'pglite' | 'postgres';

export function testBackends(): Backend[] {
  return process.env.QALQAN_TEST_PG_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/** A migrated, empty database for one test file; `drop` closes it and removes what it created. */
export interface TestDatabase extends Database {
  drop(): Promise<void>;
}

/**
 * PGlite in memory, or a fresh database on the throwaway PostgreSQL server named by
 * QALQAN_TEST_PG_URL. One per test file (PGlite costs seconds and ~0.5 GB): share it.
 */
export async function openTestDatabase(backend: Backend): Promise<TestDatabase> {
  if (backend === 'pglite') {
    const db = await openDatabase({ memory: true });
    await migrate(db);
    return { ...db, drop: () => db.close() };
  }
  const admin = process.env.QALQAN_TEST_PG_URL;
  if (!admin) throw new Error('QALQAN_TEST_PG_URL is not set');
  const name = 'qalqan_t_' + randomBytes(6).toString('hex');
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`create database ${name}`);
  await c.end();
  const url = new URL(admin);
  url.pathname = '/' + name;
  const db = await openDatabase({ url: url.toString() });
  await migrate(db);
  return {
    ...db,
    drop: async () => {
      await db.close();
      const c2 = new pg.Client({ connectionString: admin });
      await c2.connect();
      await c2.query(`drop database if exists ${name} with (force)`);
      await c2.end();
    },
  };
}

/** A scratch directory for data files (secret key, uploads) of one test file. */
export const scratchDir = (): string => mkdtempSync(join(tmpdir(), 'qalqan-test-'));
