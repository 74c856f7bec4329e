/**
 * A widget written outside the kit: it reads the board's report through the board context,
 * as any third-party widget can. Put it inside `<promo-kpi-board>` (slotted) and it shows
 * the revenue of each channel for the board's current query.
 *
 * In an application, import from the package instead: `import { boardContext } from 'promo-kpi-kit'`.
 */
import { LitElement, css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { boardContext, formatValue, type BoardState } from '../src/index.js';

export class DemoChannelMix extends LitElement {
  static override styles = css`
    :host {
      display: block;
      padding: 12px;
      border-radius: var(--promo-radius, 8px);
      background: var(--promo-color-surface, #fff);
      color: var(--promo-color-text, #1b1f24);
      border: 1px solid var(--promo-color-border, #d0d7de);
      font-family: var(--promo-font-family, system-ui, sans-serif);
    }
    :host([data-theme='dark']) {
      background: var(--promo-color-surface, #161b22);
      color: var(--promo-color-text, #e6edf3);
      border-color: var(--promo-color-border, #3d444d);
    }
    h3 {
      margin: 0 0 8px;
      font-size: 0.95rem;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 6px;
    }
    li {
      display: grid;
      grid-template-columns: 7em 1fr auto;
      gap: 8px;
      align-items: center;
    }
    .bar {
      height: 10px;
      border-radius: 5px;
      background: var(--promo-color-accent, #0b63ce);
    }
    .num {
      font-variant-numeric: tabular-nums;
    }
  `;

  /** The board's state: report, query, locale, currency, theme, status, error, lastUpdated. */
  private board: BoardState | null = null;

  constructor() {
    super();
    new ContextConsumer(this, {
      context: boardContext,
      subscribe: true,
      callback: (state) => {
        this.board = state ?? null;
        if (state) this.dataset.theme = state.theme;
        this.requestUpdate();
      },
    });
  }

  override render() {
    const b = this.board;
    const vi = b?.locale.startsWith('vi');
    const title = vi ? 'Doanh thu khuyến mãi theo kênh' : 'Promotion revenue by channel';
    if (!b?.report)
      return html`<h3>${title}</h3>
        <p>${b?.status === 'error' ? b.error : '…'}</p>`;
    const rows = Object.entries(b.report.byChannel).sort((x, y) => y[1].revenue - x[1].revenue);
    const max = Math.max(1, ...rows.map(([, c]) => c.revenue));
    return html`<h3>${title}</h3>
      <ul aria-label=${title}>
        ${rows.map(
          ([channel, c]) =>
            html`<li>
              <span>${channel}</span>
              <span class="bar" style="width:${(100 * c.revenue) / max}%"></span>
              <span class="num"
                >${formatValue(c.revenue, 'currency', { locale: b.locale, currency: b.currency, compact: true })}</span
              >
            </li>`,
        )}
      </ul>`;
  }
}

if (!customElements.get('demo-channel-mix')) customElements.define('demo-channel-mix', DemoChannelMix);
