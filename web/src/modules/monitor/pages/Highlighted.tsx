import { Fragment, type ReactNode } from 'react';
import type { Evidence } from '../types.js';

/** When spans overlap, the segment takes the most specific kind. */
const RANK: Record<Evidence['kind'], number> = { indicator: 4, term: 3, emoji: 2, feature: 1 };

/**
 * The original text as React text nodes with the evidence spans wrapped in <mark>. Nothing is
 * parsed as HTML: a post containing `<img onerror=…>` is shown as those characters.
 * Spans are [start, end) UTF-16 offsets into `text`, as the detector reports them.
 */
export function Highlighted({ text, spans }: { text: string; spans: Evidence[] }) {
  const valid = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const out: ReactNode[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i]!, cuts[i + 1]!];
    const piece = text.slice(a, b);
    const cover = valid.filter((s) => s.start <= a && s.end >= b);
    if (cover.length === 0) { out.push(<Fragment key={a}>{piece}</Fragment>); continue; }
    const top = cover.reduce((x, y) => (RANK[y.kind] > RANK[x.kind] ? y : x));
    const title = [...new Set(cover.map((s) => `${s.kind}: ${s.category}${s.substance ? ` (${s.substance})` : ''}`))].join('; ');
    out.push(<mark key={a} className={`ev-${top.kind}`} title={title} data-kind={top.kind}>{piece}</mark>);
  }
  return <div className="monitor-text" data-testid="item-text">{out}</div>;
}
