/**
 * The grid of the board's KPI tiles: how many columns a width holds, and how the tiles are
 * spread so no row is left with a hole. Pure arithmetic, no DOM.
 *
 * Rules, in order:
 * 1. As many columns as tiles of the minimum width fit (at least one, at most the count).
 * 2. Full rows first: the largest column count that divides the tile count, as long as it is
 *    at least half of what fits (8 tiles where 3 fit: 2 a row, 4 rows; where 5 fit: 4 + 4).
 * 3. Otherwise (a prime count, or no divisor close enough) the rows are balanced (7 where 4
 *    fit: 4 + 3) and the tiles of the last row stretch to fill it.
 */

export interface TileGrid {
  /** Tiles in a full row. */
  columns: number;
  /** Tracks of the CSS grid: a multiple of both the full row and the last row. */
  tracks: number;
  /** Tracks a tile of a full row spans. */
  span: number;
  /** Tiles in the last row (equal to `columns` when every row is full). */
  lastRow: number;
  /** Tracks a tile of the last row spans. */
  lastSpan: number;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** Columns of `minWidth` (plus `gap` between them) that fit in `width`. */
export function columnsThatFit(width: number, minWidth: number, gap: number): number {
  if (!(width > 0) || !(minWidth > 0)) return 1;
  return Math.max(1, Math.floor((width + gap) / (minWidth + Math.max(0, gap))));
}

/** The grid of `count` tiles in `width` px, tiles at least `minWidth` wide with `gap` between them. */
export function tileGrid(count: number, width: number, minWidth: number, gap: number): TileGrid {
  const n = Math.max(1, Math.floor(count));
  const fit = Math.min(n, columnsThatFit(width, minWidth, gap));
  let columns = fit;
  if (n % fit !== 0) {
    let divisor = 1;
    for (let c = fit; c >= 1; c--)
      if (n % c === 0) {
        divisor = c;
        break;
      }
    columns = divisor * 2 >= fit && divisor > 1 ? divisor : Math.ceil(n / Math.ceil(n / fit));
  }
  const rows = Math.ceil(n / columns);
  const lastRow = n - (rows - 1) * columns;
  const tracks = (columns * lastRow) / gcd(columns, lastRow);
  return { columns, tracks, span: tracks / columns, lastRow, lastSpan: tracks / lastRow };
}
