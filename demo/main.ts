/**
 * The demo: the board on a generated year of a Vietnamese retailer, with switches for the
 * language, dark mode, a white-label brand theme (CSS only: src/theme/brand-example.css) and
 * a live stream of new orders. The period and filters are kept in the page's URL.
 */
import '../src/index.js';
import './custom-widget.js';
// The white-label example theme: CSS custom properties only.
import '../src/theme/brand-example.css';
import { queryFromParams, queryToParams, type PromoKpiBoard } from '../src/elements/kpi-board/define.js';
import { createDemoAdapter } from './live.js';

const board = document.querySelector<PromoKpiBoard>('#board')!;
const mini = document.querySelector<PromoKpiBoard>('#mini')!;
const $ = (id: string) => document.getElementById(id) as HTMLInputElement;

const demo = createDemoAdapter();

// Query from the URL (a shared link opens the same view).
const fromUrl = queryFromParams(new URLSearchParams(location.search));
if (fromUrl.from && fromUrl.to) {
  board.from = fromUrl.from;
  board.to = fromUrl.to;
}
if (fromUrl.campaignIds) board.campaigns = fromUrl.campaignIds;
if (fromUrl.channels) board.channels = fromUrl.channels;
if (fromUrl.compare) board.compare = fromUrl.compare;
if (fromUrl.filters) board.filters = fromUrl.filters;
if (fromUrl.recencyBounds) board.recencyBounds = fromUrl.recencyBounds;
board.adapter = demo.adapter;
mini.adapter = demo.adapter;

// Keep the query in the URL, and the mini board on the same query.
board.addEventListener('promo-query-change', (e) => {
  const { query } = e.detail;
  history.replaceState(null, '', `?${queryToParams(query)}${location.hash}`);
  syncMini();
});
function syncMini(): void {
  const q = board.query;
  mini.from = q.from;
  mini.to = q.to;
  mini.campaigns = q.campaignIds ?? [];
  mini.channels = q.channels ?? [];
  mini.compare = q.compare ?? 'previous';
  mini.filters = q.filters ?? {};
}
board.addEventListener('promo-query-change', syncMini);
void board.reportComplete().then(syncMini);

const TEXT = {
  en: {
    title: 'Hoa Sen Mart · promotions',
    extra: 'A widget written outside the kit',
    foot: 'Seeded demo data (demo/generate.ts): two years of a retail chain, 16 stores in 5 regions, about 200 thousand orders.',
    lang: 'Tiếng Việt',
    dark: 'Dark',
    brand: 'Brand theme',
    live: 'Live orders',
  },
  vi: {
    title: 'Siêu thị Hoa Sen · khuyến mãi',
    extra: 'Tiện ích tự viết, ngoài bộ kit',
    foot: 'Dữ liệu mẫu sinh ngẫu nhiên có hạt giống (demo/generate.ts): hai năm của một chuỗi bán lẻ, 16 cửa hàng ở 5 khu vực, khoảng 200 nghìn đơn.',
    lang: 'English',
    dark: 'Tối',
    brand: 'Giao diện thương hiệu',
    live: 'Đơn hàng trực tiếp',
  },
};

function apply(): void {
  const locale = $('lang-en').checked ? 'en' : 'vi';
  const dark = $('dark').checked;
  const brand = $('brand').checked;
  const t = TEXT[locale];
  document.documentElement.lang = locale;
  document.documentElement.classList.toggle('dark', dark);
  document.documentElement.classList.toggle('brand', brand);
  document.documentElement.classList.toggle('brand-lotus', brand);
  for (const b of [board, mini]) {
    b.locale = locale;
    b.theme = dark ? 'dark' : 'light';
  }
  document.getElementById('title')!.textContent = t.title;
  document.getElementById('extra-title')!.textContent = t.extra;
  document.getElementById('foot')!.textContent = t.foot;
  document.getElementById('lang-label')!.textContent = locale === 'vi' ? 'English' : 'English';
  document.getElementById('dark-label')!.textContent = t.dark;
  document.getElementById('brand-label')!.textContent = t.brand;
  document.getElementById('live-label')!.textContent = t.live;
  demo.setLive($('live').checked);
}

const params = new URLSearchParams(location.search);
$('lang-en').checked = params.get('lang') === 'en';
$('dark').checked = params.get('theme') === 'dark';
$('brand').checked = params.has('brand');
$('live').checked = params.has('live');
for (const id of ['lang-en', 'dark', 'brand', 'live']) $(id).addEventListener('change', apply);
apply();
