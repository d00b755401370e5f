/**
 * `qalqan import FILE --source NAME [--format telegram|csv|jsonl] [--no-wait]`: stream a file
 * through the ingest pipeline with a progress bar on stderr (redrawn on a TTY, plain lines
 * every 10% otherwise), wait for detection to finish (unless --no-wait) and print a summary.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { and, eq, ne, sql } from 'drizzle-orm';
import { systemActor } from '../../../platform/auth/actor.js';
import { isAppError } from '../../../platform/errors/catalogue.js';
import type { AppContext } from '../../../platform/http/context.js';
import { unfinishedItem } from '../ingest.detect.js';
import { monitorImports, monitorItems } from '../schema.js';
import { guessFormat, IMPORT_FORMATS, importFile, type ImportFormat, type ImportProgress } from './import.service.js';

interface IO { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }

const mb = (n: number) => (n / 1048576).toFixed(1);

/** Progress renderer: a redrawn bar on a terminal, a line per 10% in logs and pipes. */
export function progressPrinter(out: NodeJS.WritableStream, isTty: boolean) {
  let lastDraw = 0;
  let lastDecile = -1;
  return {
    update(p: ImportProgress, final = false) {
      const frac = p.bytesTotal ? Math.min(1, p.bytesDone / p.bytesTotal) : 1;
      const counts = `accepted ${p.accepted}, duplicates ${p.duplicates}, rejected ${p.rejected}`;
      if (isTty) {
        const now = Date.now();
        if (!final && now - lastDraw < 100) return;
        lastDraw = now;
        const w = 30;
        const bar = '#'.repeat(Math.round(frac * w)).padEnd(w, '-');
        out.write(`\r[${bar}] ${(frac * 100).toFixed(0).padStart(3)}% ${mb(p.bytesDone)}/${mb(p.bytesTotal)} MB  ${counts}\x1b[K${final ? '\n' : ''}`);
      } else {
        const decile = Math.floor(frac * 10);
        if (decile === lastDecile) return; // the summary line follows anyway
        lastDecile = decile;
        out.write(`import: ${(frac * 100).toFixed(0)}% (${mb(p.bytesDone)}/${mb(p.bytesTotal)} MB), ${counts}\n`);
      }
    },
  };
}

export async function importCommand(args: string[], io: IO, open: () => Promise<AppContext>, close: (ctx: AppContext) => Promise<void>): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { source: { type: 'string' }, format: { type: 'string' }, 'no-wait': { type: 'boolean' } } });
  const file = positionals[0];
  if (!file || !values.source) { io.stderr.write('usage: qalqan import FILE --source NAME [--format telegram|csv|jsonl] [--no-wait]\n'); return 2; }
  if (values.format && !(IMPORT_FORMATS as readonly string[]).includes(values.format)) { io.stderr.write(`error: --format must be one of ${IMPORT_FORMATS.join(', ')}\n`); return 2; }
  let size: number;
  try { size = statSync(file).size; } catch { io.stderr.write(`error: no such file: ${file}\n`); return 1; }
  const format = (values.format as ImportFormat | undefined) ?? guessFormat(basename(file), '');
  const ctx = await open();
  try {
    const actor = systemActor('cli-import');
    const [imp] = await ctx.db.insert(monitorImports).values({ sourceName: values.source, format, fileName: basename(file), path: file, status: 'running', bytesTotal: size, createdBy: actor.name }).returning();
    const bar = progressPrinter(io.stderr, Boolean((io.stderr as { isTTY?: boolean }).isTTY));
    let p: ImportProgress;
    try {
      p = await importFile(ctx, actor, { path: file, bytesTotal: size, format, sourceName: values.source, importId: imp!.id }, (x) => bar.update(x));
    } catch (e) {
      await ctx.db.update(monitorImports).set({ status: 'failed', failure: (e as Error).message, finishedAt: new Date() }).where(eq(monitorImports.id, imp!.id));
      if (isAppError(e) && e.code === 'monitor.import_unreadable') { io.stderr.write(`\nerror: ${file} is not a readable ${format} file (${(e.details as { reason: string }).reason})\n`); return 1; }
      throw e;
    }
    bar.update(p, true);
    await ctx.db.update(monitorImports).set({ status: 'done', bytesDone: size, accepted: p.accepted, duplicates: p.duplicates, rejected: p.rejected, skipped: p.skipped, errors: p.errors, finishedAt: new Date() }).where(eq(monitorImports.id, imp!.id));
    for (const e of p.errors.slice(0, 20)) io.stderr.write(`${file}: row ${e.row}: ${e.reason}\n`);
    if (p.errors.length > 20) io.stderr.write(`… ${p.rejected - 20} more rejected rows\n`);
    const mine = eq(monitorItems.importId, imp!.id);
    let pending = 0;
    if (!values['no-wait']) {
      // The follow-up (traces, shops) runs in this process's workers, and items stored raw are
      // detected there: wait (bounded) so that what the summary reports is complete.
      const deadline = Date.now() + 30 * 60_000;
      for (;;) {
        const [r] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(monitorItems).where(and(mine, unfinishedItem));
        pending = r!.n;
        if (pending === 0 || Date.now() > deadline) break;
        await new Promise((res) => setTimeout(res, 300));
      }
    }
    const [f] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(monitorItems).where(and(mine, ne(monitorItems.label, 'benign')));
    io.stdout.write(`imported ${file} as ${format} into source "${values.source}": accepted ${p.accepted}, duplicates ${p.duplicates}, rejected ${p.rejected}, skipped ${p.skipped}` +
      (values['no-wait'] ? ' (detection queued)\n' : `, flagged ${f!.n}${pending ? `, ${pending} still queued for detection or follow-up` : ''}\n`));
    return 0;
  } finally {
    await close(ctx);
  }
}
