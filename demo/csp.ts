/**
 * The strict-CSP page's script (bundled to csp.js): the whole kit and a small data set whose
 * names hold markup. Standalone widgets get the board's report, so every widget renders; the
 * heatmap beside the board shows its recency bars, the campaign chart its trend view.
 */
import '../src/index.js';
import type { PromoKpiBoard } from '../src/elements/kpi-board/define.js';
import type { PromoWidget } from '../src/elements/shared/widget.js';

const names = ['Tết <img src=x onerror=alert(1)>', 'Flash "><script>alert(2)</script>', 'Gift <svg onload=alert(3)>'];
const campaigns = names.map((name, i) => ({
  id: `C${i + 1}`,
  name,
  start: '2026-10-01',
  end: '2026-11-30',
  budget: 5_000_000 * (i + 1),
}));
const orders = Array.from({ length: 600 }, (_, i) => ({
  id: `o${i}`,
  customerId: `K${i % 97}`,
  time: new Date(Date.UTC(2026, 9, 1) + i * 2.4 * 3600_000).toISOString(),
  revenue: 100_000 + (i % 13) * 25_000,
  cogs: 60_000,
  campaignId: i % 4 === 3 ? null : `C${(i % 3) + 1}`,
  channel: ['web', 'store', 'app <b>'][i % 3],
}));
const costs = campaigns.map((c, i) => ({ campaignId: c.id, date: '2026-11-02', amount: 400_000 * (i + 1) }));

const board = document.getElementById('board') as PromoKpiBoard;
// Targets: the tiles draw their target bars too.
board.targets = { revenue: 200_000_000, orders: 800 };
board.data = { campaigns, orders, costs };
void board.reportComplete().then((report) => {
  for (const id of ['trend', 'heat']) {
    const w = document.getElementById(id) as PromoWidget;
    w.report = report;
    w.campaigns = campaigns.map((c) => ({ id: c.id, name: c.name }));
  }
  document.body.dataset.ready = 'true';
});
