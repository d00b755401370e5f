import { createReadStream, createWriteStream } from 'node:fs';
import { createGunzip, createGzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import type { Database } from './client.js';
import { migrate } from './migrate.js';

/**
 * Logical backup that works across backends: gzip'd JSON lines, one header, then the rows of
 * every platform table as PostgreSQL renders them with to_jsonb. Restoring goes through
 * jsonb_populate_recordset, so types round-trip exactly between PGlite and PostgreSQL.
 * Queue tables (schema pgboss) are not included: jobs are transient and re-created.
 */
export const DUMP_FORMAT = 'qalqan-dump';
const PAGE = 2000;

interface TableInfo { name: string; columns: string[]; pk: string[] }

/** Header line of a dump file. */
export interface DumpHeader {
  format: typeof DUMP_FORMAT;
  version: 1;
  createdAt: string;
  source: 'pglite' | 'postgres';
  migrations: number;
  tables: TableInfo[];
}

const q = (ident: string) => '"' + ident.replace(/"/g, '""') + '"';

/** Platform tables in foreign-key order (parents first). */
async function tables(database: Database): Promise<TableInfo[]> {
  const { rows } = await database.raw.query<{ name: string; columns: string[]; pk: string[] | null }>(`
    select c.relname as name,
      (select array_agg(a.attname::text order by a.attnum) from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped) as columns,
      (select array_agg(a.attname::text order by array_position(i.indkey, a.attnum)) from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey) where i.indrelid = c.oid and i.indisprimary) as pk
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' order by c.relname`, [] as unknown[]);
  const { rows: fks } = await database.raw.query<{ child: string; parent: string }>(`
    select cc.relname as child, pc.relname as parent from pg_constraint k
    join pg_class cc on cc.oid = k.conrelid join pg_class pc on pc.oid = k.confrelid
    join pg_namespace n on n.oid = cc.relnamespace where k.contype = 'f' and n.nspname = 'public'`, [] as unknown[]);
  const byName = new Map(rows.map((r) => [r.name, { name: r.name, columns: r.columns, pk: r.pk ?? [] }]));
  const ordered: TableInfo[] = [];
  const seen = new Set<string>();
  const visit = (name: string, stack: Set<string>) => {
    if (seen.has(name) || stack.has(name)) return;
    stack.add(name);
    for (const fk of fks) if (fk.child === name && fk.parent !== name) visit(fk.parent, stack);
    seen.add(name);
    ordered.push(byName.get(name)!);
  };
  for (const name of byName.keys()) visit(name, new Set());
  return ordered;
}

async function migrationCount(database: Database): Promise<number> {
  const { rows } = await database.raw.query<{ n: number }>(`select count(*)::int as n from drizzle.__drizzle_migrations`, []);
  return rows[0]?.n ?? 0;
}

/** Write a dump of every platform table to `file`. Returns row counts per table. */
export async function dumpDatabase(database: Database, file: string): Promise<Record<string, number>> {
  const infos = await tables(database);
  const out = createGzip();
  const sink = createWriteStream(file);
  out.pipe(sink);
  const write = async (obj: unknown) => { if (!out.write(JSON.stringify(obj) + '\n')) await once(out, 'drain'); };
  const header: DumpHeader = { format: DUMP_FORMAT, version: 1, createdAt: new Date().toISOString(), source: database.kind, migrations: await migrationCount(database), tables: infos };
  await write(header);
  const counts: Record<string, number> = {};
  for (const t of infos) {
    counts[t.name] = 0;
    const order = t.pk.length ? t.pk.map(q).join(', ') : 'ctid';
    for (let offset = 0; ; offset += PAGE) {
      const { rows } = await database.raw.query<{ r: unknown }>(`select to_jsonb(x) as r from ${q(t.name)} x order by ${order} limit ${PAGE} offset ${offset}`, []);
      if (rows.length) await write({ t: t.name, rows: rows.map((r) => r.r) });
      counts[t.name] += rows.length;
      if (rows.length < PAGE) break;
    }
  }
  out.end();
  await once(sink, 'finish');
  return counts;
}

/**
 * Lines of a gzip'd file. readline does not reliably surface errors of its input stream, so
 * they are caught here and rethrown after the stream ends: a missing or non-gzip file fails
 * instead of looking empty.
 */
async function* readLines(file: string): AsyncGenerator<string> {
  let failure: Error | null = null;
  const src = createReadStream(file);
  const gunzip = createGunzip();
  const rl = createInterface({ input: src.pipe(gunzip), crlfDelay: Infinity });
  const fail = (e: Error) => { failure ??= e; rl.close(); };
  src.on('error', fail);
  gunzip.on('error', fail);
  for await (const line of rl) {
    if (failure) break;
    yield line;
  }
  if (failure) throw new DumpError(`cannot read ${file}: ${(failure as Error).message}`);
}

/** Thrown for unreadable or incompatible dump files. */
export class DumpError extends Error {}

/**
 * Replace every platform table's contents with the dump's, in one transaction: on any error
 * nothing changes. The target is migrated first; a dump from a newer schema is refused.
 */
export async function restoreDatabase(database: Database, file: string, opts: { force?: boolean } = {}): Promise<Record<string, number>> {
  await migrate(database);
  const it = readLines(file);
  let header: DumpHeader;
  try {
    const first = await it.next();
    header = JSON.parse(first.value ?? '');
  } catch (e) {
    if (e instanceof DumpError) throw e;
    throw new DumpError(`${file} is not a Qalqan dump (expected gzip'd JSON lines)`);
  }
  if (header.format !== DUMP_FORMAT || header.version !== 1) throw new DumpError(`${file}: unsupported dump format`);
  const targetMigrations = await migrationCount(database);
  if (header.migrations > targetMigrations) throw new DumpError(`dump has ${header.migrations} migrations, this version only ${targetMigrations}: upgrade Qalqan first`);
  const present = new Map((await tables(database)).map((t) => [t.name, t]));
  for (const t of header.tables) if (!present.has(t.name)) throw new DumpError(`dump table ${t.name} does not exist in the target schema`);

  if (!opts.force) {
    const { rows } = await database.raw.query<{ n: number }>(`select count(*)::int as n from users`, []);
    if ((rows[0]?.n ?? 0) > 0) throw new DumpError('the target database is not empty; pass --force to replace its contents');
  }
  const counts: Record<string, number> = {};
  try {
    await database.rawTransaction(async (raw) => {
      await raw.exec(`truncate ${[...present.keys()].map(q).join(', ')} restart identity cascade`);
      for (;;) {
        const next = await it.next();
        if (next.done) break;
        if (!next.value.trim()) continue;
        const chunk = JSON.parse(next.value) as { t: string; rows: Record<string, unknown>[] };
        const info = header.tables.find((t) => t.name === chunk.t);
        if (!info) throw new DumpError(`row chunk for unknown table ${chunk.t}`);
        // Only the dump's columns: columns added by later migrations keep their defaults.
        const cols = info.columns.filter((c) => present.get(chunk.t)!.columns.includes(c)).map(q).join(', ');
        await raw.query(`insert into ${q(chunk.t)} (${cols}) select ${cols} from jsonb_populate_recordset(null::${q(chunk.t)}, $1::jsonb)`, [JSON.stringify(chunk.rows)]);
        counts[chunk.t] = (counts[chunk.t] ?? 0) + chunk.rows.length;
      }
      // Serial columns continue after the restored maximum.
      const { rows: seqs } = await raw.query<{ tbl: string; col: string; seq: string }>(`
        select c.relname as tbl, a.attname as col, pg_get_serial_sequence(quote_ident(c.relname), a.attname) as seq
        from pg_class c join pg_namespace n on n.oid = c.relnamespace join pg_attribute a on a.attrelid = c.oid
        where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and pg_get_serial_sequence(quote_ident(c.relname), a.attname) is not null`, []);
      for (const s of seqs) {
        await raw.query(`select setval($1, coalesce((select max(${q(s.col)}) from ${q(s.tbl)}), 0) + 1, false)`, [s.seq]);
      }
    });
  } catch (e) {
    if (e instanceof SyntaxError) throw new DumpError(`${file} is corrupt: ${e.message}`);
    throw e;
  }
  return counts;
}
