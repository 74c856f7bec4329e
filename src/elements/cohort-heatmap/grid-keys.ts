/**
 * Keyboard navigation of the cohort heatmap's ARIA grid: a roving cursor over the cells of
 * the triangle (arrow keys, Home / End, Ctrl+Home / Ctrl+End), focus moved to the cell and
 * scrolled into view; Escape closes the tooltip.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { moveCell } from './layout.js';

export interface Cell {
  row: number;
  col: number;
}

const KEYS = ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'Escape'];

export class GridCursor implements ReactiveController {
  /** The cell that takes focus (roving tabindex). */
  #active: Cell = { row: 0, col: 0 };

  /** `cellAt`: the element of a cell; `escape`: what Escape does (closes the tooltip). */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly cellAt: (cell: Cell) => SVGGElement | null,
    private readonly escape: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The cursor's cell, kept inside a grid whose rows have `lengths` cells. */
  active(lengths: readonly number[]): Cell {
    return moveCell(lengths, this.#active, '');
  }

  /** Puts the cursor on a cell (a click; null: a click beside the cells). */
  set(cell: Cell | null): void {
    if (!cell) return;
    this.#active = cell;
    this.host.requestUpdate();
  }

  /** Handles a key on the grid whose rows have `lengths` cells. */
  onKeydown(e: KeyboardEvent, lengths: readonly number[]): void {
    if (!KEYS.includes(e.key)) return;
    e.preventDefault();
    if (e.key === 'Escape') {
      this.escape();
      return;
    }
    const next = moveCell(lengths, this.#active, e.key, e.ctrlKey || e.metaKey);
    this.set(next);
    void this.host.updateComplete.then(() => {
      const el = this.cellAt(next);
      el?.focus();
      el?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    });
  }
}
