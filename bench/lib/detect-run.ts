/**
 * Child process of the benchmark: times detect() over the messages in a JSONL file
 * (one JSON string per line) in a fresh process, so that peak RSS reflects the
 * detector and its input only (not corpus generation or the baselines).
 * Prints one JSON object: {msgs, bytes, full_s, no_explain_s, full_cpu_s, rss_loaded_mb, peak_rss_mb}
 * (rss_loaded_mb: after loading the detector AND the input messages, before detecting;
 * full_cpu_s: CPU time of the best full pass — on a machine shared with other jobs the wall
 * time also counts the time this process waited for a core, CPU time does not).
 */
import { readFileSync } from 'node:fs';
import { Detector } from '../../src/modules/monitor/detect/detector.js';
import { extractIndicators } from '../../src/modules/monitor/detect/indicators/index.js';

const texts = readFileSync(process.argv[2], 'utf8').split('\n').filter((l) => l).map((l) => JSON.parse(l) as string);
const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t), 0);
const det = Detector.load();
let sink = 0;
let lastCpu = 0;
const time = (f: (t: string) => number) => {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < texts.length; i++) sink += f(texts[i]);
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  lastCpu = (c.user + c.system) / 1e6;
  return wall;
};
const rssLoaded = process.memoryUsage().rss / 2 ** 20;
time((t) => det.detect(t).explain.length); // warm-up pass (JIT, caches)
// interleaved repeats, best of 3: the machine is shared, so single passes are noisy
let full = Infinity;
let fullCpu = Infinity;
let noExplain = Infinity;
for (let r = 0; r < 3; r++) {
  full = Math.min(full, time((t) => det.detect(t).explain.length));
  fullCpu = Math.min(fullCpu, lastCpu);
  noExplain = Math.min(noExplain, time((t) => det.detect(t, false).label.length));
}
// where the time goes (µs per message): indicator extraction, normalisation, classification
const stage = (f: (t: string) => number) => (Math.min(time(f), time(f)) / texts.length) * 1e6;
const stages_us = {
  indicators: stage((t) => extractIndicators(t).length),
  normalize: stage((t) => (det.norm.run(t), det.norm.len)),
  classify_without_indicators: stage((t) => det.classify(t, [])),
  detect_without_explain: (noExplain / texts.length) * 1e6,
  detect: (full / texts.length) * 1e6,
};
process.stdout.write(JSON.stringify({ msgs: texts.length, bytes, full_s: full, no_explain_s: noExplain, full_cpu_s: fullCpu, stages_us, rss_loaded_mb: rssLoaded, peak_rss_mb: process.resourceUsage().maxRSS / 1024, sink: sink > 0 }) + '\n');
