/**
 * Baselines an agency would otherwise use, for side-by-side comparison:
 *  - a fixed drug-word list with substring matching (anything matched -> drug_sale);
 *  - natural's BayesClassifier (with its Russian Porter stemmer, so Cyrillic is tokenised).
 */
import natural from 'natural';

/** Typical keyword list: drug names and dead-drop words in ru/kk/en, matched as lower-case substrings. */
export const KEYWORDS = [
  'наркот', 'меф', 'мефедрон', 'соль', 'шишки', 'бошки', 'гашиш', 'гаш', 'героин', 'кокаин', 'кокс', 'амфетамин', 'фен',
  'спайс', 'экстази', 'мдма', 'лсд', 'марихуан', 'трава', 'закладк', 'клад', 'есірткі', 'альфа', 'кристалл', 'мяу',
  'drugs', 'weed', 'cocaine', 'meth', 'mdma', 'lsd', 'heroin', 'hash',
];

/** Keyword scanner: substring match on the lower-cased text. */
export function keywordLabel(text: string): string {
  const t = text.toLowerCase();
  for (const k of KEYWORDS) if (t.includes(k)) return 'drug_sale';
  return 'benign';
}

/** A trained natural BayesClassifier. */
export function trainBayes(rows: readonly { text: string; label: string }[]): (text: string) => string {
  const c = new natural.BayesClassifier(natural.PorterStemmerRu);
  for (const r of rows) c.addDocument(r.text, r.label);
  c.train();
  return (text: string) => c.classify(text);
}
