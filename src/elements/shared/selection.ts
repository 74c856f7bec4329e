/**
 * "Choosing is not filtering": the line a bar chart shows under its title while a bar is
 * selected. It names the selection and offers the one explicit step from it, "Filter by
 * <name>", or "Remove filter" when the board is already filtered by it. Shared by the
 * campaign chart and the breakdown.
 */
import { css, html, type TemplateResult } from 'lit';
import type { SelectionMessageKey } from '../../i18n/selection.js';

export interface SelectionLine {
  /** The selection's name as shown; '' when nothing is selected. */
  name: string;
  /** Whether the board is filtered by the selection already. */
  filtered: boolean;
  msg(key: SelectionMessageKey, params?: Record<string, string | number>): string;
  /** The explicit step: filter by the selection (true) or remove that filter (false). */
  filter(on: boolean): void;
}

/** The selection line; an empty live region while nothing is selected, so a new one is announced. */
export function renderSelection(s: SelectionLine): TemplateResult {
  if (!s.name) return html`<div class="selection" aria-live="polite"></div>`;
  const { name, filtered } = s;
  return html`<div part="selection" class="selection" aria-live="polite">
    <span class="selection-text">${s.msg(filtered ? 'selection.filtered' : 'selection.current', { name })}</span>
    <button type="button" part="filter-action" class="filter-action" @click=${() => s.filter(!filtered)}>
      ${filtered ? s.msg('selection.clearFilter') : s.msg('selection.filterBy', { name })}
    </button>
  </div>`;
}

export const selectionStyles = css`
  .selection {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 10px;
    font-size: 0.85em;
    color: var(--_color-text-muted);
  }
  .selection:empty {
    display: none;
  }
  .filter-action {
    font: inherit;
    color: var(--_color-accent);
    background: var(--_color-surface);
    border: 1px solid currentColor;
    border-radius: 999px;
    padding: 2px 10px;
    cursor: pointer;
  }
  .filter-action:hover {
    background: var(--_color-surface-muted);
  }
`;
