/** Kinds of indicator the extractor reports. */
export type IndicatorType =
  | 'telegram'
  | 'url'
  | 'domain'
  | 'btc'
  | 'tron'
  | 'eth'
  | 'card'
  | 'phone'
  | 'iban'
  | 'email';

/**
 * One indicator found in a text. `value` is the canonical form (see README of the
 * labelled corpus); `start`/`end` are UTF-16 offsets into the ORIGINAL text
 * (end exclusive) covering the written form, obfuscation included.
 */
export interface Indicator {
  type: IndicatorType;
  value: string;
  start: number;
  end: number;
}

/** Internal hit, in offsets of the normalised text. */
export interface Hit {
  type: IndicatorType;
  value: string;
  start: number;
  end: number;
}

/**
 * Half-open spans already claimed by an earlier, more specific extractor. Short
 * texts keep a flat list of start/end pairs (a handful of entries); long ones
 * use a per-character mask so that thousands of hits stay linear.
 */
export class Taken {
  private readonly spans: number[] = [];
  private mask: Uint8Array | null = null;

  constructor(textLength = 0) {
    this.reset(textLength);
  }

  /** Forget every span, for a new text of `textLength` chars (instances are reused across calls). */
  reset(textLength: number): void {
    this.spans.length = 0;
    this.mask = textLength > 4096 ? new Uint8Array(textLength) : null;
  }

  add(s: number, e: number): void {
    if (this.mask) this.mask.fill(1, s, e);
    else this.spans.push(s, e);
  }

  /** True if [s, e) overlaps a claimed span. */
  overlaps(s: number, e: number): boolean {
    const mask = this.mask;
    if (mask) {
      for (let i = s; i < e; i++) if (mask[i] === 1) return true;
      return false;
    }
    const sp = this.spans;
    for (let i = 0; i < sp.length; i += 2) if (s < sp[i + 1] && e > sp[i]) return true;
    return false;
  }
}
