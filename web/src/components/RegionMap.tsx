/**
 * Schematic tile map of Kazakhstan's 20 first-level units (data/region-tiles.json): one square per
 * region, a small round tile per city of republican significance, coloured by value. Tiles rather
 * than borders because no package we can use ships the post-2022 boundaries (see data/README.md).
 */
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import regionsJson from '../../../data/regions.json' with { type: 'json' };
import tilesJson from '../../../data/region-tiles.json' with { type: 'json' };
import type { Lang, RegionCode } from '../../../src/platform/geo/regions.js';

/** Props of {@link RegionMap}. */
export interface RegionMapProps {
  /** Value per unit; units without a (finite) value are drawn as "no data". */
  values?: Partial<Record<RegionCode, number>>;
  lang: Lang;
  /** Called with the unit's code on click, Enter or Space. */
  onSelect?: (code: RegionCode) => void;
  selected?: RegionCode | null;
  /** Accessible name of the map, also drawn above it. */
  title: string;
  formatValue?: (n: number) => string;
  /** 'sequential' for counts/rates; 'diverging' for changes around zero (negative blue, positive red). */
  colorScale?: 'sequential' | 'diverging';
}

interface Tile { code: RegionCode; col: number; row: number; city?: boolean }
interface RegionRow { code: RegionCode; name: Record<Lang, string>; short: Record<Lang, string> }

const REGIONS = new Map((regionsJson as unknown as RegionRow[]).map((r) => [r.code, r]));
// DOM (and so Tab) order follows reading order of the grid, not the JSON order.
const TILES = [...(tilesJson.tiles as Tile[])].sort((a, b) => a.row - b.row || a.col - b.col);

const CELL = 100;
const GAP = 4;
const CITY = 64;
const TITLE_H = 30;
const LEGEND_H = 46;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';
const NO_DATA = '#e5e7eb';

// ColorBrewer Blues and RdBu ramps: perceptually ordered and readable for common colour-vision deficiencies.
const SEQUENTIAL = ['#f7fbff', '#c6dbef', '#6baed6', '#2171b5', '#08306b'];
const DIVERGING = ['#2166ac', '#67a9cf', '#d1e5f0', '#f7f7f7', '#fddbc7', '#ef8a62', '#b2182b'];

const TEXT: Record<Lang, { noData: string; legend: string }> = {
  kk: { noData: 'дерек жоқ', legend: 'Шартты белгілер' },
  ru: { noData: 'нет данных', legend: 'Легенда' },
  en: { noData: 'no data', legend: 'Legend' },
};
const LOCALE: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

const rgb = (hex: string): number[] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** Colour at position t ∈ [0, 1] of a ramp, interpolated in sRGB between its stops. */
function ramp(stops: string[], t: number): string {
  const x = Math.min(1, Math.max(0, t)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const [a, b] = [rgb(stops[i]), rgb(stops[i + 1])];
  return `rgb(${a.map((v, k) => Math.round(v + (b[k] - v) * (x - i))).join(',')})`;
}

/** Dark text on light fills, white on dark ones (relative luminance threshold). */
function inkFor(fill: string): string {
  const [r, g, b] = (fill.startsWith('#') ? rgb(fill) : fill.slice(4, -1).split(',').map(Number)).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.32 ? '#111827' : '#ffffff';
}

/** Font size that fits `label` into `width` (system fonts average ~0.6em per character, bold a bit more). */
const fitFont = (label: string, width: number, max: number): number =>
  Math.max(8, Math.min(max, (width - 16) / (0.62 * Math.max(1, label.length))));

/** Interactive, keyboard-accessible tile map of the regions of Kazakhstan. */
export function RegionMap({ values = {}, lang, onSelect, selected, title, formatValue, colorScale = 'sequential' }: RegionMapProps) {
  const titleId = useId();
  const [focused, setFocused] = useState<RegionCode | null>(null);
  const fmt = useMemo(() => formatValue ?? ((n: number) => new Intl.NumberFormat(LOCALE[lang]).format(n)), [formatValue, lang]);

  const finite = TILES.map((t) => values[t.code]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const lo = finite.length ? Math.min(...finite) : 0;
  const hi = finite.length ? Math.max(...finite) : 0;
  const span = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
  const stops = colorScale === 'diverging' ? DIVERGING : SEQUENTIAL;
  const position = (v: number): number =>
    colorScale === 'diverging' ? 0.5 + v / (2 * span) : hi === lo ? 1 : (v - lo) / (hi - lo);

  const width = tilesJson.cols * CELL;
  const gridH = tilesJson.rows * CELL;
  const legendLo = colorScale === 'diverging' ? -span : lo;
  const legendHi = colorScale === 'diverging' ? span : hi;

  const onKey = (e: KeyboardEvent<SVGGElement>, code: RegionCode): void => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault(); // Space would otherwise scroll the page
      onSelect?.(code);
    }
  };

  return (
    <svg
      viewBox={`0 0 ${width} ${TITLE_H + gridH + LEGEND_H}`}
      role="group"
      aria-labelledby={titleId}
      width="100%"
      fontFamily={FONT}
    >
      <title id={titleId}>{title}</title>
      <text x={0} y={20} fontSize={16} fontWeight={600} fill="#111827" aria-hidden="true">{title}</text>
      <g transform={`translate(0 ${TITLE_H})`}>
        {TILES.map((t) => {
          const region = REGIONS.get(t.code);
          if (!region) return null;
          const v = values[t.code];
          const has = typeof v === 'number' && Number.isFinite(v);
          const fill = has ? ramp(stops, position(v)) : NO_DATA;
          const ink = inkFor(fill);
          const size = t.city ? CITY : CELL - GAP;
          const x = t.col * CELL + (CELL - size) / 2;
          const y = t.row * CELL + (CELL - size) / 2;
          const label = region.short[lang];
          const valueText = has ? fmt(v) : '';
          const isSel = selected === t.code;
          const isFocus = focused === t.code;
          return (
            <g
              key={t.code}
              data-region={t.code}
              role="button"
              tabIndex={0}
              aria-label={`${region.name[lang]}: ${has ? valueText : TEXT[lang].noData}`}
              aria-pressed={isSel}
              onClick={() => onSelect?.(t.code)}
              onKeyDown={(e) => onKey(e, t.code)}
              onFocus={() => setFocused(t.code)}
              onBlur={() => setFocused((f) => (f === t.code ? null : f))}
              cursor={onSelect ? 'pointer' : 'default'}
              // The tile draws its own focus ring (amber stroke); the UA outline would be a second one.
              style={{ outline: 'none' }}
            >
              <rect
                x={x} y={y} width={size} height={size} rx={t.city ? size / 2 : 6}
                fill={fill}
                stroke={isFocus ? '#f59e0b' : isSel ? '#111827' : '#d1d5db'}
                strokeWidth={isFocus || isSel ? 4 : 1.5}
              />
              <text
                x={x + size / 2} y={y + size / 2 + (has ? -4 : 4)} textAnchor="middle"
                fontSize={fitFont(label, size, t.city ? 12 : 15)} fontWeight={isSel ? 700 : 500} fill={ink}
                aria-hidden="true"
              >
                {label}
              </text>
              {has && (
                <text
                  x={x + size / 2} y={y + size / 2 + 14} textAnchor="middle"
                  fontSize={fitFont(valueText, size, t.city ? 11 : 14)} fill={ink} aria-hidden="true"
                >
                  {valueText}
                </text>
              )}
            </g>
          );
        })}
      </g>
      <Legend
        y={TITLE_H + gridH + 6} stops={stops} lang={lang}
        labels={finite.length ? [fmt(legendLo), colorScale === 'diverging' ? fmt(0) : null, fmt(legendHi)] as const : null}
        idPrefix={titleId}
      />
    </svg>
  );
}

function Legend({ y, stops, lang, labels, idPrefix }: {
  y: number; stops: string[]; lang: Lang; labels: readonly [string, string | null, string] | null; idPrefix: string;
}) {
  const gradId = `${idPrefix}-ramp`.replace(/:/g, '');
  const W = 220;
  const t = TEXT[lang];
  const summary = labels ? `${t.legend}: ${labels[0]} – ${labels[2]}` : `${t.legend}: ${t.noData}`;
  return (
    <g transform={`translate(0 ${y})`} role="img" aria-label={summary} fontSize={11} fill="#374151">
      <defs>
        <linearGradient id={gradId}>
          {stops.map((c, i) => <stop key={c} offset={i / (stops.length - 1)} stopColor={c} />)}
        </linearGradient>
      </defs>
      {labels && (
        <>
          <rect x={0} y={0} width={W} height={12} fill={`url(#${gradId})`} stroke="#9ca3af" strokeWidth={0.5} />
          <text x={0} y={28} aria-hidden="true">{labels[0]}</text>
          {labels[1] !== null && <text x={W / 2} y={28} textAnchor="middle" aria-hidden="true">{labels[1]}</text>}
          <text x={W} y={28} textAnchor="end" aria-hidden="true">{labels[2]}</text>
        </>
      )}
      <rect x={W + 24} y={0} width={12} height={12} fill={NO_DATA} stroke="#9ca3af" strokeWidth={0.5} />
      <text x={W + 42} y={10} aria-hidden="true">{t.noData}</text>
    </g>
  );
}

export default RegionMap;
