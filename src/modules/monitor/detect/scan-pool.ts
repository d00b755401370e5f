/**
 * Threads for `qalqan scan --jobs N`: the calling thread and N - 1 worker threads, each with its own
 * detector, scan whole batches of lines (scan-worker.ts); results come back per batch and are
 * written in input order. The calling thread takes every N-th batch itself: it only reads and
 * writes otherwise, and N busy threads fit N cores where N + 1 would crowd them. A thread that fails
 * (it cannot start, or dies) is dropped, and its batches, those in flight included, are scanned in
 * the calling thread: no line is lost or reordered.
 */
import type { Worker } from 'node:worker_threads';
import { startTsWorker } from '../../../platform/ts-worker.js';
import type { Detector } from './detector.js';
import { JsonLineWriter } from './json-line.js';
import type { RawLine } from './lines.js';
import { scanLine } from './scan-line.js';

/** What every thread needs to scan a line as the CLI would. */
export interface ScanOptions {
  explain: boolean;
  maxLine: number;
}

interface Job {
  lines: RawLine[];
  resolve: (out: Uint8Array) => void;
  reject: (e: unknown) => void;
}

interface Thread {
  worker: Worker;
  jobs: Map<number, Job>;
}

export class ScanPool {
  private readonly threads: Thread[] = [];
  private seq = 0;
  private inline: JsonLineWriter | null = null;
  private readonly jobs: number;

  /** `jobs` threads in all, this one included; `detector` is this thread's (loaded when first needed). */
  constructor(jobs: number, private readonly options: ScanOptions, private readonly detector: () => Detector) {
    this.jobs = Math.max(1, jobs);
    for (let i = 1; i < this.jobs; i++) this.threads.push(this.spawn(i));
  }

  private spawn(i: number): Thread {
    const worker = startTsWorker(new URL('./scan-worker.ts', import.meta.url), `qalqan-scan-${i}`, this.options);
    const t: Thread = { worker, jobs: new Map() };
    worker.on('message', (m: { seq: number; out: Uint8Array }) => {
      const job = t.jobs.get(m.seq);
      if (!job) return;
      t.jobs.delete(m.seq);
      job.resolve(m.out);
    });
    const fail = () => this.drop(t);
    worker.on('error', fail);
    worker.on('exit', fail);
    return t;
  }

  /**
   * A thread failed: forget it and scan what it had here. Runs inside the worker's event handler,
   * so nothing may throw out of it: a batch this thread cannot scan either (its detector failed
   * too) rejects, and the scan reports it.
   */
  private drop(t: Thread): void {
    const k = this.threads.indexOf(t);
    if (k < 0) return;
    this.threads.splice(k, 1);
    for (const job of t.jobs.values()) {
      try {
        job.resolve(this.scanHere(job.lines));
      } catch (e) {
        job.reject(e);
      }
    }
    t.jobs.clear();
  }

  private scanHere(lines: RawLine[]): Uint8Array {
    const w = (this.inline ??= new JsonLineWriter());
    const det = this.detector();
    for (const ln of lines) scanLine(det, ln, this.options.explain, this.options.maxLine, w);
    return w.take();
  }

  /** The output bytes of `lines`: every jobs-th batch scanned here, the others by the least busy worker. */
  scan(lines: RawLine[]): Promise<Uint8Array> {
    const seq = ++this.seq;
    if (this.threads.length === 0 || seq % this.jobs === 0) {
      try {
        return Promise.resolve(this.scanHere(lines));
      } catch (e) {
        return Promise.reject(e);
      }
    }
    let t = this.threads[0];
    for (const x of this.threads) if (x.jobs.size < t.jobs.size) t = x;
    return new Promise<Uint8Array>((resolve, reject) => {
      t.jobs.set(seq, { lines, resolve, reject });
      t.worker.postMessage({ seq, lines });
    });
  }

  /** Stop the threads (after the last batch's bytes were received). */
  async close(): Promise<void> {
    const all = this.threads.splice(0);
    await Promise.all(all.map((t) => t.worker.terminate()));
  }
}
