/**
 * The "show as table" view of a widget as a controller (it asks the host to update when the
 * table opens or closes; it needs no lifecycle hook): whether the table is open,
 * the menu item that opens and closes it, and the table itself (an accessible `<table>` in a
 * focusable, scrollable region, numbers right-aligned).
 */
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { DataTable } from './data-table.js';

export class TableViewController {
  readonly #host: ReactiveControllerHost;
  readonly #id: string;
  #open = false;

  /** `id`: the id of the table's region, unique in the host's shadow root. */
  constructor(host: ReactiveControllerHost, id: string) {
    this.#host = host;
    this.#id = id;
  }

  /** Whether the table is shown. */
  get open(): boolean {
    return this.#open;
  }

  /** Shows or hides the table. */
  toggle(): void {
    this.#open = !this.#open;
    this.#host.requestUpdate();
  }

  /** The menu item that shows or hides the table, labelled `show` or `hide` as it stands. */
  renderToggle(show: string, hide: string): TemplateResult {
    return html`<button
      type="button"
      data-action="table"
      aria-expanded=${this.#open ? 'true' : 'false'}
      aria-controls=${this.#id}
      @click=${() => this.toggle()}
    >
      ${this.#open ? hide : show}
    </button>`;
  }

  /** The table (rendered whether or not it is open: the caller decides). */
  render(table: DataTable): TemplateResult {
    const num = table.numeric ?? [];
    return html`<div class="table-wrap" id=${this.#id} role="region" aria-label=${table.caption} tabindex="0">
      <table part="table">
        <caption>
          ${table.caption}
        </caption>
        <thead>
          <tr>
            ${table.columns.map((c, i) => html`<th scope="col" class=${num[i] ? 'num' : ''}>${c}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${table.rows.map(
            (row) =>
              html`<tr>
                ${row.map((c, i) =>
                  i === 0
                    ? html`<th scope="row">${c.text}</th>`
                    : html`<td class=${num[i] ? 'num' : ''}>${c.text}</td>`,
                )}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}
