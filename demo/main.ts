import '../src/index.js';

// A few seeded orders summed in the page, so the tiles show computed numbers.
let seed = 42;
const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
const orders = Array.from({ length: 500 }, () => ({ revenue: Math.round(50_000 + rand() * 950_000) }));
const revenue = orders.reduce((s, o) => s + o.revenue, 0);

const tiles = document.getElementById('tiles')!;
for (const [label, value, unit] of [
  ['Doanh thu khuyến mãi', revenue, 'currency'],
  ['Số đơn hàng', orders.length, 'count'],
  ['Giá trị đơn trung bình', revenue / orders.length, 'currency'],
] as const) {
  const tile = document.createElement('promo-kpi-tile');
  tile.label = label;
  tile.value = value;
  tile.unit = unit;
  tile.locale = 'vi';
  tile.currency = 'VND';
  tiles.append(tile);
}
