import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/elements/kpi-tile/define.js';
import '../../src/elements/budget-gauge/define.js';
import type { PromoKpiTile } from '../../src/elements/kpi-tile/kpi-tile.js';
import { TOKENS } from '../../src/theme/tokens.js';
import { REPORT } from '../fixtures/report.js';
import { $, rgb } from '../elements/shared/helpers.js';

/** Mounts a wrapper and waits for the widgets in it (not for an animation frame). */
async function mount(t: ReturnType<typeof html>): Promise<HTMLDivElement> {
  const wrap = fixtureSync<HTMLDivElement>(t);
  await Promise.all(
    [...wrap.querySelectorAll('promo-kpi-tile, promo-budget-gauge')].map((e) => (e as PromoKpiTile).updateComplete),
  );
  return wrap;
}

const bg = (el: Element) => getComputedStyle($(el, '[part~="base"]')).backgroundColor;
const LIGHT = rgb(TOKENS['color-surface'].light);
const DARK = rgb(TOKENS['color-surface'].dark);

describe('themes', () => {
  it('auto follows prefers-color-scheme; a theme attribute forces light or dark', async () => {
    const el = await fixture<PromoKpiTile>(html`<promo-kpi-tile kpi="revenue" .report=${REPORT}></promo-kpi-tile>`);
    expect(bg(el)).to.equal(LIGHT);
    await emulateMedia({ colorScheme: 'dark' });
    expect(bg(el)).to.equal(DARK);
    el.theme = 'light';
    await el.updateComplete;
    expect(bg(el)).to.equal(LIGHT);
    await emulateMedia({ colorScheme: 'light' });
    el.theme = 'dark';
    await el.updateComplete;
    expect(bg(el)).to.equal(DARK);
    expect(getComputedStyle($(el, '[part~="value"]')).color).to.equal(rgb(TOKENS['color-text'].dark));
  });

  it('takes the theme of the nearest ancestor with a theme attribute (a board)', async () => {
    const wrap = await mount(
      html`<div theme="dark">
        <section>
          <promo-kpi-tile kpi="revenue" .report=${REPORT}></promo-kpi-tile>
          <promo-kpi-tile kpi="revenue" theme="light" .report=${REPORT}></promo-kpi-tile>
          <promo-budget-gauge .report=${REPORT}></promo-budget-gauge>
        </section>
      </div>`,
    );
    const [inherited, own] = wrap.querySelectorAll('promo-kpi-tile');
    expect(bg(inherited)).to.equal(DARK);
    expect(bg(own)).to.equal(LIGHT);
    expect(bg(wrap.querySelector('promo-budget-gauge')!)).to.equal(DARK);
  });

  it('passes over an empty theme attribute, as over an empty lang', async () => {
    const wrap = await mount(
      html`<div theme="dark" lang="vi">
        <div theme="" lang=""><promo-kpi-tile kpi="revenue" .report=${REPORT}></promo-kpi-tile></div>
      </div>`,
    );
    const tile = wrap.querySelector('promo-kpi-tile')!;
    expect(bg(tile)).to.equal(DARK);
    expect($(tile, '[part~="base"]').getAttribute('lang')).to.equal('vi');
  });

  it('public --promo-* properties re-brand the widgets, from any ancestor', async () => {
    const wrap = await mount(
      html`<div style="--promo-color-surface: #fffaf3; --promo-color-good: #0a6640; --promo-radius: 14px">
        <promo-kpi-tile kpi="revenue" .report=${REPORT}></promo-kpi-tile>
      </div>`,
    );
    const el = wrap.querySelector('promo-kpi-tile')!;
    expect(bg(el)).to.equal(rgb('#fffaf3'));
    expect(getComputedStyle($(el, '[part~="delta"]')).color).to.equal(rgb('#0a6640'));
    expect(getComputedStyle($(el, '[part~="base"]')).borderTopLeftRadius).to.equal('14px');
  });

  it('the example brand theme works with CSS alone, in light and dark', async () => {
    const css = await (await fetch(new URL('../../src/theme/brand-example.css', import.meta.url))).text();
    const style = document.createElement('style');
    style.textContent = css;
    document.head.append(style);
    try {
      const wrap = await mount(
        html`<div class="brand-lotus">
          <promo-kpi-tile kpi="revenue" .report=${REPORT}></promo-kpi-tile>
          <div theme="dark"><promo-kpi-tile kpi="revenue" .report=${REPORT}></promo-kpi-tile></div>
        </div>`,
      );
      const [light, dark] = wrap.querySelectorAll('promo-kpi-tile');
      expect(bg(light)).to.equal(rgb('#fffaf3'));
      expect(getComputedStyle($(light, 'svg[part~="sparkline"] path')).stroke).to.equal(rgb('#b4441b'));
      expect(bg(dark)).to.equal(rgb('#24170f'));
      expect(getComputedStyle($(dark, 'svg[part~="sparkline"] path')).stroke).to.equal(rgb('#f08a5d'));
      await expect(light).to.be.accessible();
      await expect(dark).to.be.accessible();
    } finally {
      style.remove();
    }
  });
});
