/**
 * Figures on sets written by other authors (fixtures/authors-*.jsonl, since 2026-12-05): each
 * was written by a separate helper who saw only dev.jsonl and the indicator validators, never the
 * generator, the lexicon, the model or the other sets. They are the closest thing in the
 * repository to the hidden evaluation data (more Kazakh, more obfuscation, more hard negatives).
 *
 * - The sets named in RECIPE.authors (train.ts) are TRAINING data: their floors only check that
 *   the committed model still learnt them. What they say about unseen text was measured before
 *   they were trained on: each set on arrival, leaving each out in turn (`npm run train:loso`),
 *   and for the ninety-one added on 2026-12-07 (eighth session) a two-fold check, each half
 *   scored by a model trained without it (docs/monitor-detect.md, "Sets by other authors"; their
 *   held-out floors and arrival notes as they stood are kept in docs/dev/monitor-detect-history.md).
 * - The sets in HELD_OUT are never trained on: clean checks written blind after the model they
 *   check, their floors the figures they gave.
 *
 * The indicator floor is F1 1 on every set but ef (one phone written with compound numerals no
 * reading covers), and never a value with a broken checksum (precision 1; each set writes such
 * values into some texts).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { evaluate, type LabelledRow } from './evaluate.js';
import { getDetector } from './index.js';
import { RECIPE } from './train/train.js';

/** Floors of one set; indicatorF1 only where a row writes a value no reading covers (said why at the set). */
interface Floor {
  macroF1: number;
  benignFpr: number;
  indicatorF1?: number;
}
const IN_SAMPLE: Floor = { macroF1: 0.99, benignFpr: 0 };
/** Held-out figures of the committed model (macro-F1 rounded down, benign FPR rounded up). */
const HELD_OUT: Record<string, Floor> = {
  // ei (the hidden data's description: 101 of 200 rows Kazakh or mixed, every second drug post
  // obfuscated), written blind as the clean check of the fourteenth batch and not read before these
  // figures: model 5fa173e6 (the ninety-one sets held out) 0.9564 / 0% with indicator F1 0.9961,
  // model 6b531fac (trained on them) 0.9760 / 0%. The indicator missed: graffiti "MEF SOL TG krgmix";
  // a plain word after "TG " with no colon is read as a name only when handle-shaped (digits or an
  // underscore), or "TG group", "tg bot", "телеграм premium" would be names.
  'authors-ei': { macroF1: 0.97, benignFpr: 0, indicatorF1: 0.99 },
  // eh (long posts: 135 of 200 rows of 300-1500 characters, channel digests, ad boards and forum
  // threads with one drug passage among ordinary items), written blind alongside ei and not read
  // before these figures: 5fa173e6 0.9462 / 2.67%, 6b531fac 0.9742 / 1.33% (one benign row flagged);
  // indicator F1 1.0 on both.
  'authors-eh': { macroF1: 0.97, benignFpr: 0.014 },
};
const TRAINED = RECIPE.authors.files.map((f) => f.replace(/\.jsonl$/, ''));
/** Training sets with a row no reading covers: ef writes a phone with compound numerals in no consistent way («восемь-семьсот-ноль-ноль-пятьсот восемнадцать…»). */
const IN_SAMPLE_EXCEPT: Record<string, Floor> = { 'authors-ef': { ...IN_SAMPLE, indicatorF1: 0.99 } };
const FLOORS: Record<string, Floor> = {
  ...Object.fromEntries(TRAINED.map((name) => [name, IN_SAMPLE_EXCEPT[name] ?? IN_SAMPLE])),
  ...HELD_OUT,
};

for (const [name, floor] of Object.entries(FLOORS)) {
  describe(`detect: ${name} (written by another author${name in HELD_OUT ? ', held out' : ', trained on'})`, () => {
    const rows = readFileSync(fileURLToPath(new URL(`./fixtures/${name}.jsonl`, import.meta.url)), 'utf8')
      .split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as LabelledRow & { id: string });
    const { report, preds } = evaluate(getDetector(), rows);
    const misses = () => rows.flatMap((r, i) => (preds[i] === r.label ? [] : [`${r.id}: ${r.label} -> ${preds[i]}`])).join('\n');

    it(`macro-F1 >= ${floor.macroF1}, benign false-positive rate <= ${floor.benignFpr}`, () => {
      assert.ok(report.macro_f1 >= floor.macroF1, `macro-F1 ${report.macro_f1}\n${misses()}`);
      assert.ok(report.benign_fpr <= floor.benignFpr, `benign FPR ${report.benign_fpr}\n${misses()}`);
    });

    it(`extracts the indicators written down (F1 >= ${floor.indicatorF1 ?? 1}, no broken checksum or other value reported)`, () => {
      assert.equal(report.indicators.precision, 1, JSON.stringify(report.indicators));
      assert.ok(report.indicators.f1 >= (floor.indicatorF1 ?? 1), JSON.stringify(report.indicators));
    });
  });
}

describe('sets by other authors: training and held out', () => {
  it('every set in fixtures/ is either trained on or held out, never both', () => {
    const dir = fileURLToPath(new URL('./fixtures/', import.meta.url));
    const sets = readdirSync(dir).filter((f) => /^authors-.*\.jsonl$/.test(f)).map((f) => f.replace(/\.jsonl$/, ''));
    assert.deepEqual(sets.filter((s) => !(s in FLOORS)), []);
    assert.deepEqual(Object.keys(HELD_OUT).filter((s) => TRAINED.includes(s)), []);
  });
});
