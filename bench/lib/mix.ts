/**
 * Realistic benchmark input: generated posts (a seed never used for training) mixed
 * with short graffiti-style lines and long multi-paragraph channel posts.
 */
import { generateCorpus } from '../../src/modules/monitor/detect/train/corpus/index.js';
import { mulberry32 } from '../../src/platform/random.js';

/** `n` messages: ~80% ordinary posts, ~15% graffiti lines (2-6 words), ~5% long channel posts (3-10 posts joined). */
export function benchMix(n: number, seed: number): string[] {
  const base = generateCorpus({ seed, size: Math.ceil(n * 0.9), split: 'all' }).map((r) => r.text);
  const rnd = mulberry32(seed);
  const pick = () => base[Math.floor(rnd() * base.length)];
  const out: string[] = [];
  let next = 0;
  while (out.length < n) {
    const r = rnd();
    if (r < 0.15) {
      const words = pick().split(/\s+/);
      const k = 2 + Math.floor(rnd() * 5);
      const s = words.slice(0, k).join(' ');
      out.push(rnd() < 0.5 ? s.toUpperCase() : s);
    } else if (r < 0.2) {
      const k = 3 + Math.floor(rnd() * 8);
      const parts: string[] = [];
      for (let i = 0; i < k; i++) parts.push(pick());
      out.push(parts.join('\n\n'));
    } else out.push(base[next++ % base.length]);
  }
  return out;
}
