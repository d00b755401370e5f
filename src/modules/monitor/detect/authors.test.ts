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
 * - The sets in HELD_OUT are never trained on: written blind and not used to build the committed
 *   model (ej-ep were tried as training data and left out), their floors the figures they gave.
 *
 * The indicator floor is F1 1 on every set but ef, ei, ev and ew (a value no reading covers, said at each),
 * and never a value with a broken checksum (precision 1; each set writes such
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
  // Six more written blind on 6b531fac the same session, asked for as possible training data: ej
  // (English first: 116 rows English, street and rave slang, vendor menus; expat and tourist hard
  // negatives), ek (code words on both sides: offers naming no drug against honest sellers of tea,
  // flour, vitamins, bath salt), el (humour, quotation and reports against the real thing: 100 of 200
  // benign), em (Kazakh first: 148 rows Kazakh or mixed, every region, Kazakh typed on a Russian
  // keyboard and in Latin), ep (the hidden data's description), eo (short texts: 136 rows under 100
  // characters). On arrival: ej 0.9812 / 1.33%, ek 0.9645 / 0%, el 0.9729 / 1.00%, em 0.9719 / 0%, ep
  // 0.9916 / 0%, eo 0.9845 / 0% (5fa173e6: 0.9539 / 2.67%, 0.9306 / 0%, 0.9681 / 1.00%, 0.9357 / 0%,
  // 0.9726 / 1.33%, 0.9715 / 0%). Trained on in two halves (ej, ek, eo / el, em, ep) they did not
  // help the other half (0.9776 -> 0.9745 and 0.9769 -> 0.9733, inside a retrain's noise), so they
  // are held out. Read for their five indicator misses only (compound numerals with commas, Kazakh
  // «жеті жүз бес», a bare «астын сызу», «собачка», "тг ➜ name"; all read since).
  // ej 0.9759 with 98ef7f51 (ninth session's lexicon readings, retrained): one propaganda joke,
  // ej-011, moved from 0.962 to 0.958 across the threshold (retrain churn).
  'authors-ej': { macroF1: 0.97, benignFpr: 0.014 },
  'authors-ek': { macroF1: 0.96, benignFpr: 0 },
  'authors-el': { macroF1: 0.97, benignFpr: 0.01 },
  // em 0.9670 / 0% with the model after the name rule (features.ts, NAME_BLIND_CATS; the only
  // held-out row it moved: em-102, a recruitment post scored 0.94 where 6b531fac gave 0.985, one
  // retrain's churn at the threshold: no word of the post stands inside its handle).
  'authors-em': { macroF1: 0.96, benignFpr: 0 },
  'authors-ep': { macroF1: 0.99, benignFpr: 0 },
  'authors-eo': { macroF1: 0.98, benignFpr: 0 },
  // eq (the hidden data's description, 101 rows Kazakh or mixed) and er (a day of a monitoring feed:
  // 120 of 200 benign, 100 rows Kazakh or mixed), written blind as the final clean check of 6b531fac
  // and not read before these figures: eq 0.9903 / 0% with indicator F1 0.9959, er 1.0 / 0% with 1.0
  // (5fa173e6: 0.9952 / 0%, 0.9887 / 0.83%). eq's indicator miss, read after: "Тг без @: name" (read since).
  'authors-eq': { macroF1: 0.99, benignFpr: 0 },
  'authors-er': { macroF1: 0.99, benignFpr: 0 },
  // es (the hidden data's description, 98 rows Kazakh or mixed) and et (posts with what surrounds
  // them: signatures, footers, digests and ad boards, reposts with a comment; journalism, Q&A and
  // prevention posts quoting a shop at length), written blind as the clean check of 264b0591 and not
  // read before these figures: es 0.9797 / 0% with indicator F1 0.9968, et 0.9496 / 4.00% (3 of 75)
  // with 1.0 (6b531fac with its code: 0.9797 / 0%, 0.9482 / 4.00%). es's indicator miss, read after:
  // a phone in English compound numerals ("…, thirty-eight, zero four"; read since, es 0.9858 / 0%).
  // et was read after (its misses: a shop ad on a Kazakh ad board, read as a report because
  // «хабарландыру» (announcement) matched the report stem «хабарла»; "pick up" read as foraging;
  // «биылғы өнім» as news; journalism and a forum thread quoting a recruiter flagged): those three
  // lexicon readings are mended (et 0.9528 / 2.67% with the retrained model).
  'authors-es': { macroF1: 0.98, benignFpr: 0 },
  'authors-et': { macroF1: 0.95, benignFpr: 0.027 },
  // eu (the theme of et: signatures, footers, digests, quoting journalism) and ev (quoting against
  // doing: a shop's own ad against a journalist, parent or officer quoting one), written blind the
  // same session as possible training data: on arrival with 264b0591 eu 0.9864 / 1.33%, ev 0.9806 /
  // 1.33% (6b531fac's weights 0.9816 / 2.67% and 0.9806 / 1.33%). Trained on, they moved et 0.9528 /
  // 2.67% -> 0.9574 / 1.33% but the eleven other held-out sets 0.9806 -> 0.9788 (noise of a
  // retrain either way), so they are held out. ev's indicator miss: "Booking: vip_ast_delivery", a
  // bare name after a word that is no contact keyword (read as a handle it would make one of "Booking:
  // Tuesday_slot" too).
  'authors-eu': { macroF1: 0.98, benignFpr: 0.014 },
  'authors-ev': { macroF1: 0.98, benignFpr: 0.014, indicatorF1: 0.99 },
  // ew (the hidden data's description, 101 rows Kazakh or mixed) and ex (Kazakh and Russian typed
  // in Latin letters: the 2021 alphabet's ş ç ğ ñ ä ö ü ū ı, informal Latin, translit, 120+ rows),
  // written blind in the tenth session and not read before these figures, with 6c1bdc1e: ew 0.9846 /
  // 1.33% with indicator F1 0.9932, ex 0.9952 / 0% with 1.0. Then read: a military contract post
  // («сапёр-минёр») read as recruitment (contract military service is a legal job since), "t dot
  // me slash name" (the slash spelled out: read since). Left: ew-044 lists a phone of eleven digits
  // for a text that writes twelve (the author's slip, hence the indicator floor). Model 21869c3a
  // (also reads ş as sh, ç as ch): ew 0.9894 / 0%, ex 0.9952 / 0%; 7de3febd (below) 0.9947, 0.9952.
  'authors-ew': { macroF1: 0.98, benignFpr: 0.014, indicatorF1: 0.99 },
  'authors-ex': { macroF1: 0.98, benignFpr: 0.014 },
  // ey (the hidden data's description with 100 of 200 rows benign hard negatives) and ez (code words
  // on both sides, ek's theme), written blind the same session on 21869c3a and not read before these
  // figures: ey 0.9714 / 1.00% (a Kazakh post criticising drug lyrics in rap battles flagged), ez
  // 0.9947 / 0%, indicator F1 1.0 on both. Then read: rap and lyrics talk is media (lexicon), and
  // the Kazakh verb «көмектес-» (to help: "it helped me", propaganda's words as often as a clinic's)
  // no longer reads as the clinic context (ew-094 and ey-133). Model 7de3febd: ey 0.9770 / 0%, ez
  // 0.9947 / 0%, ew 0.9947 / 0%; after the lexicon audit (6a4f3738, 1c61354a) ey 0.9831, ex 1.0.
  // Left: propaganda scored 0.88-0.95, under the threshold; coded recruitment («бағбандар керек»,
  // "gardeners" for stash layers).
  'authors-ey': { macroF1: 0.97, benignFpr: 0.01 },
  'authors-ez': { macroF1: 0.98, benignFpr: 0.014 },
  // fa (propaganda against its look-alikes: 70 propaganda, 70 benign recovery stories, warnings,
  // reports and jokes) and fb (the hidden data's description), written blind the same session as the
  // clean check of 7de3febd and not read before these figures: fa 0.9687 / 0%, fb 0.9906 / 0%,
  // indicator F1 1.0 on both; with the lexicon audit (6a4f3738) 0.9722 / 0% and 0.9906 / 0%. Read
  // after: sales dressed as health advice ("натуральное средство 🌿 из Чуйской долины", a testimonial
  // ending in a dealer's phone), "один раз — не наркоман" with digits for letters; the phrase and the
  // Chuy valley are terms since (1c61354a: the same figures, the posts still under the threshold).
  'authors-fa': { macroF1: 0.96, benignFpr: 0.014 },
  'authors-fb': { macroF1: 0.98, benignFpr: 0.014 },
  // fc (indicators hidden or garbled in every row: 335 listed, ~15 broken-checksum values planted) and
  // fd (a day of everyday chat: 120 of 200 benign, short, typos, code-switching), written blind at the
  // end of the tenth session on 053368a4 and not read before these figures: fc 0.9639 / 0% with
  // indicator F1 0.9758 (under the 0.98 target), fd 0.9929 / 0.83% with 1.0. Then read: numbers cut
  // by a line break, slashes or emoji, cards in digit pairs, an IBAN spaced char by char, "эт" for
  // @, "candy underscore factory underscore alm" (read since); a coke-chemical plant flagged in fd
  // (industry now), a mail provider in Cyrillic after a spelled @ ("собака гмайл точка ком").
  // afe1530f: fc 0.9639 / 0% with 0.9970, fd 1.0 / 0%. Left in fc then, read in the eleventh
  // session: an address without a dot at all ("собака mail ру"), a handle spelled with dots between
  // its letters ("k.i.t.c.h.e.n_alm"); fd4bd5b7: fc 0.9695 / 0% with 1.0. Propaganda under the threshold stays.
  'authors-fc': { macroF1: 0.96, benignFpr: 0.014 },
  'authors-fd': { macroF1: 0.98, benignFpr: 0.01 },
  // fe (the hidden data's description), ff (an indicator hidden or garbled in every row, 301 listed,
  // 15 broken-checksum values planted) and fg (Kazakh social media: 134 of 200 rows Kazakh or mixed,
  // ~35 in Latin script), written blind at the start of the eleventh session and not read before
  // these figures (afe1530f): fe 0.9906 / 0% with indicator F1 0.9964, ff 0.9613 / 0% with 0.9832,
  // fg 0.9947 / 0% with 1.0. Then read: "б0шк1 тг name" was read as a tenge amount; in ff a name in
  // quotes after "тг", "tme/" and "t-me/" links, a dog emoji for the @, a TRON address written in two
  // pieces with words between, names whose underscores are written as spaces, dashes or dots with a
  // note saying so (all read since: F1 1.0 on the three); songs, a manifesto and a podcast glorifying
  // drugs stay under the threshold (the media context, as in fa). fd4bd5b7: the same label figures.
  'authors-fe': { macroF1: 0.99, benignFpr: 0.01 },
  'authors-ff': { macroF1: 0.96, benignFpr: 0.01 },
  'authors-fg': { macroF1: 0.99, benignFpr: 0.01 },
  // fh (the hidden data's description, the clean check of fd4bd5b7), fi (every drug post obfuscated,
  // each another way: Greek and other look-alikes, styled Unicode letters, zalgo, currency signs for
  // letters, vowels dropped, code emoji), fj and fk (drugs in media, art and talk: 90 of 200 benign
  // — anti-drug songs, reviews, podcasts, memes mocking dealers — and propaganda, shops and
  // recruiters dressed as playlists, labels, podcasts, book clubs), each by another author, written
  // blind in the eleventh session and not read before these figures (fd4bd5b7): fh 0.9958 / 0%, fi
  // 0.9759 / 0%, fj 0.9180 / 4.44%, fk 0.9341 / 2.22%, indicator F1 1.0 on all four. fj and fk are
  // the weakest theme yet: memes and a parody mocking dealers flagged (they use the dealers' own
  // words), a "sober playlist" flagged, sales disguised as albums, podcasts and rave tickets missed.
  // Training on fj moved fk by one row (0.9369 / 1.11%) and cost the twenty-five held-out sets 0.002
  // (0.9832 -> 0.9810): not taken. fl, the same theme by a third author written after that, 0.9193 /
  // 0% on arrival: the recipe trained on fj and fk gave fl 0.9394 / 0%, but the twenty-eight sets
  // neither model saw (the twenty-five, fh, fi, fl) 0.9811 / 0.31% -> 0.9799 / 0.31%: not taken.
  'authors-fh': { macroF1: 0.99, benignFpr: 0.01 },
  'authors-fi': { macroF1: 0.97, benignFpr: 0.01 },
  'authors-fj': { macroF1: 0.91, benignFpr: 0.05 },
  'authors-fk': { macroF1: 0.93, benignFpr: 0.03 },
  'authors-fl': { macroF1: 0.91, benignFpr: 0.01 },
};
const TRAINED = RECIPE.authors.files.map((f) => f.replace(/\.jsonl$/, ''));
/** Training sets with a row no reading covers: ef writes a phone with compound numerals in no consistent way («восемь-семьсот-ноль-ноль-пятьсот восемнадцать…»). */
const IN_SAMPLE_EXCEPT: Record<string, Floor> = { 'authors-ef': { ...IN_SAMPLE, indicatorF1: 0.99 } };
const FLOORS: Record<string, Floor> = {
  ...Object.fromEntries(TRAINED.map((name) => [name, IN_SAMPLE_EXCEPT[name] ?? IN_SAMPLE])),
  ...HELD_OUT,
};

const rowsOf = new Map<string, (LabelledRow & { id: string })[]>();
/** The rows of fixtures/<name>.jsonl, read once. */
function readSet(name: string): (LabelledRow & { id: string })[] {
  let rows = rowsOf.get(name);
  if (!rows) {
    rows = readFileSync(fileURLToPath(new URL(`./fixtures/${name}.jsonl`, import.meta.url)), 'utf8')
      .split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as LabelledRow & { id: string });
    rowsOf.set(name, rows);
  }
  return rows;
}

for (const [name, floor] of Object.entries(FLOORS)) {
  describe(`detect: ${name} (written by another author${name in HELD_OUT ? ', held out' : ', trained on'})`, () => {
    const rows = readSet(name);
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

describe('held-out sets: a harmless name appended to a drug post', () => {
  // A shop can sign its post with a harmless-looking bot: the words inside a handle, domain or URL
  // that belong to ordinary contexts (garden, helper = clinic …) do not count (features.ts,
  // NAME_BLIND_CATS). Before that rule this pad turned 28% of the drug posts found benign.
  const rows = Object.keys(HELD_OUT).flatMap(readSet);
  const d = getDetector();
  const pad = ' Bot @sunny_garden_helper_bot';

  it('turns at most 12% of the drug posts found benign and flags at most 1% of the benign posts', () => {
    const found = rows.filter((r) => r.label !== 'benign' && d.detect(r.text, false).label !== 'benign');
    const flipped = found.filter((r) => d.detect(r.text + pad, false).label === 'benign');
    assert.ok(found.length > 1000, String(found.length));
    assert.ok(flipped.length / found.length <= 0.12, `${flipped.length} of ${found.length}:\n${flipped.slice(0, 10).map((r) => r.text).join('\n')}`);
    const benign = rows.filter((r) => r.label === 'benign' && d.detect(r.text, false).label === 'benign');
    const flagged = benign.filter((r) => d.detect(r.text + pad, false).label !== 'benign');
    assert.ok(flagged.length / benign.length <= 0.01, `${flagged.length} of ${benign.length}`);
  });
});
