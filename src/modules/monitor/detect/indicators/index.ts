/**
 * Indicator extraction for the monitoring module: Telegram handles, URLs,
 * domains, e-mails, crypto wallets, payment cards, KZ phones and KZ IBANs found
 * in a post, in the canonical forms of the project's labelled corpus
 * (/work/shared/corpus/README.md). Pure and synchronous: no I/O, no state
 * between calls beyond reusable scratch buffers.
 */
import { F, scanFeatures } from './features.js';
import { type Normalized, normalizeAlways } from './normalize.js';
import { extractNumbers } from './numbers.js';
import { type Hit, type Indicator, Taken } from './types.js';
import { extractWallets } from './wallets.js';
import { extractWeb } from './web.js';

export type { Indicator, IndicatorType } from './types.js';
export { normalize, type Normalized } from './normalize.js';
export {
  KZ_MOBILE_CODES,
  ibanMod97,
  isValidCard,
  isValidKzIban,
  luhnValid,
  normalizeKzPhone,
} from './numbers.js';
export { base58checkVersion, isValidBtc, isValidEth, isValidSegwit, isValidTron, toEip55 } from './wallets.js';
export { normalizeHost, normalizeTelegram } from './web.js';
export { TLD_SET } from './tld.js';

/**
 * All indicators in `text`, sorted by start offset and deduplicated by
 * type+value (the first occurrence wins). Offsets are UTF-16 indices into the
 * original `text`, end exclusive, and cover the written (possibly obfuscated)
 * form. Values with a broken checksum (wallets, cards, IBANs) are never
 * returned. Never throws on arbitrary strings (lone surrogates, control chars).
 */
export function extractIndicators(text: string): Indicator[] {
  if (typeof text !== 'string' || text.length < 4) return []; // shortest: "x.kz"
  let f = scanFeatures(text);
  let norm: Normalized = { text, start: null, end: null };
  if (f.flags & F.NORMALIZE) {
    norm = normalizeAlways(text, false);
    f = scanFeatures(norm.text, false);
  }
  const t = norm.text;
  const hits: Hit[] = [];
  // Web-ish and numeric indicators claim spans separately: a wallet inside a URL
  // path is still worth reporting, a phone inside a URL is not (see numbers.ts).
  const web = new Taken(t.length);
  const num = new Taken(t.length);
  extractWeb(t, hits, web, f);
  extractWallets(t, hits, num, f);
  extractNumbers(t, hits, num, web, f);
  if (hits.length === 0) return [];

  const out: Indicator[] = new Array(hits.length);
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i];
    out[i] = {
      type: h.type,
      value: h.value,
      start: norm.start ? norm.start[h.start] : h.start,
      end: norm.end ? norm.end[h.end - 1] : h.end,
    };
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  if (out.length === 1) return out;
  const seen = new Set<string>();
  return out.filter((x) => {
    const k = x.type + '\u0000' + x.value;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
