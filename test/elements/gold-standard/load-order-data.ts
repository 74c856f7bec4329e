/** A week of orders for the load-order tests: two orders of campaign C1 (promotion revenue 150), one without a campaign. */
export const WEEK = {
  campaigns: [{ id: 'C1', name: 'Tết Sale', start: '2026-11-01', end: '2026-11-30', budget: 1000 }],
  orders: [
    { id: 'o1', customerId: 'a', time: '2026-11-05T10:00:00Z', revenue: 100, campaignId: 'C1', channel: 'web' },
    { id: 'o2', customerId: 'b', time: '2026-11-06T10:00:00Z', revenue: 200, channel: 'store' },
    { id: 'o3', customerId: 'a', time: '2026-11-07T10:00:00Z', revenue: 50, campaignId: 'C1', channel: 'store' },
  ],
};

/** Board markup with one static tile, as a page would have it before any script runs. */
export const STATIC_BOARD = `<promo-kpi-board layout="custom" time-zone="UTC" from="2026-11-01" to="2026-11-07" currency="VND" locale="vi">
  <promo-kpi-tile kpi="revenue"></promo-kpi-tile>
</promo-kpi-board>`;

/** Waits until the tile shows a value (not the empty or loading state); returns its text. */
export async function tileValue(tile: Element, timeout = 5000): Promise<string> {
  const start = performance.now();
  for (;;) {
    const v = tile.shadowRoot?.querySelector('[part~="value"]')?.textContent?.trim();
    if (v && v !== '—') return v;
    if (performance.now() - start > timeout)
      throw new Error(`no value in the tile: ${tile.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
