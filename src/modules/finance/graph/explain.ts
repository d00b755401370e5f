/**
 * Human-readable explanation of a traced path: one line per hop with the transaction, both
 * addresses, the transferred value, the time and the share of that value that is tainted.
 */
import { ASSETS, TAG_NAMES } from './codes.js';
import type { TxGraph } from './csr.js';
import type { Exit, TraceResult } from './taint.js';

export interface HopExplanation {
  edge: number;
  tx: string;
  from: string;
  to: string;
  /** Transferred value, smallest units. */
  value: number;
  time: number;
  /** Tainted amount on this edge, smallest units. */
  taint: number;
  /** taint / value, in [0, 1]. */
  share: number;
}

export interface ExitExplanation {
  service: string;
  address: string;
  reason: Exit['reason'];
  amount: number;
  asset: string;
  time: string;
  hops: HopExplanation[];
}

export function explainExit(g: TxGraph, r: TraceResult, x: Exit): ExitExplanation {
  const hops = x.path.map((e): HopExplanation => {
    const taint = r.edgeTaint.get(e) ?? 0;
    const value = g.value[e];
    return { edge: e, tx: g.txLabel(e), from: g.label(g.src[e]), to: g.label(g.dst[e]), value, time: g.time[e], taint, share: value > 0 ? taint / value : 0 };
  });
  return {
    service: TAG_NAMES[x.tag] ?? `tag ${x.tag}`,
    address: g.label(x.node),
    reason: x.reason,
    amount: x.amount,
    asset: ASSETS[r.asset]?.symbol ?? String(r.asset),
    time: new Date(x.time * 1000).toISOString(),
    hops,
  };
}

/** Plain-text rendering for case files. */
export function formatExplanation(x: ExitExplanation): string {
  const lines = [`exit → ${x.service} ${x.address} (${x.reason}): ${x.amount} ${x.asset} smallest units tainted at ${x.time}`];
  x.hops.forEach((h, i) => {
    lines.push(`  ${i + 1}. ${h.tx}  ${h.from} → ${h.to}  value ${h.value}  at ${new Date(h.time * 1000).toISOString()}  taint ${h.taint} (${(h.share * 100).toFixed(2)}%)`);
  });
  return lines.join('\n');
}
