/**
 * Input errors of the rating engine. Bad methodology files and value tables are the normal
 * case for a tool that statisticians feed by hand, so they are reported as data (every issue,
 * with its line) rather than as the first exception thrown.
 */

/** Which input an issue is about; the CLI maps it to the file the user named. */
export type InputSource = 'methodology' | 'values' | 'population' | 'options';

/** One thing wrong with an input, located where possible. */
export interface InputIssue {
  readonly source: InputSource;
  /** 1-based line in the source text; absent when the input was not text or no single line is at fault. */
  readonly line?: number;
  /** Methodology indicator the issue concerns, so the CLI can point at its line in the methodology file. */
  readonly indicator?: string;
  readonly message: string;
}

/** Thrown for bad methodology, values, denominators or options: the caller's data, not a bug. */
export class RatingInputError extends Error {
  readonly issues: readonly InputIssue[];
  constructor(issues: readonly InputIssue[]) {
    super(issues.map((i) => `${i.source}${i.line ? `:${i.line}` : ''}: ${i.message}`).join('\n'));
    this.name = 'RatingInputError';
    this.issues = issues;
  }
}

/** Throws a RatingInputError when `issues` is not empty, issues in line order (stable otherwise). */
export function throwIfAny(issues: readonly InputIssue[]): void {
  if (issues.length > 0) throw new RatingInputError([...issues].sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER)));
}
