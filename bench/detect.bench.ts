/**
 * `npm run bench:detect` — detection engine throughput, memory and quality, side by side
 * with the baselines an agency would otherwise use.
 *
 *  1. 100k-message realistic mix (bench/lib/mix.ts; generator seed 9009, never used for
 *     training): short graffiti lines, ordinary posts, long channel posts.
 *  2. detect() with explanations (the public API) on one thread, in a fresh child
 *     process (lib/detect-run.ts): msgs/s, MB/s (UTF-8 bytes), that process's peak RSS;
 *     also detect() without explanations.
 *  3. Baselines: (a) keyword list, substring match -> drug_sale; (b) natural's
 *     BayesClassifier trained on the detector's training recipe (generator + extras).
 *     natural's training is O(documents x vocabulary), so it gets a subset (BAYES_TRAIN).
 *  4. macro-F1 of everything on <repo>/../shared/corpus/dev.jsonl (validation set).
 *  5. `qalqan scan` end to end (bin/qalqan.js over the mix as JSONL, output to a file):
 *     msgs/s after start-up, the start-up apart; then with `--jobs 2` (BENCH_SCAN_JOBS), which
 *     spreads the lines over worker threads (more cores, not a faster core).
 * The LAST line of output is one JSON object:
 *   {"msgs_per_s","mb_per_s","peak_rss_mb","scan_cli_msgs_per_s","baselines":{"<name>":{"msgs_per_s","macro_f1"}}}
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Detector } from '../src/modules/monitor/detect/detector.js';
import { computeMetrics } from '../src/modules/monitor/detect/metrics.js';
import { generateCorpus } from '../src/modules/monitor/detect/train/corpus/index.js';
import { RECIPE } from '../src/modules/monitor/detect/train/train.js';
import { keywordLabel, trainBayes } from './lib/baselines.js';
import { benchMix } from './lib/mix.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = join(HERE, '..');
const DEV = join(REPO, '../shared/corpus/dev.jsonl');
const N = Number(process.env.BENCH_N ?? 100_000);
const BAYES_TRAIN = Number(process.env.BENCH_BAYES_TRAIN ?? 8000);
const BAYES_SPEED_N = 5000;
const SCAN_JOBS = Number(process.env.BENCH_SCAN_JOBS ?? 2);

type Row = { text: string; label: string; indicators?: { type: string; value: string }[] };
const log = (s: string) => process.stdout.write(s + '\n');

function timeIt(texts: readonly string[], f: (t: string) => unknown): number {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < texts.length; i++) f(texts[i]);
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

function macroF1(rows: readonly Row[], f: (t: string) => string): number {
  return computeMetrics(rows.map((r) => ({ gold: r.label, pred: f(r.text) }))).macro_f1;
}

/**
 * `qalqan scan` end to end, as a user runs it: the same mix as JSONL ({"id","text"}) through
 * bin/qalqan.js, output to a file. Start-up (tsx, model and lexicon load) is timed with an
 * empty input and reported apart; best of 2 runs.
 */
function timeScanCli(tmp: string, texts: readonly string[], extra = ''): { msgsPerS: number; totalS: number; startS: number; outMb: number } {
  const input = join(tmp, 'scan.jsonl');
  const empty = join(tmp, 'empty.jsonl');
  const output = join(tmp, 'scan.out');
  writeFileSync(input, texts.map((t, i) => JSON.stringify({ id: `m${i}`, text: t })).join('\n') + '\n');
  writeFileSync(empty, '');
  const run = (file: string): number => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${join(REPO, 'bin/qalqan.js')}" scan "${file}" ${extra} > "${output}"`], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`qalqan scan failed: ${r.stderr}`);
    return Number(process.hrtime.bigint() - t0) / 1e9;
  };
  const startS = Math.min(run(empty), run(empty));
  const totalS = Math.min(run(input), run(input));
  return { msgsPerS: texts.length / Math.max(1e-9, totalS - startS), totalS, startS, outMb: statSync(output).size / 1e6 };
}

function main(): void {
  const t0 = Date.now();
  const texts = benchMix(N, 9009);
  const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t), 0);
  const lens = texts.map((t) => t.length).sort((a, b) => a - b);
  log(`mix: ${texts.length} messages, ${(bytes / 1e6).toFixed(1)} MB UTF-8, chars p10/p50/p90/max ${lens[Math.floor(N * 0.1)]}/${lens[N >> 1]}/${lens[Math.floor(N * 0.9)]}/${lens[N - 1]} (built in ${((Date.now() - t0) / 1000).toFixed(1)}s)`);

  // detect() timing and memory in a fresh child process (see lib/detect-run.ts)
  const tmp = mkdtempSync(join(tmpdir(), 'qalqan-bench-'));
  const mixFile = join(tmp, 'mix.jsonl');
  writeFileSync(mixFile, texts.map((t) => JSON.stringify(t)).join('\n') + '\n');
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(HERE, 'lib/detect-run.ts'), mixFile], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const scan = timeScanCli(tmp, texts);
  // not a per-core figure: worker threads (scan-pool.ts) for hosts with cores to spare
  const scanJobs = timeScanCli(tmp, texts, `--jobs ${SCAN_JOBS}`);
  rmSync(tmp, { recursive: true, force: true });
  if (child.status !== 0) throw new Error(`detect-run failed: ${child.stderr}`);
  const run = JSON.parse(child.stdout.trim().split('\n').pop()!) as { full_s: number; no_explain_s: number; full_cpu_s: number; rss_loaded_mb: number; peak_rss_mb: number; stages_us: Record<string, number> };
  const peakRss = run.peak_rss_mb;
  const msgsPerS = N / run.full_s;
  const mbPerS = bytes / 1e6 / run.full_s;
  log(`detect (with explanations, 1 thread): ${msgsPerS.toFixed(0)} msgs/s, ${mbPerS.toFixed(1)} MB/s; without explanations: ${(N / run.no_explain_s).toFixed(0)} msgs/s (best of 3 passes each); RSS with detector + input loaded ${run.rss_loaded_mb.toFixed(0)} MB, peak ${peakRss.toFixed(0)} MB`);
  // on a shared machine the wall time includes waiting for a core; CPU time shows the per-core cost
  log(`  CPU time of the best full pass: ${((run.full_cpu_s / N) * 1e6).toFixed(2)} µs/message = ${(N / run.full_cpu_s).toFixed(0)} msgs/s per busy core (wall ${((run.full_s / N) * 1e6).toFixed(2)} µs)`);
  log(`  µs per message by stage: ${Object.entries(run.stages_us).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`);
  log(`qalqan scan CLI (JSONL in, JSON lines out, with explanations, 1 process): ${scan.msgsPerS.toFixed(0)} msgs/s after start-up ` +
    `(${scan.totalS.toFixed(2)} s in all, of which ${scan.startS.toFixed(2)} s start-up with an empty input; ${scan.outMb.toFixed(1)} MB written)`);
  // whole runs compared: the threads load their detectors after an empty input has already ended
  log(`qalqan scan --jobs ${SCAN_JOBS} (worker threads; this host has ${availableParallelism()} CPUs): ${(texts.length / scanJobs.totalS).toFixed(0)} msgs/s ` +
    `over the whole run (${scanJobs.totalS.toFixed(2)} s), against ${(texts.length / scan.totalS).toFixed(0)} with one thread (${scan.totalS.toFixed(2)} s)`);
  const det = Detector.load();
  let sink = 0;

  const dev: Row[] | null = existsSync(DEV) ? readFileSync(DEV, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Row) : null;
  if (!dev) log(`dev set missing: expected at ${DEV}; macro-F1 columns will be null`);
  const detF1 = dev ? macroF1(dev, (t) => det.detect(t, false).label) : null;

  // (a) keyword list
  const sKw = timeIt(texts, (t) => (sink += keywordLabel(t).length));
  const kwF1 = dev ? macroF1(dev, keywordLabel) : null;

  // (b) natural Bayes on (a subset of) the same training recipe
  const here = join(REPO, 'src/modules/monitor/detect/train');
  const extra: Row[] = readdirSync(here).filter((f) => /^extra.*\.jsonl$/.test(f)).flatMap((f) => readFileSync(join(here, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Row));
  const trainRows: Row[] = [...generateCorpus({ seed: RECIPE.generator.seed, size: BAYES_TRAIN, split: 'all' }), ...extra];
  const tb = Date.now();
  const bayes = trainBayes(trainRows);
  const bayesTrainS = (Date.now() - tb) / 1000;
  const speedSet = texts.slice(0, BAYES_SPEED_N);
  const sBayes = timeIt(speedSet, (t) => (sink += bayes(t).length));
  const bayesF1 = dev ? macroF1(dev, bayes) : null;

  const kwRate = N / sKw;
  const bayesRate = BAYES_SPEED_N / sBayes;
  const f = (x: number | null) => (x === null ? 'n/a' : x.toFixed(4));
  log('');
  log('engine                         msgs/s      dev macro-F1');
  log(`qalqan detect (explain)   ${msgsPerS.toFixed(0).padStart(11)}      ${f(detF1)}`);
  log(`keyword list              ${kwRate.toFixed(0).padStart(11)}      ${f(kwF1)}`);
  log(`natural Bayes             ${bayesRate.toFixed(0).padStart(11)}      ${f(bayesF1)}   (trained on ${trainRows.length} rows in ${bayesTrainS.toFixed(1)}s; speed on ${BAYES_SPEED_N} msgs)`);
  log(`ratios: detect/keyword speed ${(msgsPerS / kwRate).toFixed(2)}x, detect/bayes speed ${(msgsPerS / bayesRate).toFixed(1)}x; ` +
    `macro-F1 gain vs keyword ${detF1 !== null && kwF1 !== null ? (detF1 - kwF1).toFixed(4) : 'n/a'}, vs bayes ${detF1 !== null && bayesF1 !== null ? (detF1 - bayesF1).toFixed(4) : 'n/a'}`);
  if (sink === 42) log(''); // keeps the work observable
  log(JSON.stringify({
    msgs_per_s: Math.round(msgsPerS),
    mb_per_s: Math.round(mbPerS * 100) / 100,
    peak_rss_mb: Math.round(peakRss),
    scan_cli_msgs_per_s: Math.round(scan.msgsPerS),
    baselines: {
      keyword_list: { msgs_per_s: Math.round(kwRate), macro_f1: kwF1 },
      natural_bayes: { msgs_per_s: Math.round(bayesRate), macro_f1: bayesF1 },
    },
  }));
}

main();
