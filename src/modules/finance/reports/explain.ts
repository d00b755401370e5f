/**
 * Path explanations in the reader's language: the structured steps of a trace exit
 * (trace/view.ts ExplanationStep) rendered with the report texts (texts.ts), so a kk or ru case
 * report explains every hop in Kazakh or Russian, not in the English stored with the run.
 * Runs stored before steps existed are explained from their path and exit fields.
 */
import { explanationSteps, type ExitView, type ExplanationStep } from '../trace/view.js';
import { amount } from './layout.js';
import { categoryName, MODEL_TEXT, rt, type ReportLang } from './texts.js';

/** One step as a sentence. */
export function explainStep(s: ExplanationStep, lang: ReportLang): string {
  switch (s.kind) {
    case 'hop':
      return rt(lang, 'exHop', { n: s.n, from: s.from, to: s.to, value: amount(s.value), taint: amount(s.taint), asset: s.asset, tx: s.tx, time: s.time, share: (s.share * 100).toFixed(2) });
    case 'exit':
      return s.service
        ? rt(lang, 'exExit', { amount: amount(s.amount), asset: s.asset, service: s.service.label, category: categoryName(lang, s.service.category), source: s.service.source, address: s.address, hops: s.hops })
        : rt(lang, 'exExitCode', { amount: amount(s.amount), asset: s.asset, category: s.category ? categoryName(lang, s.category) : rt(lang, 'aService'), address: s.address, hops: s.hops });
    case 'stop':
      return rt(lang, 'exStop', { amount: amount(s.amount), asset: s.asset, address: s.address, hops: s.hops });
    case 'model':
      return rt(lang, 'exModel', { model: MODEL_TEXT[s.model]?.[lang] ?? s.model });
  }
}

/** The explanation of one exit of a run, one sentence per line. */
export function explainExit(x: ExitView, model: string, lang: ReportLang): string[] {
  const steps: ExplanationStep[] = Array.isArray(x.steps) ? x.steps : explanationSteps(x, model);
  return steps.map((s) => explainStep(s, lang));
}
