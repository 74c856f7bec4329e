/**
 * The Vietnamese strings are loaded on demand (`src/i18n/translate.ts`): an element speaking
 * Vietnamese holds its update until they are in, so its first render, and every one after, is
 * Vietnamese, in every state; a page loads the Vietnamese strings of the modules it loaded,
 * each once, whatever the number of elements asking.
 *
 * A page of its own (this file) with two widgets: the first elements rendering in Vietnamese
 * here are those of the first test, before anything is loaded.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/breakdown/define.js';
import '../../../src/elements/budget-gauge/define.js';
import type { PromoBreakdown } from '../../../src/elements/breakdown/breakdown.js';
import type { PromoBudgetGauge } from '../../../src/elements/budget-gauge/budget-gauge.js';
import { BREAKDOWN_MESSAGES } from '../../../src/i18n/breakdown.js';
import { GAUGE_MESSAGES } from '../../../src/i18n/budget-gauge.js';
import { SELECTION_MESSAGES } from '../../../src/i18n/selection.js';
import { ATTRIBUTE_LABEL_MESSAGES, CHANNEL_LABEL_MESSAGES } from '../../../src/i18n/labels.js';
import {
  CAMPAIGN_MESSAGES,
  EXPECTED_WORDS,
  FILTER_NOTE_MESSAGES,
  MESSAGES,
  PARTIAL_MESSAGES,
  REASON_MESSAGES,
} from '../../../src/i18n/strings.js';
import { makeReportV2 } from '../../fixtures/report-v2.js';
import { CAMPAIGN_INFO, REPORT } from '../../fixtures/report.js';
import { $, text } from './helpers.js';
import { englishIn, englishPieces, logRenders, viRequests } from './render-log.js';

const ENGLISH = englishPieces(
  MESSAGES,
  EXPECTED_WORDS,
  CAMPAIGN_MESSAGES,
  REASON_MESSAGES,
  PARTIAL_MESSAGES,
  FILTER_NOTE_MESSAGES,
  SELECTION_MESSAGES,
  CHANNEL_LABEL_MESSAGES,
  ATTRIBUTE_LABEL_MESSAGES,
  BREAKDOWN_MESSAGES,
  GAUGE_MESSAGES,
);

describe('Vietnamese strings loaded on demand', () => {
  it('no element speaking Vietnamese ever renders English: ready, loading, empty, error, bad values', async () => {
    const renders = logRenders('promo-breakdown', 'promo-budget-gauge');
    expect(viRequests(), 'nothing loaded before a Vietnamese element').to.deep.equal({});
    const page = await fixture<HTMLDivElement>(html`
      <div style="width: 640px">
        <promo-breakdown locale="vi" currency="VND" by="store" .report=${makeReportV2()}></promo-breakdown>
        <promo-breakdown locale="vi-VN" state="loading"></promo-breakdown>
        <promo-breakdown locale="vi" by="not a name!" .report=${makeReportV2()}></promo-breakdown>
        <promo-budget-gauge
          locale="vi"
          currency="VND"
          campaign="C1"
          .report=${REPORT}
          .campaigns=${CAMPAIGN_INFO}
        ></promo-budget-gauge>
        <promo-budget-gauge locale="vi" state="empty"></promo-budget-gauge>
        <promo-budget-gauge locale="vi" state="error"></promo-budget-gauge>
        <div lang="vi-VN"><promo-budget-gauge campaign="C1" .report=${REPORT}></promo-budget-gauge></div>
      </div>
    `);
    const elements = [
      ...page.querySelectorAll<PromoBreakdown | PromoBudgetGauge>('promo-breakdown, promo-budget-gauge'),
    ];
    await Promise.all(elements.map((el) => el.updateComplete));
    // updateComplete resolved after the Vietnamese render.
    const [ready, loading, badValue, gauge, empty, error, byLang] = elements as [
      PromoBreakdown,
      PromoBreakdown,
      PromoBreakdown,
      PromoBudgetGauge,
      PromoBudgetGauge,
      PromoBudgetGauge,
      PromoBudgetGauge,
    ];
    expect(text($(ready, '[part~="title"]'))).to.equal('Doanh thu khuyến mãi theo cửa hàng');
    expect(text($(loading, '[role="status"]'))).to.equal('Đang tải…');
    expect(text($(badValue, '[part~="config-error"]'))).to.contain('Bỏ qua by="not a name!": cần channel hoặc tên');
    expect($(gauge, '[part~="base"]').getAttribute('aria-label')).to.equal('Tiến độ ngân sách · Tết sớm');
    expect(text($(empty, '[part~="empty"]'))).to.equal('Không có số liệu nào trong khoảng thời gian này.');
    expect(text($(error, '[part~="error"]'))).to.equal('Không thể hiển thị tiện ích này.');
    expect($(byLang, '[part~="base"]').getAttribute('aria-label')).to.equal('Tiến độ ngân sách · C1');
    // Every render of every one of them, from the first: in Vietnamese, no English string.
    for (const el of elements) {
      const own = renders.filter((r) => r.el === el);
      expect(own.length, el.outerHTML).to.be.greaterThan(0);
      for (const r of own) {
        expect(r.locale.toLowerCase()).to.match(/^vi/);
        expect(englishIn(r.shown, ENGLISH), r.shown).to.deep.equal([]);
      }
    }
    // The pieces checked are those an English render shows (the check can fail).
    const english = await fixture<PromoBudgetGauge>(html`<promo-budget-gauge state="error"></promo-budget-gauge>`);
    expect(englishIn(renders.find((r) => r.el === english)!.shown, ENGLISH)).to.include(MESSAGES.error);
  });

  it('loads the Vietnamese strings of the modules on the page, each once, for all its elements', async () => {
    // Both widgets read the shared strings: one request for them; one for each widget's own,
    // the selection line's and the names of channels and attributes; none for a widget not on
    // the page (the heatmap, the tile...).
    expect(viRequests()).to.deep.equal({ strings: 1, selection: 1, labels: 1, breakdown: 1, 'budget-gauge': 1 });
    // Elements added later use what is loaded: no request, and Vietnamese at once.
    const el = await fixture<PromoBudgetGauge>(
      html`<promo-budget-gauge locale="vi" state="loading"></promo-budget-gauge>`,
    );
    expect(text($(el, '[role="status"]'))).to.equal('Đang tải…');
    expect(viRequests()).to.deep.equal({ strings: 1, selection: 1, labels: 1, breakdown: 1, 'budget-gauge': 1 });
  });
});
