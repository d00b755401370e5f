/**
 * Compact character trie over UTF-16 code units.
 *
 * Transitions live in one open-addressing hash table keyed by (node << 16 | char),
 * so a lookup is a multiply, a mask and usually one probe — much cheaper than a Map
 * per node, and the whole lexicon (a few thousand terms) fits in ~300 KB.
 */

/** A trie with integer node ids; node 0 is the root. */
export class CharTrie {
  private keys: Int32Array;
  private vals: Int32Array;
  private mask: number;
  private nodes = 1;
  /** Per node: head of the payload chain (-1 = not terminal). */
  head: Int32Array;
  /** Children of the root by char code: most lookups start (and end) here. */
  private root = new Int32Array(0x10000).fill(-1);

  /** Direct root-children table (read-only use). */
  get rootTable(): Int32Array {
    return this.root;
  }

  constructor(capacityPow2 = 1 << 16) {
    this.keys = new Int32Array(capacityPow2).fill(-1);
    this.vals = new Int32Array(capacityPow2);
    this.mask = capacityPow2 - 1;
    this.head = new Int32Array(capacityPow2 >> 1).fill(-1);
  }

  get size(): number {
    return this.nodes;
  }

  /** Child of `node` by char `c`, or -1. */
  child(node: number, c: number): number {
    if (node === 0) return this.root[c];
    const key = (node << 16) | c;
    let h = Math.imul(key, 0x9e3779b1) >>> 16;
    for (;;) {
      h &= this.mask;
      const k = this.keys[h];
      if (k === key) return this.vals[h];
      if (k === -1) return -1;
      h++;
    }
  }

  /** Insert `s` (code units) and return its end node. */
  insert(s: ArrayLike<number>): number {
    let node = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      let nx = this.child(node, c);
      if (nx < 0) {
        if (this.nodes >= 0x7fff || this.nodes * 2 >= this.mask) throw new Error('CharTrie capacity exceeded');
        nx = this.nodes++;
        const key = (node << 16) | c;
        let h = Math.imul(key, 0x9e3779b1) >>> 16;
        for (;;) {
          h &= this.mask;
          if (this.keys[h] === -1) break;
          h++;
        }
        this.keys[h] = key;
        this.vals[h] = nx;
        if (node === 0) this.root[c] = nx;
      }
      node = nx;
    }
    return node;
  }
}

/** Convert a string to code units. */
export function codes(s: string): Uint16Array {
  const a = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) a[i] = s.charCodeAt(i);
  return a;
}
