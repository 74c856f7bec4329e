/**
 * The Gold Standard checklist for Web Components, the items that apply, element by element:
 * focus delegation, right-to-left layout, forced colors, live theming, content children,
 * locale from the page, added languages, removed or invalid attributes.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import '../../../src/index.js';
import { registerLocale, englishStrings } from '../../../src/index.js';
import { computeReport } from '../../../src/engine/report.js';
import type { Report } from '../../../src/engine/report-types.js';
import type { PromoConfigErrorDetail } from '../../../src/elements/shared/element.js';
import { WEEK } from './load-order-data.js';

const REPORT: Report = computeReport(WEEK, { from: '2026-11-01', to: '2026-11-07', timeZone: 'UTC' });
const TAGS = [
  'promo-kpi-tile',
  'promo-campaign-chart',
  'promo-budget-gauge',
  'promo-cohort-heatmap',
  'promo-kpi-board',
];
type El = HTMLElement & Record<string, unknown> & { updateComplete: Promise<boolean> };
const sr = (el: Element) => el.shadowRoot!;
const frames = async (n = 3) => {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
};

async function widget(tag: string, attrs = '', wrap = ''): Promise<El> {
  const host = await fixture<HTMLElement>(
    html`<div style="width: 640px" .innerHTML=${`${wrap}<${tag} ${attrs}></${tag}>${wrap ? '</div>' : ''}`}></div>`,
  );
  const el = host.querySelector(tag) as El;
  if (tag !== 'promo-kpi-board') el.report = REPORT;
  await el.updateComplete;
  await frames();
  await el.updateComplete;
  return el;
}

describe('Gold Standard: focus', () => {
  for (const tag of TAGS)
    it(`<${tag}> delegates focus to its first interactive part`, async () => {
      const el = await widget(tag, tag === 'promo-budget-gauge' ? 'campaign="C1"' : 'kpi="revenue" time-zone="UTC"');
      if (tag === 'promo-kpi-board') {
        el.data = WEEK;
        await waitUntil(() => el.currentReport, 'report');
        await el.updateComplete;
      }
      expect(sr(el).delegatesFocus).to.equal(true);
      el.focus();
      expect(sr(el).activeElement, `${tag}.focus()`).not.to.equal(null);
      expect(document.activeElement).to.equal(el);
    });
});

describe('Gold Standard: right to left', () => {
  it('the chart is drawn mirrored: bars grow from the right, values on the left, labels readable', async () => {
    const ltr = await widget('promo-campaign-chart');
    const rtl = await widget('promo-campaign-chart', '', '<div dir="rtl">');
    for (const [el, dir] of [
      [ltr, 'ltr'],
      [rtl, 'rtl'],
    ] as const) {
      const value = sr(el).querySelector('svg[part~="chart"] text.value')!.getBoundingClientRect();
      const bar = sr(el).querySelector('svg[part~="chart"] rect.bar')!.getBoundingClientRect();
      const label = sr(el).querySelector('svg[part~="chart"] text.label')!;
      if (dir === 'ltr') expect(value.left, 'value after the bar').to.be.at.least(bar.right - 1);
      else expect(value.right, 'value before the bar, mirrored').to.be.at.most(bar.left + 1);
      // Text is turned back: it reads left to right, not mirrored.
      const m = new DOMMatrix(
        getComputedStyle(label).transform === 'none' ? undefined : getComputedStyle(label).transform,
      );
      expect(m.a, `${dir} label transform`).to.equal(dir === 'rtl' ? -1 : 1);
      const svgM = getComputedStyle(sr(el).querySelector('svg[part~="chart"]')!).transform;
      expect(svgM === 'none' ? 1 : new DOMMatrix(svgM).a).to.equal(dir === 'rtl' ? -1 : 1);
    }
  });

  it('the ⋯ menu sits at the inline end; the change keeps its sign first (+15%)', async () => {
    const rtl = await widget('promo-kpi-tile', 'kpi="revenue"', '<div dir="rtl">');
    const frame = sr(rtl).querySelector('.promo-root')!.getBoundingClientRect();
    const menu = sr(rtl).querySelector('[part~="actions"]')!.getBoundingClientRect();
    expect(menu.left - frame.left).to.be.below(frame.right - menu.right);
    const label = sr(rtl).querySelector('[part~="label"]')!.getBoundingClientRect();
    expect(menu.right, 'the menu does not cover the title').to.be.at.most(label.left + 30);
    const change = sr(rtl).querySelector('[part~="delta"] bdi');
    if (change) expect(getComputedStyle(change).direction).to.equal('ltr');
  });
});

describe('Gold Standard: forced colors', () => {
  before(async () => {
    await executeServerCommand('promo-forced-colors', { active: true });
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
  });
  after(() => executeServerCommand('promo-forced-colors', { active: false }));

  /** Painted in a colour other than the frame's background (forced colors turn backgrounds into Canvas). */
  const visible = (el: Element) => {
    const bg = getComputedStyle(el).backgroundColor;
    const frame = getComputedStyle(
      el.getRootNode() instanceof ShadowRoot ? (el.getRootNode() as ShadowRoot).querySelector('.promo-root')! : el,
    ).backgroundColor;
    return bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent' && bg !== frame;
  };

  it('the tile target bar keeps its fill', async () => {
    const tile = await widget('promo-kpi-tile', 'kpi="revenue" target="300"');
    const fill = sr(tile).querySelector('[part~="target"] .fill')!;
    expect(visible(fill)).to.equal(true);
    const track = sr(tile).querySelector('[part~="target"] .track')!;
    expect(getComputedStyle(fill).backgroundColor).not.to.equal(getComputedStyle(track).backgroundColor);
  });

  it('the gauge status dot and legend keys stay visible', async () => {
    const gauge = await widget('promo-budget-gauge', 'campaign="C1"');
    const dot = sr(gauge).querySelector('[part~="status"] .dot')!;
    expect(visible(dot)).to.equal(true);
    for (const key of sr(gauge).querySelectorAll('.key:not(.marker):not(.budget)'))
      expect(visible(key), key.className).to.equal(true);
  });
});

describe('Gold Standard: live theming', () => {
  it('a --promo-font-size change after the first render re-lays the chart out', async () => {
    const chart = await widget('promo-campaign-chart');
    const svg = () => sr(chart).querySelector('svg[part~="chart"]')!;
    const before = Number(svg().getAttribute('height'));
    chart.style.setProperty('--promo-font-size', '28px');
    await waitUntil(() => Number(svg().getAttribute('height')) > before, 'taller rows', { timeout: 3000 });
  });
});

describe('Gold Standard: live theming of colours computed in script', () => {
  /** A heatmap with a dark cell (light text); both heat ends turned pale: every cell's text is re-picked dark. */
  async function textRepickedOnPaleHeat(): Promise<void> {
    const map = await widget('promo-cohort-heatmap', 'theme="light"');
    const classes = () => [...sr(map).querySelectorAll('text.cell-value')].map((t) => t.getAttribute('class')).join();
    await waitUntil(() => classes().includes('fixed-light'), 'a dark cell with light text', { timeout: 3000 });
    map.style.setProperty('--promo-color-heat-high', '#fafafa');
    map.style.setProperty('--promo-color-heat-low', '#ffffff');
    await waitUntil(() => !classes().includes('fixed-light'), 'text re-picked for pale cells', { timeout: 3000 });
  }

  it('a heat colour change after the first render re-picks the cell text colour (computed in script)', async () => {
    await textRepickedOnPaleHeat();
  });

  it('does so with reduced motion too (the colour probes keep their transition)', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      await textRepickedOnPaleHeat();
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });
});

describe('Gold Standard: content children', () => {
  it('<style>, <template> and <script> children keep the default layout; a widget child replaces it', async () => {
    const board = await fixture<El>(
      html`<promo-kpi-board>
        <style>
          p {
            color: red;
          }
        </style>
        <template><promo-kpi-tile kpi="roi"></promo-kpi-tile></template>
        <script type="application/json">
          { "a": 1 }
        </script>
      </promo-kpi-board>`,
    );
    await board.updateComplete;
    await frames();
    await board.updateComplete;
    expect(sr(board).querySelector('[part~="tiles"]'), 'default tiles').not.to.equal(null);
    board.append(document.createElement('promo-kpi-tile'));
    await waitUntil(() => !sr(board).querySelector('[part~="tiles"]'), 'slotted widget replaces the defaults');
  });
});

describe('Gold Standard: locale', () => {
  it('defaults to the nearest lang attribute', async () => {
    const tile = await widget('promo-kpi-tile', 'kpi="revenue"', '<div lang="vi">');
    expect(sr(tile).querySelector('[part~="label"]')!.textContent).to.equal('Doanh thu khuyến mãi');
    const board = await widget('promo-kpi-board', '', '<div lang="vi-VN">');
    expect(sr(board).textContent).to.include('Khoảng thời gian');
    // A locale set on the element wins.
    board.setAttribute('locale', 'en');
    await board.updateComplete;
    expect(sr(board).textContent).to.include('Period');
    // Removed: back to the page's language.
    board.removeAttribute('locale');
    await board.updateComplete;
    expect(sr(board).textContent).to.include('Khoảng thời gian');
  });

  it('registerLocale adds a language to every element, typed against the English strings', async () => {
    const tile = await widget('promo-kpi-tile', 'kpi="revenue" locale="fr-FR" state="loading"');
    const board = await widget('promo-kpi-board', 'locale="fr"');
    expect(sr(tile).textContent).to.include('Loading');
    registerLocale('fr', {
      ...englishStrings(),
      loading: 'Chargement…',
      'preset.last-7': '7 derniers jours',
      period: 'Période',
    });
    await tile.updateComplete;
    await board.updateComplete;
    expect(sr(tile).textContent).to.include('Chargement…');
    expect(sr(board).textContent).to.include('7 derniers jours');
    expect(sr(board).textContent).to.include('Période');
  });
});

describe('Gold Standard: invalid and removed attributes fall back to the default', () => {
  it('period="last-30" names the value, keeps last-28, and later changes still apply', async () => {
    const events: PromoConfigErrorDetail[] = [];
    const board = await fixture<El>(
      html`<promo-kpi-board
        time-zone="UTC"
        period="last-30"
        @promo-config-error=${(e: CustomEvent<PromoConfigErrorDetail>) => events.push(e.detail)}
      ></promo-kpi-board>`,
    );
    board.data = WEEK;
    await waitUntil(() => (board as unknown as { currentReport: unknown }).currentReport, 'report');
    await board.updateComplete;
    expect(events.map((e) => [e.property, e.value])).to.deep.equal([['period', 'last-30']]);
    expect(board.period).to.equal('last-28');
    const query = () => (board as unknown as { query: { from: string; to: string } }).query;
    expect(query()).to.include({ from: '2026-10-11', to: '2026-11-07' });
    const toggle = sr(board).querySelector<HTMLButtonElement>('.problems-toggle')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await board.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const list = sr(board).getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(list.hidden).to.equal(false);
    expect(list.textContent).to.include('period="last-30"');
    board.setAttribute('period', 'last-7');
    await board.updateComplete;
    expect(query()).to.include({ from: '2026-11-01', to: '2026-11-07' });
    expect(sr(board).querySelector('.problems-toggle')).to.equal(null);
    board.removeAttribute('period');
    await board.updateComplete;
    expect(board.period).to.equal('last-28');
  });

  it('bad time zone, bad JSON, unknown KPI, non-array data and rejected records are listed in the board locale', async () => {
    const board = await fixture<El>(
      html`<promo-kpi-board
        locale="vi"
        time-zone="Mars/Olympus"
        targets="{oops"
        kpis="revenue,nope"
      ></promo-kpi-board>`,
    );
    board.data = {
      ...WEEK,
      costs: 'not a list',
      orders: [...WEEK.orders, { id: 'bad', customerId: 'x', time: '2026-11-06T10:00:00Z', revenue: '12,5' }],
    };
    await waitUntil(() => (board as unknown as { currentReport: unknown }).currentReport, 'report');
    await board.updateComplete;
    const text = sr(board).querySelector('[part~="problems"]')!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.include('time-zone="Mars/Olympus"');
    expect(text).to.include('múi giờ IANA');
    expect(text).to.include('targets="{oops"');
    expect(text).to.include('Không có chỉ số “nope”');
    expect(text).to.include('“costs” trong dữ liệu không phải danh sách');
    expect(text).to.include('Đơn hàng số 4 (bad)');
    expect(sr(board).querySelector('.problems-toggle')!.textContent).to.include('Vấn đề cần kiểm tra');
  });

  it('board.data = "garbage" is named, not shown as an empty data set', async () => {
    const board = await fixture<El>(html`<promo-kpi-board></promo-kpi-board>`);
    board.data = 'garbage';
    await board.updateComplete;
    expect(sr(board).textContent).to.include('"garbage"');
    expect(sr(board).textContent).not.to.include('No orders in the data yet');
  });

  it('removing kpi or metric gives the default, never "Unknown KPI null"', async () => {
    const tile = await widget('promo-kpi-tile', 'kpi="roi"');
    tile.removeAttribute('kpi');
    await tile.updateComplete;
    expect(sr(tile).textContent).not.to.include('null');
    const chart = await widget('promo-campaign-chart', 'metric="roi"');
    chart.removeAttribute('metric');
    await chart.updateComplete;
    expect(chart.metric).to.equal('revenue');
    expect(sr(chart).textContent).not.to.include('null');
  });

  it('tile.value = "abc" is named in place of the value, with promo-config-error', async () => {
    const tile = await widget('promo-kpi-tile', 'label="Doanh thu"');
    tile.report = undefined;
    const seen = new Promise<PromoConfigErrorDetail>((r) =>
      tile.addEventListener('promo-config-error', (e) => r((e as CustomEvent<PromoConfigErrorDetail>).detail), {
        once: true,
      }),
    );
    tile.value = 'abc';
    expect(await seen).to.include({ property: 'value', value: 'abc', element: 'promo-kpi-tile' });
    await tile.updateComplete;
    expect(sr(tile).querySelector('[part~="value"]')!.textContent).to.include('value="abc"');
    tile.value = '1284500000';
    await tile.updateComplete;
    expect(sr(tile).querySelector('[part~="value"]')!.textContent).to.include('1,284,500,000');
  });
});
