/** The shape every chain adapter has: an address history walked page by page. */
import type { Chain } from '../store/chains.js';
import type { TransferRecord } from '../store/ingest.js';

/** One API page request; the fetcher serves it from the DB cache when a stable copy exists. */
export interface PageRequest {
  /** Full URL (credentials included, if the API takes them in the query). */
  url: string;
  /** True when this answer can never change (older history behind a cursor, a full page of an ascending walk). */
  stable(body: unknown): boolean;
  /** A 200 answer that is really a rate-limit refusal (retry it). */
  retryBody?(body: unknown): boolean;
}

export interface PageIo {
  get(req: PageRequest): Promise<unknown>;
}

export interface ChainAdapter {
  readonly name: 'esplora' | 'trongrid' | 'etherscan';
  readonly chain: Chain;
  /** Transfers touching the address, one page at a time, newest or oldest first as the API walks. */
  history(address: string, io: PageIo): AsyncGenerator<TransferRecord[]>;
}

/** Parsing helpers: API data is untrusted; a malformed record is an error, not a silent zero. */
export const asObj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
export const asArr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const asStr = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
