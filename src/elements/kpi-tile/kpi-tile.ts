import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { formatValue } from '../../format/format.js';
import type { KpiUnit } from '../../engine/types.js';

/**
 * A single KPI: its label and its value, formatted for the locale and unit.
 *
 * @summary Shows one KPI value with its label.
 *
 * @csspart label - The KPI label.
 * @csspart value - The formatted value.
 *
 * @cssproperty --promo-tile-background - Tile background.
 * @cssproperty --promo-tile-color - Text colour.
 */
export class PromoKpiTile extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .tile {
      --_bg: var(--promo-tile-background, #fff);
      --_fg: var(--promo-tile-color, #1b1f24);
      background: var(--_bg);
      color: var(--_fg);
      border-radius: 8px;
      padding: 12px 16px;
      font-family: system-ui, sans-serif;
    }
    [part='label'] {
      font-size: 0.875rem;
      opacity: 0.8;
    }
    [part='value'] {
      font-size: 1.75rem;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
  `;

  /** The text shown above the value. */
  @property() label = '';

  /** The number to show; `null` shows "—". */
  @property({ type: Number }) value: number | null = null;

  /** How the value is formatted. */
  @property() unit: KpiUnit = 'number';

  /** BCP 47 locale, or `en` / `vi`. */
  @property() locale = 'en';

  /** ISO 4217 currency code used when `unit` is `currency`. */
  @property() currency = 'USD';

  override render() {
    return html`<div class="tile" role="group" aria-label=${this.label}>
      <div part="label">${this.label}</div>
      <div part="value">${formatValue(this.value, this.unit, { locale: this.locale, currency: this.currency })}</div>
    </div>`;
  }
}
