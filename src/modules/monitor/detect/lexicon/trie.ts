/**
 * Character tries over UTF-16 code units.
 *
 * CharTrie is the builder: transitions live in one open-addressing hash table keyed
 * by (node << 16 | char), so inserting is cheap. FrozenTrie is what the matcher
 * walks: the same trie renumbered in depth-first order with each node's children
 * in one sorted run of a flat edge array. A walk along a word then reads nearby
 * memory (a child usually has the next id), where the hash table sent every step
 * to a random cache line of a 512 KB table.
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

  /** Call f(parent, char, child) for every transition (in table order). */
  forEachEdge(f: (parent: number, c: number, child: number) => void): void {
    for (let h = 0; h <= this.mask; h++) {
      const k = this.keys[h];
      if (k !== -1) f(k >>> 16, k & 0xffff, this.vals[h]);
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

/** Child count above which a node gets a direct row (see FrozenTrie.wideRow). */
const WIDE = 8;

/** Read-only trie in depth-first order (see the file comment); built from a CharTrie. */
export class FrozenTrie {
  /** Per node: head of the payload chain (-1 = not terminal). */
  readonly head: Int32Array;
  /** Children of the root by char code. */
  readonly rootTable: Int32Array;
  /** Node count. */
  readonly size: number;
  /** Edges of node v: pairs (char, child) in edges[2 * first[v], 2 * first[v + 1]), chars ascending. */
  private readonly first: Int32Array;
  private readonly edges: Int32Array;
  /**
   * Nodes with many children (the first letters under the root) get a direct row:
   * wideRow[node] >= 0 selects row r of wideTab, indexed by the char's slot in the
   * alphabet of those nodes (alpha[c], -1 if none). One load instead of a search.
   */
  private readonly wideRow: Int32Array;
  private readonly alpha: Int16Array;
  private readonly wideTab: Int32Array;
  private readonly alphaSize: number;

  /**
   * Freeze `t`. `renumber[old]` receives each node's new id, so that callers can
   * move their own per-node tables (see remap).
   */
  constructor(t: CharTrie, readonly renumber = new Int32Array(t.size)) {
    const n = t.size;
    // children per node from the builder's hash table
    const kids: number[][] = Array.from({ length: n }, () => []);
    t.forEachEdge((parent, c, child) => kids[parent].push(c, child));
    const order = new Int32Array(n);
    let next = 0;
    const stack = [0];
    while (stack.length) {
      const v = stack.pop()!;
      renumber[v] = next;
      order[next++] = v;
      const k = kids[v];
      const pairs: [number, number][] = [];
      for (let i = 0; i < k.length; i += 2) pairs.push([k[i], k[i + 1]]);
      pairs.sort((a, b) => a[0] - b[0]);
      kids[v] = pairs.flat();
      // push in reverse so the smallest char is visited (numbered) first
      for (let i = pairs.length - 1; i >= 0; i--) stack.push(pairs[i][1]);
    }
    this.size = n;
    this.first = new Int32Array(n + 1);
    let e = 0;
    for (let v = 0; v < n; v++) {
      this.first[v] = e;
      e += kids[order[v]].length >> 1;
    }
    this.first[n] = e;
    this.edges = new Int32Array(2 * e);
    for (let v = 0; v < n; v++) {
      const k = kids[order[v]];
      let o = 2 * this.first[v];
      for (let i = 0; i < k.length; i += 2) {
        this.edges[o++] = k[i];
        this.edges[o++] = renumber[k[i + 1]];
      }
    }
    this.wideRow = new Int32Array(n).fill(-1);
    this.alpha = new Int16Array(0x10000).fill(-1);
    let a = 0;
    let rows = 0;
    for (let v = 1; v < n; v++) {
      if (this.first[v + 1] - this.first[v] <= WIDE) continue;
      this.wideRow[v] = rows++;
      for (let i = 2 * this.first[v]; i < 2 * this.first[v + 1]; i += 2) if (this.alpha[this.edges[i]] < 0) this.alpha[this.edges[i]] = a++;
    }
    this.alphaSize = a;
    this.wideTab = new Int32Array(rows * a).fill(-1);
    for (let v = 1; v < n; v++) {
      const row = this.wideRow[v];
      if (row < 0) continue;
      for (let i = 2 * this.first[v]; i < 2 * this.first[v + 1]; i += 2) this.wideTab[row * a + this.alpha[this.edges[i]]] = this.edges[i + 1];
    }
    this.head = new Int32Array(n).fill(-1);
    for (let v = 0; v < n; v++) this.head[renumber[v]] = t.head[v];
    this.rootTable = new Int32Array(0x10000).fill(-1);
    for (let i = 2 * this.first[0]; i < 2 * this.first[1]; i += 2) this.rootTable[this.edges[i]] = this.edges[i + 1];
  }

  /** Child of `node` by char `c`, or -1. */
  child(node: number, c: number): number {
    if (node === 0) return this.rootTable[c];
    const row = this.wideRow[node];
    if (row >= 0) {
      const a = this.alpha[c];
      return a < 0 ? -1 : this.wideTab[row * this.alphaSize + a];
    }
    // at most WIDE children: a short scan of sorted chars
    const edges = this.edges;
    for (let i = 2 * this.first[node], end = 2 * this.first[node + 1]; i < end; i += 2) {
      const x = edges[i];
      if (x === c) return edges[i + 1];
      if (x > c) return -1;
    }
    return -1;
  }

  /** A per-node table of the builder, moved to the new node ids. */
  remap<T extends Uint8Array | Int32Array>(byOld: T, make: (n: number) => T): T {
    const out = make(byOld.length);
    for (let v = 0; v < this.size; v++) out[this.renumber[v]] = byOld[v];
    return out;
  }
}

/** Convert a string to code units. */
export function codes(s: string): Uint16Array {
  const a = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) a[i] = s.charCodeAt(i);
  return a;
}
