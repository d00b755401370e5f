/**
 * Compare two dumps of bench/equiv/dump.ts (old vs new detector), row by row:
 * labels, indicator lists and explanation entries (kind, text, category, substance,
 * span) must be identical; probabilities, scores and weights may differ by float
 * noise only (<= TOL). Exits 1 on any difference.
 *
 *   node --import tsx bench/equiv/compare.ts OLD.jsonl NEW.jsonl
 */
import { readFileSync } from 'node:fs';

const TOL = 1e-6;
type Ev = { kind: string; text: string; category: string; substance?: string; weight?: number; start: number; end: number };
type Res = { label: string; scores: Record<string, number>; indicators: unknown[]; explain: Ev[] };
type Row = { t: string; p: number[]; a: Res; b: Res };

const read = (f: string) => readFileSync(f, 'utf8').split('\n').filter((l) => l).map((l) => JSON.parse(l) as Row);
const [oldRows, newRows] = [read(process.argv[2]), read(process.argv[3])];
const diffs: string[] = [];
let maxNum = 0;
const num = (x: number | undefined, y: number | undefined, what: string, i: number) => {
  if (x === undefined || y === undefined) {
    if (x !== y) diffs.push(`row ${i}: ${what} ${x} vs ${y}`);
    return;
  }
  const d = Math.abs(x - y);
  maxNum = Math.max(maxNum, d);
  if (d > TOL) diffs.push(`row ${i}: ${what} ${x} vs ${y}`);
};
function same(r: Res, s: Res, i: number, tag: string): void {
  if (r.label !== s.label) diffs.push(`row ${i} ${tag}: label ${r.label} vs ${s.label}`);
  for (const k of Object.keys(r.scores)) num(r.scores[k], s.scores[k], `${tag} score ${k}`, i);
  if (JSON.stringify(r.indicators) !== JSON.stringify(s.indicators)) diffs.push(`row ${i} ${tag}: indicators ${JSON.stringify(r.indicators)} vs ${JSON.stringify(s.indicators)}`);
  if (r.explain.length !== s.explain.length) diffs.push(`row ${i} ${tag}: explain length ${r.explain.length} vs ${s.explain.length}`);
  for (let j = 0; j < Math.min(r.explain.length, s.explain.length); j++) {
    const e = r.explain[j], f = s.explain[j];
    if (e.kind !== f.kind || e.text !== f.text || e.category !== f.category || e.substance !== f.substance || e.start !== f.start || e.end !== f.end) {
      diffs.push(`row ${i} ${tag}: explain[${j}] ${JSON.stringify(e)} vs ${JSON.stringify(f)}`);
    }
    num(e.weight, f.weight, `${tag} explain[${j}].weight`, i);
  }
}
if (oldRows.length !== newRows.length) diffs.push(`row count ${oldRows.length} vs ${newRows.length}`);
const n = Math.min(oldRows.length, newRows.length);
let labels = 0;
for (let i = 0; i < n; i++) {
  const o = oldRows[i], w = newRows[i];
  if (o.t !== w.t) diffs.push(`row ${i}: different input`);
  for (let c = 0; c < o.p.length; c++) num(o.p[c], w.p[c], `p[${c}]`, i);
  same(o.a, w.a, i, 'explain');
  same(o.b, w.b, i, 'no-explain');
  if (o.a.label === w.a.label) labels++;
}
process.stdout.write(`${n} rows: ${labels} identical labels; ${diffs.length} differences; max numeric |diff| ${maxNum.toExponential(2)}\n`);
for (const d of diffs.slice(0, 30)) process.stdout.write(d + '\n');
process.exit(diffs.length ? 1 : 0);
