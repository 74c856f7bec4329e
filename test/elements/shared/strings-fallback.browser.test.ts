/**
 * The Vietnamese strings come in a module of their own per string module, loaded on demand
 * (`src/i18n/translate.ts`). When one cannot be loaded (offline, a chunk missing after a
 * deploy), the element shows English for that module's strings, Vietnamese for the others,
 * tells it in `promo-error`, and throws nothing; a later element tries again (Chromium keeps
 * a failed module for the page's lifetime, so here the second try fails too: it is told again,
 * by the element that tried).
 *
 * A page of its own (this file): the first Vietnamese element here is the one whose load fails.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../../src/elements/breakdown/define.js';
import type { PromoBreakdown } from '../../../src/elements/breakdown/breakdown.js';
import { registerLocale, type LocaleStrings } from '../../../src/elements/shared/locale.js';
import { makeReportV2 } from '../../fixtures/report-v2.js';
import { $, settle, text } from './helpers.js';

/** The breakdown's own Vietnamese strings, as the dev server serves the module. */
const BREAKDOWN_VI = '/src/i18n/vi/breakdown.ts';

async function breakdown(errors: Event[]): Promise<PromoBreakdown> {
  const wrap = await fixture<HTMLDivElement>(html`<div style="width: 640px"></div>`);
  wrap.addEventListener('promo-error', (e) => errors.push(e));
  const el = document.createElement('promo-breakdown');
  el.setAttribute('currency', 'VND');
  el.setAttribute('locale', 'vi');
  el.setAttribute('by', 'store');
  el.report = makeReportV2();
  wrap.append(el);
  await settle(el);
  return el;
}

describe('Vietnamese strings that cannot be loaded', () => {
  after(() => executeServerCommand('promo-block-paths', { paths: [] }));

  it('falls back to English for that module, keeps the others in Vietnamese, and says so in promo-error', async () => {
    await executeServerCommand('promo-block-paths', { paths: [BREAKDOWN_VI] });
    const errors: Event[] = [];
    const el = await breakdown(errors);
    // The breakdown's own strings: English, since its Vietnamese table is missing ("by"); the KPI
    // and attribute names (the first loaded with the kit, the second shared) are Vietnamese.
    expect(text($(el, '[part~="title"]'))).to.equal('Doanh thu khuyến mãi by cửa hàng');
    expect(text($(el, '[part~="comparison-head"]'))).to.equal('Share of total');
    // The shared strings (and the KPI names, which are not loaded on demand) are Vietnamese.
    expect($(el, 'summary').getAttribute('aria-label')).to.equal('Dữ liệu và xuất');
    // Its root says the language its strings are shown in (a screen reader reads them in it): English.
    expect($(el, '[part~="base"]').getAttribute('lang')).to.equal('en');
    // Told once, as the kit tells other failures.
    expect(errors).to.have.length(1);
    const detail = (errors[0] as CustomEvent<{ message: string; error: unknown }>).detail;
    expect(detail.message).to.be.a('string').and.not.equal('');
    expect(errors[0]!.target).to.equal(el);
    // Its later updates neither fetch it again nor tell it again.
    el.by = 'channel';
    await settle(el);
    expect(text($(el, '[part~="title"]'))).to.equal('Doanh thu khuyến mãi by kênh bán');
    expect(errors).to.have.length(1);
    expect($(el, '[part~="base"]').getAttribute('lang')).to.equal('en');
    // In English, and in a language of the page's own, it says so too.
    el.setAttribute('locale', 'en-GB');
    await settle(el);
    expect($(el, '[part~="base"]').getAttribute('lang')).to.equal('en');
    registerLocale('th', { 'breakdown.title': '{kpi} ตาม {by}' } as LocaleStrings);
    el.setAttribute('locale', 'th-TH');
    await settle(el);
    expect($(el, '[part~="base"]').getAttribute('lang')).to.equal('th');
  });

  it('a later element tries again, and renders either way', async () => {
    await executeServerCommand('promo-block-paths', { paths: [] });
    const errors: Event[] = [];
    const el = await breakdown(errors);
    expect($(el, 'summary').getAttribute('aria-label')).to.equal('Dữ liệu và xuất');
    // It asked for the module again (a browser that retries a failed import then has it; Chromium
    // answers with the failure it keeps), and renders in any case.
    const title = text($(el, '[part~="title"]'));
    const lang = $(el, '[part~="base"]').getAttribute('lang');
    if (errors.length) {
      expect(errors).to.have.length(1);
      expect(errors[0]!.target).to.equal(el);
      expect(title).to.equal('Doanh thu khuyến mãi by cửa hàng');
      expect(lang).to.equal('en');
    } else {
      expect(title).to.equal('Doanh thu khuyến mãi theo cửa hàng');
      expect(lang).to.equal('vi');
    }
  });
});
