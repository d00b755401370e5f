/**
 * One detection worker thread per process, shared by every detection job. On this 2-core class
 * of machine the detector (~100 µs per post) would otherwise block the event loop that feeds
 * PostgreSQL; in a thread it overlaps with the previous batch's writes. Batches are served in
 * order. If the thread cannot start or dies, detection runs inline (same results, same code).
 */
import type { Worker } from 'node:worker_threads';
import { startTsWorker } from '../../platform/ts-worker.js';
import { computeDetectionDoc, computeDetections, type DetectedBatch } from './detect-worker-compute.js';

interface Pending { resolve: (d: DetectedBatch | string) => void; reject: (e: Error) => void }

let worker: Worker | null = null;
let enabled = false;
/** Consecutive failures to start; past a few the thread is given up and detection stays inline. */
let failures = 0;
let seq = 0;
const pending = new Map<number, Pending>();
const stopped = new WeakSet<Worker>();

function spawn(): Worker {
  const w = startTsWorker(new URL('./detect-worker.ts', import.meta.url), 'qalqan-detect');
  w.unref(); // an idle detector never keeps the process alive
  w.on('message', (m: 'ready' | { seq: number; out?: DetectedBatch | string; error?: string }) => {
    if (m === 'ready') { failures = 0; return; }
    const p = pending.get(m.seq);
    if (!p) return;
    pending.delete(m.seq);
    if (pending.size === 0) w.unref();
    if (m.error !== undefined) p.reject(new Error(`detect worker: ${m.error}`)); else p.resolve(m.out!);
  });
  let failed = false;
  const fail = (e: Error) => {
    if (worker === w) worker = null;
    // One failure per thread ('error' is followed by 'exit'); a deliberate stop is none.
    if (!failed && !stopped.has(w)) failures++;
    failed = true;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`detect worker exited with code ${code}`)));
  return w;
}

/** Use a worker thread for detection in this process (idempotent; jobs.ts calls it). */
export function startDetectWorker(): void {
  enabled = true;
  if (!worker && failures < 3) worker = spawn();
}

/** Stop the thread (tests, shutdown); later batches run inline until started again. */
export async function stopDetectWorker(): Promise<void> {
  enabled = false;
  const w = worker;
  worker = null;
  if (w) stopped.add(w);
  await w?.terminate();
}

/** Detect a batch in the worker thread when one runs, else inline. Results in input order. */
export function runDetections(texts: string[]): Promise<DetectedBatch> {
  return run(texts, false) as Promise<DetectedBatch>;
}

/** Only the write's document of a batch (computeDetectionDoc), in the thread when one runs. */
export function runDetectionDoc(texts: string[]): Promise<string> {
  return run(texts, true) as Promise<string>;
}

function run(texts: string[], docOnly: boolean): Promise<DetectedBatch | string> {
  if (enabled && !worker && failures < 3) worker = spawn();
  const w = worker;
  if (!w || texts.length === 0) return Promise.resolve().then(() => (docOnly ? computeDetectionDoc(texts) : computeDetections(texts)));
  return new Promise<DetectedBatch | string>((resolve, reject) => {
    const id = ++seq;
    pending.set(id, { resolve, reject });
    w.ref(); // a batch in flight keeps the process alive until its answer
    w.postMessage({ seq: id, texts, docOnly });
  });
}
