/**
 * `qalqan monitor feedback-export FILE [--from DATE] [--to DATE]`: write the reviewed items
 * (confirmed and rejected) as corpus-format JSONL, the input of
 * `npm run train -- --feedback FILE`. FILE `-` writes to stdout. Runs as the system actor
 * (national scope), like the other CLI commands.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { systemActor } from '../../../platform/auth/actor.js';
import type { AppContext } from '../../../platform/http/context.js';
import { feedbackRows, toJsonl } from './feedback.js';

interface IO { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }

export const MONITOR_USAGE = 'usage: qalqan monitor feedback-export FILE|- [--from YYYY-MM-DD] [--to YYYY-MM-DD]';

export async function monitorCommand(args: string[], io: IO, open: () => Promise<AppContext>, close: (ctx: AppContext) => Promise<void>): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { from: { type: 'string' }, to: { type: 'string' } } });
  } catch (e) {
    io.stderr.write(`${(e as Error).message}\n${MONITOR_USAGE}\n`);
    return 2;
  }
  const [sub, file] = parsed.positionals;
  if (sub !== 'feedback-export' || !file) { io.stderr.write(MONITOR_USAGE + '\n'); return 2; }
  for (const d of [parsed.values.from, parsed.values.to]) {
    if (d !== undefined && Number.isNaN(Date.parse(d))) { io.stderr.write(`not a date: ${d}\n`); return 2; }
  }
  const ctx = await open();
  try {
    const rows = await feedbackRows(ctx.db, systemActor('cli'), { from: parsed.values.from, to: parsed.values.to });
    const text = toJsonl(rows);
    if (file === '-') io.stdout.write(text);
    else writeFileSync(file, text);
    const counts = rows.reduce<Record<string, number>>((m, r) => ({ ...m, [r.label]: (m[r.label] ?? 0) + 1 }), {});
    io.stderr.write(`feedback: ${rows.length} rows ${JSON.stringify(counts)}${file === '-' ? '' : ' → ' + file}\n`);
    return 0;
  } finally {
    await close(ctx);
  }
}
