/**
 * The rating computation engine: a pure library (no database, no I/O) that turns a methodology
 * and a table of regional indicator values into a ranked, explained rating. See
 * docs/rating-engine.md for the formulas. The CLI (`qalqan rating compute`) is in cli.ts, kept
 * out of this index so that importing the engine never pulls in file-system code.
 */
export { RatingInputError, type InputIssue, type InputSource } from './errors.js';
export {
  methodologySchema, indicatorSchema, parseMethodology, parseMethodologySource, methodologyWarnings,
  NORMALISATIONS, AGGREGATIONS, MISSING_RULES,
  type Methodology, type MethodologyInput, type MethodologySource, type Indicator, type Normalisation, type Aggregation, type MissingRule,
} from './methodology.js';
export { parseValuesCsv, parsePopulationCsv, populationForPeriod, parseNumber, type ValueRow, type PopulationRow } from './values.js';
export { parseCsv, CsvSyntaxError, type CsvRecord } from './csv.js';
export { normalise, averageRanks, competitionRanks, bottomOf, NEUTRAL, SCORE_TOLERANCE } from './normalise.js';
export {
  computeRating, rankChange, prepareValues, scorePrepared,
  type RatingRow, type RatingOptions, type RankChange, type Denominators, type PreparedValues,
} from './compute.js';
export { sensitivity, mulberry32, percentile, type SensitivityOptions, type SensitivityRow } from './sensitivity.js';
