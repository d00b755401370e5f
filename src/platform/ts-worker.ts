/**
 * Worker threads that run this package's TypeScript. The package has no build step: bin/qalqan.js
 * registers tsx's loader programmatically, and a new thread does not inherit that registration, so
 * the thread registers it itself before importing its entry module.
 */
import { Worker } from 'node:worker_threads';

const BOOT = `const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((m) => { m.register(); return import(workerData.entry); });`;

/** Start a thread running the TypeScript module `entry`; `data` arrives as workerData.data. */
export function startTsWorker(entry: URL, name: string, data?: unknown): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(BOOT, { eval: true, workerData: { tsx, entry: entry.href, data }, name });
}
