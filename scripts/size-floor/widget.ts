/**
 * Size floor: the smallest widget the kit's base allows. It draws one label, has no table and
 * adopts the shared widget styles as every widget does, so the figure is what every widget
 * pays before drawing anything: Lit, the base (report and board context, locale, currency,
 * theme, states, configuration errors, the data and export menu), the shared styles and
 * tokens, the shared strings in English and Vietnamese. `npm run size` prints its figure
 * under the entries.
 */
import { html, type TemplateResult } from 'lit';
import { PromoWidget } from '../../src/elements/shared/widget.js';
import { widgetStyles } from '../../src/elements/shared/styles.js';

export class SizeFloorWidget extends PromoWidget {
  static override styles = widgetStyles;

  protected widgetLabel(): string {
    return 'floor';
  }
  protected renderContent(): TemplateResult {
    return html`<p>${this.widgetLabel()}</p>`;
  }
  protected tableData(): null {
    return null;
  }
}
customElements.define('size-floor-widget', SizeFloorWidget);
