/**
 * Binary min-heap of (time, edge, node) events on typed arrays — the taint engine processes
 * outflows in global time order, ties broken by edge id (a stand-in for in-block order).
 */
export class EventHeap {
  private t = new Uint32Array(64);
  private e = new Uint32Array(64);
  private u = new Uint32Array(64);
  size = 0;

  private less(i: number, j: number): boolean {
    return this.t[i] < this.t[j] || (this.t[i] === this.t[j] && this.e[i] < this.e[j]);
  }

  private swap(i: number, j: number): void {
    let x = this.t[i]; this.t[i] = this.t[j]; this.t[j] = x;
    x = this.e[i]; this.e[i] = this.e[j]; this.e[j] = x;
    x = this.u[i]; this.u[i] = this.u[j]; this.u[j] = x;
  }

  push(time: number, edge: number, node: number): void {
    if (this.size === this.t.length) {
      const grow = <T extends Uint32Array>(a: T) => { const b = new Uint32Array(a.length * 2); b.set(a); return b; };
      this.t = grow(this.t); this.e = grow(this.e); this.u = grow(this.u);
    }
    let i = this.size++;
    this.t[i] = time; this.e[i] = edge; this.u[i] = node;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p); i = p;
    }
  }

  /** Remove the earliest event; returns its node (caller must check size > 0). */
  pop(): number {
    const node = this.u[0];
    const last = --this.size;
    if (last > 0) {
      this.t[0] = this.t[last]; this.e[0] = this.e[last]; this.u[0] = this.u[last];
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let s = i;
        if (l < last && this.less(l, s)) s = l;
        if (r < last && this.less(r, s)) s = r;
        if (s === i) break;
        this.swap(i, s); i = s;
      }
    }
    return node;
  }
}
