/**
 * `qalqan rating compute`: the rating engine on files. Exit codes: 0 success, 2 bad usage or
 * bad input (every problem printed as FILE:LINE: reason on stderr).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { computeRating, rankChange, type Denominators, type RatingRow } from './compute.js';
import { RatingInputError, type InputIssue } from './errors.js';
import { methodologyWarnings, NORMALISATIONS, parseMethodologySource, type Normalisation } from './methodology.js';
import { sensitivity, type SensitivityRow } from './sensitivity.js';
import { formatTable } from './table.js';
import { parsePopulationCsv, parseValuesCsv, populationForPeriod, type PopulationRow } from './values.js';

/** The streams the command uses; a subset of the app's CliIO so tests can run it in-process. */
export interface RatingIO {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const USAGE = `qalqan rating compute — rank regions under a rating methodology

  qalqan rating compute --methodology M.json --values V.csv --period PERIOD [--json]
        [--previous PERIOD]            add each region's rank change against that period
        [--population P.csv]           region,year,population for per-capita indicators
        [--sensitivity N [--seed S] [--jitter J] [--normalisations minmax,rank,...]]
                                       Monte Carlo: median rank and 5th–95th percentile interval

  V.csv: region,indicator,period,value (region = ISO 3166-2:KZ code); "-" reads standard input.
  Output: best first; --json prints [{"region","score","rank","contributions"}].
  Exit code 2 on bad usage or input, with FILE:LINE: reason per problem. See docs/rating-engine.md.`;

const MAX_ISSUES = 50;

const OPTIONS = {
  methodology: { type: 'string' }, values: { type: 'string' }, period: { type: 'string' },
  previous: { type: 'string' }, population: { type: 'string' }, json: { type: 'boolean' },
  sensitivity: { type: 'string' }, seed: { type: 'string' }, jitter: { type: 'string' },
  normalisations: { type: 'string' }, help: { type: 'boolean', short: 'h' },
} as const;

/** A usage mistake: printed with the usage text, exit 2. */
class UsageError extends Error {}

async function readInput(path: string, io: RatingIO): Promise<string> {
  if (path === '-') {
    let data = '';
    for await (const chunk of io.stdin) data += chunk.toString();
    return data;
  }
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message}`);
  }
}

function wholeNumber(flag: string, s: string | undefined, min: number, max: number, fallback: number): number {
  if (s === undefined) return fallback;
  if (!/^\d+$/.test(s) || Number(s) < min || Number(s) > max) throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}, got "${s}"`);
  return Number(s);
}

/** Runs `rating <args>`; `args` starts with the subcommand ("compute"). Returns the exit code. */
export async function ratingCommand(args: string[], io: RatingIO): Promise<number> {
  const say = (s: NodeJS.WritableStream, text: string) => s.write(text.endsWith('\n') ? text : text + '\n');
  const [sub, ...rest] = args;
  if (sub === 'help' || sub === '--help' || sub === '-h') return say(io.stdout, USAGE), 0;
  if (sub !== 'compute') return say(io.stderr, `${sub === undefined ? 'missing subcommand' : `unknown rating command: ${sub}`}\n\n${USAGE}`), 2;

  let files: { methodology: string; values: string; population?: string } | undefined;
  let indicatorLine: (code: string) => number | undefined = () => undefined;
  try {
    const { values: o, positionals } = parseArgs({ args: rest, options: OPTIONS, allowPositionals: true, strict: true });
    if (o.help) return say(io.stdout, USAGE), 0;
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    for (const f of ['methodology', 'values', 'period'] as const) if (!o[f]) throw new UsageError(`--${f} is required`);
    const period = o.period!.trim();
    files = { methodology: o.methodology!, values: o.values!, population: o.population };
    const runs = o.sensitivity === undefined ? 0 : wholeNumber('sensitivity', o.sensitivity, 1, 100_000, 0);
    if (!runs && (o.seed ?? o.jitter ?? o.normalisations) !== undefined) throw new UsageError('--seed, --jitter and --normalisations need --sensitivity N');
    const seed = wholeNumber('seed', o.seed, 0, 0xffffffff, 1);
    const jitter = o.jitter === undefined ? 0.2 : Number(o.jitter);
    if (!/^\d*\.?\d+$/.test(o.jitter ?? '0') || !(jitter >= 0 && jitter < 1)) throw new UsageError(`--jitter must be a number from 0 to below 1, got "${o.jitter}"`);
    const normalisations = (o.normalisations ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    for (const n of normalisations) if (!(NORMALISATIONS as readonly string[]).includes(n)) throw new UsageError(`--normalisations: unknown normalisation "${n}" (expected ${NORMALISATIONS.join(', ')})`);

    const source = parseMethodologySource(await readInput(files.methodology, io));
    indicatorLine = source.indicatorLine;
    const m = source.methodology;
    const rows = parseValuesCsv(await readInput(files.values, io));
    const population = files.population ? parsePopulationCsv(await readInput(files.population, io)) : undefined;
    checkDenominators(m.indicators, population);
    const denominatorsFor = (p: string): Denominators => (population ? { population: populationForPeriod(population, p) } : {});

    const rating = computeRating(m, rows, period, { denominators: denominatorsFor(period) });
    const previous = o.previous === undefined ? undefined : { period: o.previous.trim(), changes: rankChange(rating, computeRating(m, rows, o.previous.trim(), { denominators: denominatorsFor(o.previous.trim()) })) };
    const sens = runs ? sensitivity(m, rows, period, { runs, seed, weightJitter: jitter, normalisations: normalisations as Normalisation[], denominators: denominatorsFor(period) }) : undefined;

    for (const w of methodologyWarnings(m)) say(io.stderr, `${files.methodology}: warning: ${w}`);
    if (o.json) {
      say(io.stdout, JSON.stringify(jsonRows(rating, previous?.changes, sens), null, 2));
    } else {
      say(io.stdout, formatTable(m, rating, { period, previous, sensitivity: sens && { rows: sens, runs, seed, jitter, normalisations } }));
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError || ['ERR_PARSE_ARGS_UNKNOWN_OPTION', 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'].includes((e as { code?: string }).code ?? '')) {
      return say(io.stderr, `error: ${(e as Error).message}\n\n${USAGE}`), 2;
    }
    if (e instanceof RatingInputError) {
      const lines = e.issues.map((i) => locate(i, files!, indicatorLine));
      const shown = lines.slice(0, MAX_ISSUES);
      if (lines.length > shown.length) shown.push(`... and ${lines.length - shown.length} more problems`);
      return say(io.stderr, shown.join('\n')), 2;
    }
    throw e;
  }
}

/** The CLI can supply only the population denominator; say so before computing rather than per row. */
function checkDenominators(indicators: readonly { code: string; perCapita?: { denominator: string } }[], population: readonly PopulationRow[] | undefined): void {
  const issues: InputIssue[] = [];
  for (const i of indicators) {
    if (!i.perCapita) continue;
    if (i.perCapita.denominator !== 'population') {
      issues.push({ source: 'methodology', indicator: i.code, message: `indicator "${i.code}": the CLI supplies only the "population" denominator (from --population), not "${i.perCapita.denominator}"` });
    } else if (!population) {
      issues.push({ source: 'methodology', indicator: i.code, message: `indicator "${i.code}" is per capita: pass --population P.csv (region,year,population)` });
    }
  }
  if (issues.length) throw new RatingInputError(issues);
}

function locate(i: InputIssue, files: { methodology: string; values: string; population?: string }, indicatorLine: (code: string) => number | undefined): string {
  if (i.source === 'options') return `error: ${i.message}`;
  const file = i.source === 'methodology' ? files.methodology : i.source === 'values' ? files.values : files.population ?? 'population';
  const line = i.line ?? (i.source === 'methodology' && i.indicator ? indicatorLine(i.indicator) : undefined);
  return `${file === '-' ? '<stdin>' : file}${line ? `:${line}` : ''}: ${i.message}`;
}

/** The --json shape: exactly region, score, rank, contributions, plus the keys of the flags given. */
function jsonRows(rating: readonly RatingRow[], changes?: ReturnType<typeof rankChange>, sens?: readonly SensitivityRow[]) {
  const change = new Map(changes?.map((c) => [c.region, c]));
  const mc = new Map(sens?.map((s) => [s.region, s]));
  return rating.map((r) => ({
    region: r.region,
    score: r.score,
    rank: r.rank,
    contributions: r.contributions,
    ...(changes ? { previousRank: change.get(r.region)!.previousRank, rankChange: change.get(r.region)!.change } : {}),
    ...(sens ? { medianRank: mc.get(r.region)!.medianRank, p05: mc.get(r.region)!.p05, p95: mc.get(r.region)!.p95 } : {}),
  }));
}
