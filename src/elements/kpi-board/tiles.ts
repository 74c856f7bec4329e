/**
 * The board's row of KPI tiles: a grid whose column count is chosen from the width it has and
 * the number of tiles, so rows are full or, when they cannot be, the last row's tiles stretch
 * (see `tileGrid`). Every tile of a row has the row's height.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ResizeController } from '@lit-labs/observers/resize-controller.js';
import { styleProps } from '../shared/style-props.js';
import { tileGrid, type TileGrid } from './tile-grid.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

const same = (a: TileGrid | null, b: TileGrid | null) =>
  !!a && !!b && a.columns === b.columns && a.tracks === b.tracks && a.lastRow === b.lastRow;

/** Measures the tile row after each render and keeps its grid; a new width re-measures. */
export class TileGridController implements ReactiveController {
  /** The grid of the last measure (null before the first). */
  grid: TileGrid | null = null;

  constructor(private readonly host: Host) {
    host.addController(this);
    // A new width of the board renders again, and `hostUpdated` measures.
    new ResizeController(host, {});
  }

  hostUpdated(): void {
    const row = this.host.renderRoot.querySelector<HTMLElement>('.tiles');
    const probe = row?.querySelector<HTMLElement>('.tile-probe');
    if (!row || !probe) return;
    const count = row.querySelectorAll(':scope > promo-kpi-tile').length;
    if (!count || !row.clientWidth) return;
    const gap = parseFloat(getComputedStyle(row).columnGap) || 0;
    const next = tileGrid(count, row.clientWidth, probe.getBoundingClientRect().width, gap);
    if (!same(this.grid, next)) {
      this.grid = next;
      this.host.requestUpdate();
    }
  }
}

/** The tile row: one `<promo-kpi-tile>` per KPI, laid out by `grid` (the CSS fallback until it is measured). */
export function renderTiles(
  kpis: readonly string[],
  grid: TileGrid | null,
  label: string,
  target: (kpi: string) => number | undefined,
): TemplateResult {
  const lastFrom = grid ? kpis.length - grid.lastRow : kpis.length;
  return html`<section
    part="tiles"
    class="tiles"
    aria-label=${label}
    data-columns=${grid?.columns ?? ''}
    style=${styleProps({ gridTemplateColumns: grid ? `repeat(${grid.tracks}, minmax(0, 1fr))` : null })}
  >
    <div class="tile-probe" aria-hidden="true"></div>
    ${kpis.map(
      (kpi, i) =>
        html`<promo-kpi-tile
          kpi=${kpi}
          .target=${target(kpi)}
          style=${styleProps({ gridColumn: grid ? `span ${i >= lastFrom ? grid.lastSpan : grid.span}` : null })}
        ></promo-kpi-tile>`,
    )}
  </section>`;
}
