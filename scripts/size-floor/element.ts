/**
 * Size floor: the kit's element base without the widget's parts. A `PromoElement` (property
 * converters that read the string form and report bad values, the locale of the page, the
 * strings loaded before a render) with one property declared through a shared converter, the
 * frame's styles and tokens, drawing one label formatted by `format/`. Between the two other
 * floors, it shows what the widget base adds to it: report and board context, theme, states,
 * the data table and the export menu. `npm run size` prints its figure under the entries.
 */
import { html, type PropertyDeclarations } from 'lit';
import { PromoElement } from '../../src/elements/shared/element.js';
import { numberValue } from '../../src/elements/shared/converters.js';
import { frameStyles } from '../../src/elements/shared/frame-styles.js';
import { formatValue } from '../../src/format/format.js';

export class SizeFloorElement extends PromoElement {
  static override styles = frameStyles;
  static override properties: PropertyDeclarations = { locale: {}, value: { converter: numberValue } };
  locale = '';
  value: number | null = null;

  protected get ownLocale(): string | undefined {
    return this.locale || undefined;
  }

  override render() {
    return html`<p class="promo-root" lang=${this.shownLang}>
      ${formatValue(this.value, 'currency', { locale: this.activeLocale })}
    </p>`;
  }
}
customElements.define('size-floor-element', SizeFloorElement);
