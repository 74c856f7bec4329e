/**
 * Size floor: Lit alone, as a widget of the kit uses it (a LitElement with properties
 * declared in its static `properties`, a template, styles, the board's context and a resize
 * observer) and nothing of ours.
 * `npm run size` prints its figure under the entries.
 */
import { LitElement, css, html, type PropertyDeclarations } from 'lit';
import { ContextConsumer, createContext } from '@lit/context';
import { ResizeController } from '@lit-labs/observers/resize-controller.js';

const context = createContext<{ locale: string }>(Symbol('floor'));

export class SizeFloorLit extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;
  static override properties: PropertyDeclarations = { label: {} };
  label = '';
  readonly #size = new ResizeController(this, { callback: (entries) => entries[0]?.contentRect.width ?? 0 });
  readonly #board = new ContextConsumer(this, { context, subscribe: true });

  override render() {
    return html`<p>${this.label} ${this.#board.value?.locale} ${this.#size.value}</p>`;
  }
}
customElements.define('size-floor-lit', SizeFloorLit);
