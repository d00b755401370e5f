import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.js';

/** Drizzle database (or transaction) over either backend, typed with every table. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** Plain SQL access for the few places drizzle does not fit (pg-boss adapter, dump/restore). */
export interface RawSql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Runs one or more statements without parameters. */
  exec(text: string): Promise<void>;
}

/** An open database: the typed handle, raw access and which backend serves it. */
export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  raw: RawSql;
  /** Connection string for clients that open their own pool (pg-boss on PostgreSQL). */
  url?: string;
  /** Run `fn` in one transaction on one connection; rolls back when it throws. */
  rawTransaction<T>(fn: (raw: RawSql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Where to connect: a PostgreSQL URL, a PGlite data directory, or in-memory PGlite (tests). */
export type DatabaseTarget = { url: string } | { dataDir: string } | { memory: true };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ('url' in target) return openPostgres(target.url);
  return openPglite('dataDir' in target ? target.dataDir : undefined);
}

async function openPostgres(url: string): Promise<Database> {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  // timestamptz and bigint come back as strings by default; dates are mapped by drizzle per column.
  const pool = new pg.Pool({ connectionString: url, max: 10, application_name: 'qalqan' });
  pool.on('error', () => undefined); // idle-client errors surface on the next query instead of crashing
  await pool.query('select 1');
  const db = drizzle({ client: pool, schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    url,
    raw: {
      query: async (text, params) => ({ rows: (await pool.query(text, params as unknown[])).rows }),
      exec: async (text) => void (await pool.query(text)),
    },
    rawTransaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const out = await fn({
          query: async (text, params) => ({ rows: (await client.query(text, params as unknown[])).rows }),
          exec: async (text) => void (await client.query(text)),
        });
        await client.query('commit');
        return out;
      } catch (e) {
        await client.query('rollback').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir?: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  let dir: string | undefined;
  if (dataDir) {
    dir = join(dataDir, 'pgdata');
    mkdirSync(dir, { recursive: true });
  }
  const client = dir ? await PGlite.create(dir) : await PGlite.create();
  const db = drizzle({ client, schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    raw: {
      query: async (text, params) => {
        if (params && params.length) return { rows: (await client.query(text, params)).rows as never[] };
        // No parameters: go through exec so multi-statement scripts (pg-boss migrations) work.
        const results = await client.exec(text);
        return { rows: (results.at(-1)?.rows ?? []) as never[] };
      },
      exec: async (text) => void (await client.exec(text)),
    },
    rawTransaction: (fn) => client.transaction((tx) => fn({
      query: async (text, params) => ({ rows: (await tx.query(text, params as unknown[])).rows as never[] }),
      exec: async (text) => void (await tx.exec(text)),
    })),
    close: () => client.close(),
  };
}
