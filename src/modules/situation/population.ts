/**
 * Population per region and year (data/population.json, see data/README.md): the denominator of
 * the per-100,000 view. Figures are approximate (rounded to 10,000).
 */
import populationJson from '../../../data/population.json' with { type: 'json' };
import { REGION_CODES } from '../../platform/geo/regions.js';

interface PopulationFile {
  years: number[];
  regions: Record<string, Record<string, number>>;
}

const FILE = populationJson as unknown as PopulationFile;

// Fail at start-up, not in a chart, if the file loses a region.
for (const code of REGION_CODES) {
  if (!FILE.regions[code]) throw new Error(`data/population.json has no figures for ${code}`);
}

/** The population figure used for a region in a year, and which year it really is. */
export interface PopulationFigure {
  population: number;
  /** The year of the figure: the nearest year on file when `year` itself is missing (e.g. 2026 → 2025). */
  year: number;
}

/**
 * Population of `region` for `year`. Years outside the file use the nearest year on file, since a
 * rate with a slightly old denominator is more useful than no rate; the answer says which year.
 */
export function populationOf(region: string, year: number): PopulationFigure | null {
  const byYear = FILE.regions[region];
  if (!byYear) return null;
  const years = Object.keys(byYear).map(Number).sort((a, b) => a - b);
  if (!years.length) return null;
  const use = years.reduce((best, y) => (Math.abs(y - year) < Math.abs(best - year) || (Math.abs(y - year) === Math.abs(best - year) && y < best) ? y : best), years[0]!);
  return { population: byYear[String(use)]!, year: use };
}

/** The years the file covers. */
export const POPULATION_YEARS: readonly number[] = FILE.years;
