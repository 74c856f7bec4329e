import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/kpi-tile/define.js';
import type { PromoKpiTile } from '../../../src/elements/kpi-tile/kpi-tile.js';

describe('<promo-kpi-tile> basics', () => {
  it('shows the label and the value formatted by Intl for the locale and currency', async () => {
    const el = await fixture<PromoKpiTile>(
      html`<promo-kpi-tile
        label="Doanh thu"
        .value=${1234567}
        unit="currency"
        currency="VND"
        locale="vi"
      ></promo-kpi-tile>`,
    );
    const label = el.shadowRoot!.querySelector('[part="label"]')!.textContent!.trim();
    const value = el.shadowRoot!.querySelector('[part="value"]')!.textContent!.trim();
    expect(label).to.equal('Doanh thu');
    expect(value).to.equal(new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND' }).format(1234567));
    expect(value).to.contain('1.234.567');
    await expect(el).to.be.accessible();
  });

  it('shows a dash, never 0, for a null value', async () => {
    const el = await fixture<PromoKpiTile>(html`<promo-kpi-tile label="ROI" unit="ratio"></promo-kpi-tile>`);
    expect(el.shadowRoot!.querySelector('[part="value"]')!.textContent!.trim()).to.equal('—');
  });
});
