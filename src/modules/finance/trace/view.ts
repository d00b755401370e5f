/**
 * Turning the engine's result (edge ids, smallest units) into what a case file shows: exits with
 * the service, amounts in whole units, the path hop by hop (a Bitcoin transaction shown as one hop
 * from payer to payee, not two edges through the transaction node) and a plain explanation.
 */
import { NodeKind, TAG_NAMES } from '../graph/codes.js';
import type { TxGraph } from '../graph/csr.js';
import type { Exit, TaintModel, TraceResult } from '../graph/taint.js';
import type { LoadedTransfer } from '../store/load.js';
import type { TagInfo } from '../tags/tags.service.js';

/** Private node tag for addresses the loader did not expand because of their degree in the store. */
export const HUB_TAG = 31;

export interface PathStep {
  tx: string;
  from: string;
  to: string;
  /** Value moved on this hop, whole units. */
  value: number;
  /** Tainted part of it, whole units, and taint / value. */
  taint: number;
  share: number;
  time: string;
}

export interface ExitView {
  address: string;
  service: { label: string; category: string; source: string; confidence: number } | null;
  reason: 'service' | 'high-degree';
  /** Tainted amount that reached the exit, whole units of the asset. */
  amount: number;
  asset: string;
  time: string;
  hops: number;
  path: PathStep[];
  /** The explanation in English plain words (kept for existing readers; `steps` is the same as data). */
  explanation: string[];
  /** The explanation as data, rendered in the reader's language (reports/explain.ts, the UI). Absent in runs stored before it existed: see explanationSteps(). */
  steps: ExplanationStep[];
}

/**
 * One sentence of a path explanation as data: each hop, then where the money stopped (an
 * attributed service or an unexpanded high-degree address), then the model used. Amounts are
 * whole units of `asset`; times ISO; `share` in [0, 1].
 */
export type ExplanationStep =
  | { kind: 'hop'; n: number; tx: string; from: string; to: string; value: number; taint: number; asset: string; time: string; share: number }
  | { kind: 'exit'; amount: number; asset: string; address: string; hops: number; time: string; service: { label: string; category: string; source: string } | null; category: string | null }
  | { kind: 'stop'; amount: number; asset: string; address: string; hops: number; time: string }
  | { kind: 'model'; model: string };

/**
 * The structured explanation of an exit from its stored fields, so runs stored before `steps`
 * existed render the same way. `category` of an exit without a tag is the engine's service code name.
 */
export function explanationSteps(x: Pick<ExitView, 'path' | 'service' | 'reason' | 'amount' | 'asset' | 'address' | 'hops' | 'time'>, model: string, serviceCode: string | null = null): ExplanationStep[] {
  const out: ExplanationStep[] = x.path.map((s, i) => ({ kind: 'hop' as const, n: i + 1, tx: s.tx, from: s.from, to: s.to, value: s.value, taint: s.taint, asset: x.asset, time: s.time, share: s.share }));
  out.push(x.reason === 'service'
    ? { kind: 'exit', amount: x.amount, asset: x.asset, address: x.address, hops: x.hops, time: x.time, service: x.service ? { label: x.service.label, category: x.service.category, source: x.service.source } : null, category: x.service?.category ?? serviceCode }
    : { kind: 'stop', amount: x.amount, asset: x.asset, address: x.address, hops: x.hops, time: x.time });
  out.push({ kind: 'model', model });
  return out;
}

export interface ExitTotal { address: string; label: string | null; category: string | null; reason: ExitView['reason']; amount: number; count: number; first: string; last: string }

const iso = (t: number) => new Date(t * 1000).toISOString();
const round = (x: number, dec: number) => Number(x.toFixed(Math.min(dec, 12)));

const MODEL_WORDS: Record<TaintModel, string> = {
  poison: 'poison: every transfer leaving a tainted address after the taint arrived counts in full',
  haircut: 'haircut: each transfer carries the tainted share of the sender\'s balance at that moment',
  fifo: 'FIFO: coins leave in the order they arrived; taint follows the coins spent',
};

/** Exit view of one engine exit. */
export function exitView(g: TxGraph, r: TraceResult, x: Exit, edges: LoadedTransfer[], tags: Map<string, TagInfo>, asset: string, decimals: number): ExitView {
  const unit = 10 ** decimals;
  const steps: PathStep[] = [];
  for (let i = 0; i < x.path.length; i++) {
    const e = x.path[i]!;
    const src = g.src[e]!, dst = g.dst[e]!;
    // Input edge into a UTXO transaction node followed by its output edge: one hop payer → payee.
    if (g.kind[dst] === NodeKind.TX && i + 1 < x.path.length && g.src[x.path[i + 1]!] === dst) {
      const o = x.path[++i]!;
      const taint = r.edgeTaint.get(o) ?? 0;
      steps.push({ tx: edges[o]!.txHash, from: g.label(src), to: g.label(g.dst[o]!), value: round(g.value[o]! / unit, decimals), taint: round(taint / unit, decimals), share: g.value[o]! > 0 ? taint / g.value[o]! : 0, time: iso(g.time[o]!) });
      continue;
    }
    const taint = r.edgeTaint.get(e) ?? 0;
    steps.push({ tx: edges[e]!.txHash, from: g.label(src), to: g.label(dst), value: round(g.value[e]! / unit, decimals), taint: round(taint / unit, decimals), share: g.value[e]! > 0 ? taint / g.value[e]! : 0, time: iso(g.time[e]!) });
  }
  const address = g.label(x.node);
  const tag = tags.get(address);
  const reason: ExitView['reason'] = x.tag === HUB_TAG || x.reason === 'high-degree' ? 'high-degree' : 'service';
  const service = tag ? { label: tag.label, category: tag.category, source: tag.source, confidence: tag.confidence } : null;
  const amount = round(x.amount / unit, decimals);
  const explanation = steps.map((s, i) =>
    `Hop ${i + 1}: ${s.from} → ${s.to}, ${s.value} ${asset} in transaction ${s.tx} at ${s.time}; ${s.taint} ${asset} of it traced (${(s.share * 100).toFixed(2)} %).`);
  explanation.push(reason === 'service'
    ? `Exit: ${amount} ${asset} reached ${service ? `${service.label} (${service.category}, source: ${service.source})` : TAG_NAMES[x.tag] ?? 'a service'} at ${address} after ${x.hops} hop(s); the trace stops at attributed services.`
    : `Stop: ${amount} ${asset} reached ${address}, an address with very many transfers (an exchange or pool wallet is likely); it was not expanded.`);
  explanation.push(`Model ${MODEL_WORDS[r.model]}. The path shown is the route that carried the largest share.`);
  const view = { address, service, reason, amount, asset, time: iso(x.time), hops: x.hops, path: steps, explanation };
  const code = TAG_NAMES[x.tag];
  return { ...view, steps: explanationSteps(view, r.model, code && code !== 'none' ? code : null) };
}

/** Exits summed per exit address, largest first. */
export function exitTotals(exits: ExitView[]): ExitTotal[] {
  const m = new Map<string, ExitTotal>();
  for (const x of exits) {
    const t = m.get(x.address);
    if (!t) m.set(x.address, { address: x.address, label: x.service?.label ?? null, category: x.service?.category ?? null, reason: x.reason, amount: x.amount, count: 1, first: x.time, last: x.time });
    else { t.amount += x.amount; t.count++; if (x.time < t.first) t.first = x.time; if (x.time > t.last) t.last = x.time; }
  }
  return [...m.values()].sort((a, b) => b.amount - a.amount);
}
