/**
 * `npm run train`: trains the detector and writes model/model.bin + model/manifest.json.
 *
 * Two stages, both deterministic (fixed seeds, single thread):
 *  A. "selection" model: generator 'train' template families + curated extras.
 *     Temperature and decision threshold are calibrated on a generated sample of the
 *     HELD-OUT families (realistic: unseen phrasing), and its held-out metrics are
 *     reported on a second, independent held-out sample.
 *  B. final model: same recipe on ALL template families (more phrasing diversity for
 *     the hidden data), with stage A's temperature and threshold.
 * The hand-written dev set (<repo>/../shared/corpus/dev.jsonl) is only evaluated,
 * never trained on; rows of other sets whose text is in it are dropped.
 *
 * Options: --size N (generated examples per stage), --out DIR, --quiet,
 * --stage-a-only (write the selection model instead), --feedback FILE (or env QALQAN_FEEDBACK:
 * reviewed items exported by `qalqan monitor feedback-export`, added to both stages'
 * training rows; without it the output is unchanged), --feedback-repeat N, --feedback-augment N
 * (that many of the repeats as obfuscated copies, train/augment.ts), --feedback-translit N (that many
 * as whole-text Latin copies, train/translit.ts), and hyper-parameter overrides
 * --bits --nmin --nmax --epochs --lr --l2h --l2d --extra-repeat --authors-repeat --authors-augment --authors-translit
 * --report-seed. Both stages also train on the sets written by other authors named in
 * RECIPE.authors (not the held-out ones); `--authors-repeat 0 --feedback OTHER_SETS
 * --feedback-repeat 10` reproduces one leave-one-set-out run (`npm run train:loso` runs them all;
 * docs/monitor-detect.md).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Detector } from '../detector.js';
import { type LabelledRow, evaluate } from '../evaluate.js';
import { DEFAULT_FEATURES, type FeatureConfig, FeatureExtractor, LABELS, N_CLASSES } from '../features.js';
import { type Lexicon, lexicon } from '../lexicon/index.js';
import { type EvalReport, expectedCalibrationError, formatReport } from '../metrics.js';
import { Model, type ModelHeader } from '../model.js';
import { obfuscatedCopies } from './augment.js';
import { decoratedCopies } from './decorate.js';
import { latinCopies } from './translit.js';
import { generateCorpus } from './corpus/index.js';
import { subSeed } from './corpus/rng.js';
import { featurize } from './featurize.js';
import { DEFAULT_TRAIN, type TrainOptions, type Weights, chooseThreshold, fitTemperature, train } from './sgd.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const DETECT_DIR = join(HERE, '..');
const REPO = join(DETECT_DIR, '../../../..');
/** Dev set location: <repo>/../shared/corpus/dev.jsonl. */
export const DEV_PATH = join(REPO, '../shared/corpus/dev.jsonl');

/** Fixed data recipe (recorded in the manifest). */
export const RECIPE = {
  /**
   * 30,000 generated rows per stage (60,000 until 2026-12-06): with the author sets repeated ten
   * times, fewer template rows let the text written by people weigh more. 4-fold grouped
   * cross-validation over the 59 training sets (threshold 0.8): 60k rows 0.9606 / 2.74% benign
   * FPR, 30k 0.9612 / 2.51%, 15k 0.9607 / 2.72%; 30k with L2 1e-5 on the hashed features 0.9617 /
   * 2.44% (adopted; 30k with 6e-5: 0.9590 / 2.79%).
   */
  generator: { seed: 1001, size: 30000 },
  calibration: { seed: 2002, size: 6000, split: 'holdout' as const },
  report: { seed: 5005, size: 8000, split: 'holdout' as const },
  maxBenignFpr: 0.004, // margin under the 1% target: the hidden data has more hard negatives than the calibration sample
  /**
   * Lowest decision threshold, whatever the generated calibration sample allows: text by people is
   * less clear-cut than templates. Chosen by a sweep over the leave-one-set-out models of the
   * thirty-one training sets by other authors (2026-12-06): 0.5 -> mean macro-F1 0.962 and 95 false
   * positives of 2,283 benign rows, 0.6 -> 0.963 and 83, 0.7 -> 0.961 and 73, 0.8 -> 0.960 and 66,
   * 0.9 -> 0.956 and 54. (0.6 on twelve sets, 2026-12-05: 0.5 -> 34 of 925, 0.6 -> 29, 0.7 -> 27.)
   * Raised to 0.8 by the same sweep over the fifty-three sets (2026-12-06, pooled over 10,520
   * left-out rows): 0.7 -> macro-F1 0.9668 and 110 false positives of 3,893 benign rows, 0.75 ->
   * 0.9665 and 105, 0.8 -> 0.9653 and 101, 0.85 -> 0.9642 and 95, 0.9 -> 0.9625 and 89. The
   * rule: the highest threshold whose macro-F1 stays within 0.002 of 0.7's, since the
   * false-positive target is the one not met while macro-F1 has room.
   * Raised to 0.92 (2026-12-06, seventh session), with the Latin copies below: at 0.8 the benign
   * FPR was still over 1% on every measure (forty-seven held-out sets pooled: 1.13%; CV over the
   * sixty-three training sets: 2.58%) while macro-F1 kept 0.02 of room. CV of the recipe now: 0.8
   * -> 0.9625 / 2.40%, 0.9 -> 0.9596 / 1.70%, 0.92 -> 0.9588 / 1.59% (without the Latin copies
   * 0.9627 / 2.58%, 0.9595 / 1.89%, 0.9584 / 1.82%). The rule now: the highest threshold measured
   * whose CV macro-F1 keeps a margin of 0.005 over the 0.95 target. Posts between the cuts still
   * reach a reviewer: the review queue starts at risk 0.5 (review.service.ts).
   * Raised to 0.94 by that rule with 2^18 hashed buckets (2026-12-07, third session): CV 0.92 ->
   * 0.9597 / 1.57%, 0.94 -> 0.9573 / 1.42%, 0.96 -> 0.9538 / 1.18%.
   * Raised to 0.96 (2026-12-07, sixth session): CV of the recipe 0.94 -> 0.9581 / 1.42% (66), 0.96 ->
   * 0.9549 / 1.12% (52), 0.0001 short of the margin, as close as the noise between two runs of one
   * recipe (a first version of the space-crossing lexicon gave 0.9551 there; one duplicated row moves
   * CV by ±13 errors), so the held-out sets decided: the eighty-four 0.9704 / 0.92% (58) at 0.94 and
   * 0.9670 / 0.78% (49) at 0.96; the five newest (dv-dz) 0.9752 / 0.75% and 0.9756 / 0.25%; the
   * fifteen written to the hidden data's description 0.9603 / 0.44% and 0.9561 / 0.36%. The
   * false-positive target is the tighter of the two there, and macro-F1 keeps 0.017 of room.
   */
  minThreshold: 0.96,
  /**
   * SGD shuffle orders whose weights are averaged (fitRows). 4-fold grouped cross-validation over
   * the 59 training sets (2026-12-06, threshold 0.8): one order 0.9617 / 2.44% benign FPR, three
   * averaged 0.9637 / 2.42% (at 0.9: 0.9564 / 1.96% against 0.9607 / 1.91%).
   */
  seeds: 3,
  /** Curated rows are few; repeating them gives them weight next to 30k generated rows. */
  extraRepeat: 3,
  /**
   * Sets written by other authors (fixtures/, see authors.test.ts), trained on since 2026-12-05:
   * leaving each one out in turn and training on the others raised its macro-F1 (six sets:
   * 0.929 -> 0.957 on average at the same false-positive count; fifteen: 0.949; thirty-one:
   * 0.961; thirty-seven: 0.962; forty-three, forty-seven, fifty, fifty-three, fifty-nine and sixty-three
   * were added with the recipe unchanged). Repeat 10 was chosen that way over 6 and 15 (twenty-five sets: 0.960 /
   * 72 false positives against 0.959 / 77 for 6; thirty-one: 0.961 / 73 against 0.960 / 78 for
   * 15); obfuscated copies (augment 3 of the repeats) gave 0.960 / 80 against 0.959 / 77 and are
   * off; ×14 (2026-12-06) was better left out but worse on the held-out sets, and is off too.
   * Every other set in fixtures/ is held out, never trained on (HELD_OUT in authors.test.ts): the
   * clean checks written blind after the model they check. The eighth, ninth, eleventh and
   * thirteenth batches (bg-bi, bj-bl, bs-bz, de-dh) were held out at first because
   * their retrains did not improve the held-out figures of the time; they joined with the
   * fourteenth batch below.
   */
  authors: {
    files: [
      'a', 'b', 'c', 'd', 'e', 'f', 'h', 'i', 'j', 'l', 'm', 'n', 'o', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y',
      'aa', 'ab', 'ac', 'ad', 'ae', 'af', 'ag', 'ah', 'ai', 'aj', 'ak', 'al', 'am', 'an', 'ao', 'ap', 'aq', 'ar',
      'as', 'at', 'au', 'av', 'aw', 'ax', 'ay', 'az', 'ba', 'bb', 'bc', 'bd', 'be', 'bf',
      // Tenth batch (2026-12-06): written to the hidden data's description (hard negatives,
      // Kazakh first, obfuscation, recruitment and propaganda against look-alikes, disguised
      // posts, short lines).
      'bm', 'bn', 'bo', 'bp', 'bq', 'br',
      // Twelfth batch (2026-12-06, sixth session), for the families cross-validation still got
      // wrong: legal work against recruitment (da), everyday words and anti-drug humour against
      // propaganda (db), texts quoting shop material against the material (dc), medicines and
      // sales naming no drug (dd).
      'da', 'db', 'dc', 'dd',
      // Fourteenth batch (2026-12-07, eighth session): the ninety-one sets held out until then.
      // Two-fold check first: the recipe plus every second of them (by name), scored on the
      // other half, and the reverse; each half scored by a model that never saw it. Pooled:
      // 0.9676 / 0.80% benign FPR (55 of 6,906) with the model before, 0.9754 / 0.52% (36) with
      // the half-trained models; both halves and every language better (docs/monitor-detect.md).
      'bg', 'bh', 'bi', 'bj', 'bk', 'bl', 'bs', 'bt', 'bu', 'bv', 'bw', 'bx', 'by', 'bz',
      'ca', 'cb', 'cc', 'ce', 'cf', 'cg', 'ch', 'ci', 'cj', 'ck', 'cl', 'cm', 'cn', 'co', 'cp', 'cq',
      'cr', 'cs', 'ct', 'cu', 'cv', 'cw', 'cx', 'cy', 'cz',
      'de', 'df', 'dg', 'dh', 'di', 'dj', 'dk', 'dl', 'dm', 'dn', 'do', 'dp', 'dq', 'dr', 'ds', 'dt',
      'du', 'dv', 'dw', 'dx', 'dy', 'dz', 'ea', 'eb', 'ec', 'ed', 'ee', 'ef', 'eg',
      'g', 'k', 'p', 'q', 'z', 'zb', 'zc', 'zd', 'ze', 'zf', 'zg', 'zh', 'zi', 'zj', 'zk', 'zl', 'zm',
      'zn', 'zo', 'zp', 'zq', 'zr', 'zs',
      // ej-ep, written the same session to be trained on, were checked the same way and did not help
      // (half of them added: 0.9776 -> 0.9745 and 0.9769 -> 0.9733 on the other half): held out.
    ].map((x) => `authors-${x}.jsonl`),
    repeat: 10,
    /** How many of the repeats are obfuscated copies (train/augment.ts). */
    augment: 0,
    /**
     * How many of the repeats are whole-text Latin copies (train/translit.ts): Russian in informal
     * translit, Kazakh in the 2018 alphabet or informal Latin, as much of what is posted here is
     * typed. 2 since 2026-12-06 (seventh session): CV 0.9596 / 1.70% at 0.9 against 0.9595 / 1.89%
     * without; one copy scored a little less well on the held-out sets (docs/dev/monitor-detect-history.md).
     */
    translit: 2,
    /**
     * How many of the repeats are emoji-decorated copies (train/decorate.ts). 4 since 2026-12-07
     * (fifth session): CV 0.9581 / 1.40% (65) at 0.94 against 0.9569 / 1.42% (66) without; the
     * seventy-nine held-out sets 0.9699 / 0.93% against 0.9688 / 0.93%; two ordinary emoji added to
     * their benign posts get 0.98% flagged against 1.56%, two of 🔥 ✨ 💥 👉 😎 ⚡ 💯 ✅ 3.17% against 7.60%.
     */
    decorate: 4,
  },
};
/**
 * Push `repeat` copies of `src` onto `rows`: identical ones, then `augment` obfuscated copies
 * (train/augment.ts), then `latin` whole-text Latin copies (train/translit.ts).
 */
function repeatRows(rows: LabelledRow[], src: readonly LabelledRow[], repeat: number, augment: number, tag: string, latin = 0, decorate = 0): void {
  const nLatin = Math.min(latin, repeat);
  const nDecor = Math.min(decorate, repeat - nLatin);
  const plain = Math.max(0, repeat - nLatin - nDecor - augment);
  for (let k = 0; k < plain; k++) append(rows, src);
  const obfuscated = repeat - nLatin - nDecor - plain;
  if (obfuscated > 0) append(rows, obfuscatedCopies(src, obfuscated, subSeed(RECIPE.generator.seed, tag)));
  if (nLatin > 0) append(rows, latinCopies(src, nLatin, subSeed(RECIPE.generator.seed, tag + ':latin')));
  if (nDecor > 0) append(rows, decoratedCopies(src, nDecor, subSeed(RECIPE.generator.seed, tag + ':decorate')));
}

/** rows.push(...more) without spreading: a spread of ~120k rows overflows the call stack. */
function append<T>(rows: T[], more: readonly T[]): void {
  for (let i = 0; i < more.length; i++) rows.push(more[i]);
}
/** Where the sets written by other authors live. */
const FIXTURES = join(DETECT_DIR, 'fixtures');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf('--' + name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const num = (name: string) => (arg(name) !== undefined ? Number(arg(name)) : undefined);
const sha256 = (b: string | Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Content hash of the generator sources: the generator's "version". */
function generatorVersion(): string {
  const dir = join(HERE, 'corpus');
  const h = createHash('sha256');
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort()) {
    h.update(f + '\0' + readFileSync(join(dir, f), 'utf8'));
  }
  return h.digest('hex').slice(0, 16);
}

/** Read a JSONL file of labelled rows. */
export function readJsonl(path: string): LabelledRow[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as LabelledRow);
}

/** Header for weights trained with `fcfg` on `fx`'s layout. */
export function makeHeader(fx: FeatureExtractor, lex: Lexicon, fcfg: FeatureConfig, temperature = 1, threshold = 0.5): Omit<ModelHeader, 'hashedScale'> {
  return {
    format: 'qalqan-detect', version: 1, labels: [...LABELS], features: fcfg, catNames: fx.catNames, subs: lex.subs,
    denseSize: fx.denseSize, temperature, threshold,
  };
}

/**
 * Train on rows; returns float weights. Exported for the determinism test. With `seeds` > 1 the
 * weights of that many shuffle orders (seed, seed + 1, …) are averaged: a linear model's averaged
 * weights give the averaged logits, so the spread of one SGD order is smoothed at no cost at
 * inference.
 */
export function fitRows(rows: readonly LabelledRow[], fx: FeatureExtractor, opts: TrainOptions, log?: (s: string) => void, seeds = 1): Weights {
  const data = featurize(rows, fx);
  const runs = Array.from({ length: seeds }, (_, k) => train(data, fx.cfg.hashBits, fx.denseSize, { ...opts, seed: opts.seed + k }, log));
  const w = runs[0]!;
  if (seeds === 1) return w;
  // Summed into the first run's float32 arrays in run order, then divided: the committed
  // model's bytes depend on this order of rounding.
  for (const key of ['hashed', 'dense', 'bias'] as const) {
    const out = w[key];
    for (const r of runs.slice(1)) for (let i = 0; i < out.length; i++) out[i] += r[key][i]!;
    for (let i = 0; i < out.length; i++) out[i] /= seeds;
  }
  return w;
}

/** Calibrate temperature + threshold of (quantised) weights on `cal`. */
function calibrate(w: Weights, fx: FeatureExtractor, lex: Lexicon, fcfg: FeatureConfig, cal: readonly LabelledRow[]): { temperature: number; threshold: number } {
  const head = makeHeader(fx, lex, fcfg);
  const det = new Detector(Model.parse(Model.serialize(head, w.hashed, w.dense, w.bias), fx), fx);
  const logits = new Float64Array(cal.length * N_CLASSES);
  const y = Uint8Array.from(cal, (r) => LABELS.indexOf(r.label as (typeof LABELS)[number]));
  const z = new Float64Array(N_CLASSES);
  for (let i = 0; i < cal.length; i++) {
    det.detect(cal[i].text, false); // full pipeline: indicators feed features
    det.model.logits(det.fx, z);
    logits.set(z, i * N_CLASSES);
  }
  const temperature = fitTemperature(logits, y);
  const det2 = new Detector(Model.parse(Model.serialize({ ...head, temperature }, w.hashed, w.dense, w.bias), fx), fx);
  const probs = new Float64Array(cal.length * N_CLASSES);
  const p = new Float64Array(N_CLASSES);
  for (let i = 0; i < cal.length; i++) {
    det2.model.probs(logits.subarray(i * N_CLASSES, (i + 1) * N_CLASSES), p);
    probs.set(p, i * N_CLASSES);
  }
  return { temperature, threshold: Math.max(RECIPE.minThreshold, chooseThreshold(probs, y, RECIPE.maxBenignFpr)) };
}

/**
 * Reviewed rows (corpus format) from `--feedback FILE` / QALQAN_FEEDBACK, or null when not asked
 * for. Rows whose text is in the dev set are dropped so dev metrics stay a held-out measure;
 * rows with an unknown label are refused (a typo must not silently train a fifth class).
 */
export function readFeedback(path: string, dev: readonly LabelledRow[] | null): { rows: LabelledRow[]; dropped: number } {
  const devTexts = new Set((dev ?? []).map((r) => r.text));
  const all = readJsonl(path);
  for (const r of all) {
    if (typeof r.text !== 'string' || !(LABELS as readonly string[]).includes(r.label)) throw new Error(`${path}: row ${r.id ?? '?'} has no text or an unknown label ${String(r.label)}`);
  }
  const rows = all.filter((r) => !devTexts.has(r.text));
  return { rows, dropped: all.length - rows.length };
}

function main(): void {
  const quiet = process.argv.includes('--quiet');
  const log = (s: string) => quiet || process.stderr.write(s + '\n');
  const outDir = arg('out') ?? join(DETECT_DIR, 'model');
  const size = num('size') ?? RECIPE.generator.size;
  const t0 = Date.now();
  const fcfg: FeatureConfig = { ...DEFAULT_FEATURES, hashBits: num('bits') ?? DEFAULT_FEATURES.hashBits, nMin: num('nmin') ?? DEFAULT_FEATURES.nMin, nMax: num('nmax') ?? DEFAULT_FEATURES.nMax };
  const opts: TrainOptions = {
    ...DEFAULT_TRAIN,
    epochs: num('epochs') ?? DEFAULT_TRAIN.epochs, lr: num('lr') ?? DEFAULT_TRAIN.lr,
    l2Hashed: num('l2h') ?? DEFAULT_TRAIN.l2Hashed, l2Dense: num('l2d') ?? DEFAULT_TRAIN.l2Dense,
  };
  const extraRepeat = num('extra-repeat') ?? RECIPE.extraRepeat;
  const extraFiles = readdirSync(HERE).filter((f) => /^extra.*\.jsonl$/.test(f)).sort();
  const extra: LabelledRow[] = extraFiles.flatMap((f) => readJsonl(join(HERE, f)));
  const withExtra = (gen: LabelledRow[]) => {
    const rows = [...gen];
    for (let k = 0; k < extraRepeat; k++) append(rows, extra);
    repeatRows(rows, authors, authorsRepeat, authorsAugment, 'authors', authorsTranslit, authorsDecorate);
    // Only when asked for: without --feedback the rows (and so the model bytes) are unchanged.
    if (feedback) repeatRows(rows, feedback.rows, feedbackRepeat, feedbackAugment, 'feedback', feedbackTranslit, feedbackDecorate);
    return rows;
  };
  const lex = lexicon();
  const fx = new FeatureExtractor(lex, fcfg);
  const dev = existsSync(DEV_PATH) ? readJsonl(DEV_PATH) : null;
  if (!dev) log(`dev set not found at ${DEV_PATH}; dev metrics skipped`);
  const authorsRepeat = num('authors-repeat') ?? RECIPE.authors.repeat;
  const authorSets = RECIPE.authors.files.map((f) => ({ f, ...readFeedback(join(FIXTURES, f), dev) }));
  const authors = authorSets.flatMap((a) => a.rows);
  const feedbackPath = arg('feedback') ?? (process.env.QALQAN_FEEDBACK || undefined);
  const feedbackRepeat = num('feedback-repeat') ?? 1;
  const authorsAugment = num('authors-augment') ?? RECIPE.authors.augment;
  const authorsTranslit = num('authors-translit') ?? RECIPE.authors.translit;
  const authorsDecorate = num('authors-decorate') ?? RECIPE.authors.decorate;
  const feedbackAugment = num('feedback-augment') ?? 0;
  const feedbackTranslit = num('feedback-translit') ?? 0;
  const feedbackDecorate = num('feedback-decorate') ?? 0;
  const feedback = feedbackPath ? readFeedback(feedbackPath, dev) : null;
  if (feedback) log(`feedback: ${feedback.rows.length} reviewed rows from ${feedbackPath} (x${feedbackRepeat}; ${feedback.dropped} dropped as dev-set texts)`);
  const report = (name: string, det: Detector, rows: readonly LabelledRow[]): EvalReport => {
    const r = evaluate(det, rows).report;
    log(`${name}:\n${formatReport(r)}`);
    return r;
  };

  // Stage A: selection model on 'train' families; calibration on held-out families.
  const genA = generateCorpus({ seed: RECIPE.generator.seed, size, split: 'train' });
  log(`stage A: ${genA.length} generated ('train' families) + ${extra.length}x${extraRepeat} extra + ${authors.length}x${authorsRepeat} from sets by other authors`);
  const seeds = num('seeds') ?? RECIPE.seeds;
  const wA = fitRows(withExtra(genA), fx, opts, log, seeds);
  const cal = calibrate(wA, fx, lex, fcfg, generateCorpus(RECIPE.calibration));
  log(`calibration on held-out families: temperature ${cal.temperature}, threshold ${cal.threshold}`);
  const binA = Model.serialize(makeHeader(fx, lex, fcfg, cal.temperature, cal.threshold), wA.hashed, wA.dense, wA.bias);
  const detA = new Detector(Model.parse(binA, fx), fx);
  const reportSeed = num('report-seed') ?? RECIPE.report.seed;
  const holdRows = generateCorpus({ ...RECIPE.report, seed: reportSeed });
  const holdA = report(`stage A, held-out families (seed ${reportSeed})`, detA, holdRows);
  const conf: number[] = [];
  const correct: boolean[] = [];
  for (const r of holdRows) {
    detA.detect(r.text, false);
    conf.push(Math.max(...detA.probs));
    correct.push(LABELS[detA.probs.indexOf(Math.max(...detA.probs))] === r.label);
  }
  const eceA = expectedCalibrationError(conf, correct);
  log(`stage A calibration on the held-out sample: ECE ${eceA}`);
  const devA = dev ? report('stage A, dev.jsonl', detA, dev) : null;

  // Stage B: final model on all families with stage A's calibration.
  let bin = binA;
  let devB: EvalReport | null = null;
  let holdB: EvalReport | null = null;
  let genB = genA;
  if (!process.argv.includes('--stage-a-only')) {
    genB = generateCorpus({ seed: RECIPE.generator.seed, size, split: 'all' });
    log(`stage B: ${genB.length} generated (all families) + extra`);
    const wB = fitRows(withExtra(genB), fx, opts, log, seeds);
    bin = Model.serialize(makeHeader(fx, lex, fcfg, cal.temperature, cal.threshold), wB.hashed, wB.dense, wB.bias);
    const detB = new Detector(Model.parse(bin, fx), fx);
    devB = dev ? report('final model, dev.jsonl', detB, dev) : null;
    holdB = report('final model, same held-out sample (families seen in training: in-distribution, not a generalisation estimate)', detB, generateCorpus({ ...RECIPE.report, seed: reportSeed }));
  }

  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'model.bin'), bin);
  const manifest = {
    model: 'model.bin',
    model_sha256: sha256(bin),
    model_bytes: bin.length,
    date: new Date().toISOString(),
    trained_on: {
      generator: {
        module: 'src/modules/monitor/detect/train/corpus', version: generatorVersion(), seed: RECIPE.generator.seed, size,
        split: process.argv.includes('--stage-a-only') ? 'train' : 'all', examples: genB.length,
      },
      extra_files: extraFiles.map((f) => ({ file: relative(REPO, join(HERE, f)), sha256: sha256(readFileSync(join(HERE, f))), examples: readJsonl(join(HERE, f)).length, repeat: extraRepeat })),
      lexicon: { file: 'src/modules/monitor/detect/lexicon/lexicon.json', sha256: sha256(readFileSync(join(DETECT_DIR, 'lexicon/lexicon.json'))), terms: lex.terms.length },
      author_sets: authorSets.map((a) => ({ file: relative(REPO, join(FIXTURES, a.f)), sha256: sha256(readFileSync(join(FIXTURES, a.f))), examples: a.rows.length, dropped_dev_overlap: a.dropped, repeat: authorsRepeat, augment: authorsAugment, ...(authorsTranslit ? { translit: authorsTranslit } : {}), ...(authorsDecorate ? { decorate: authorsDecorate } : {}) })),
      dev_used_for_training: false,
      ...(feedback ? { feedback: { file: feedbackPath, sha256: sha256(readFileSync(feedbackPath!)), examples: feedback.rows.length, dropped_dev_overlap: feedback.dropped, repeat: feedbackRepeat, augment: feedbackAugment, ...(feedbackTranslit ? { translit: feedbackTranslit } : {}), ...(feedbackDecorate ? { decorate: feedbackDecorate } : {}) } } : {}),
    },
    calibration: {
      ...RECIPE.calibration, model: "stage A ('train' families only)", method: 'temperature scaling (NLL, golden-section search)',
      temperature: cal.temperature, threshold: cal.threshold, rule: 'non-benign iff 1 - p(benign) >= threshold', max_benign_fpr: RECIPE.maxBenignFpr, min_threshold: RECIPE.minThreshold,
    },
    hyperparameters: { features: fcfg, train: opts, averaged_shuffle_orders: seeds, quantisation: 'hashed int8 per-class scale; dense float32' },
    metrics: {
      holdout_stage_a: { note: "stage A model on template families it never saw ('holdout' split)", ...RECIPE.report, seed: reportSeed, ...holdA, ece_top_label: eceA },
      dev_stage_a: devA,
      dev_final: devB,
      holdout_final_in_distribution: holdB,
    },
    train_seconds: Math.round((Date.now() - t0) / 1000),
  };
  writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  log(`wrote ${join(outDir, 'model.bin')} (${(bin.length / 1024).toFixed(0)} KB) + manifest.json in ${manifest.train_seconds}s`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
