/**
 * The adapters in Chromium, against the real local test server (see test/server): fetch
 * with CORS and an Authorization header, CSV decoding of a vi-VN export, SSE over fetch
 * and the browser's own WebSocket.
 */
import { expect } from '@open-wc/testing';
import {
  AdapterError,
  DataSource,
  createAdapter,
  sseAdapter,
  webSocketAdapter,
  type LiveStatus,
} from '../../src/adapters/index.js';
import type { Dataset } from '../../src/data/columns.js';

const { url, wsUrl } = (await (await fetch('/__adapter-test-server')).json()) as { url: string; wsUrl: string };

const revenueOf = (ds: Dataset) => {
  let s = 0;
  for (let r = 0; r < ds.orders.length; r++) s += ds.orders.revenue[r]!;
  return s;
};

describe('adapters in the browser', () => {
  it('json: loads with an auth header hook (CORS preflight), typed errors otherwise', async () => {
    const src = new DataSource(
      createAdapter('json', { src: `${url}/auth.json`, headers: () => ({ Authorization: 'Bearer secret-token' }) }),
      { timeZone: 'Asia/Ho_Chi_Minh' },
    );
    const ds = await src.load();
    expect(src.error).to.equal(null);
    expect(revenueOf(ds!)).to.equal(430.5);
    const bad = new DataSource(createAdapter('json', { src: `${url}/auth.json` }));
    expect(await bad.load()).to.equal(null);
    expect(bad.error).to.be.instanceOf(AdapterError);
    expect(bad.error!.kind).to.equal('http');
    expect(bad.error!.message).to.match(/HTTP 401.*access token/);
    const slow = new DataSource(createAdapter('json', { src: `${url}/slow.json?ms=3000`, timeout: '100' }));
    await slow.load();
    expect(slow.error!.kind).to.equal('timeout');
    const malformed = new DataSource(createAdapter('json', { src: `${url}/bad.json` }));
    await malformed.load();
    expect(malformed.error!.kind).to.equal('parse');
  });

  it('csv: a vi-VN export from attributes (src, columns as JSON text)', async () => {
    const src = new DataSource(
      createAdapter('csv', {
        src: `${url}/vi-orders.csv`,
        columns: JSON.stringify({
          orders: { id: 'Mã đơn', customerId: 'Mã khách', time: 'Thời gian', revenue: 'Doanh thu', channel: 'Kênh' },
        }),
      }),
      { timeZone: 'Asia/Ho_Chi_Minh' },
    );
    const ds = (await src.load())!;
    expect([...ds.orders.revenue.subarray(0, ds.orders.length)]).to.deep.equal([1234.5, 250000, 12.5]);
    expect(ds.channels.value(ds.orders.channel[0]!)).to.equal('Cửa hàng; Quận 1');
    expect(ds.issues.map((i) => i.message)).to.deep.equal(['orders[3].revenue: expected a number >= 0, got "abc"']);
  });

  it('csv: a POS export with store, region and category columns mapped by the pair string', async () => {
    const src = new DataSource(
      createAdapter('csv', {
        src: `${url}/pos-orders.csv`,
        columns:
          'orders.id=Số HĐ; orders.customerId=Mã KH; orders.time=Thời gian; orders.revenue=Doanh thu; ' +
          'orders.channel=Kênh; orders.attributes.store=Cửa hàng; orders.attributes.region=Khu vực; ' +
          'orders.attributes.category=Ngành hàng',
      }),
      { timeZone: 'Asia/Ho_Chi_Minh' },
    );
    const ds = (await src.load())!;
    expect(ds.issues).to.deep.equal([]);
    const a = ds.attributes!;
    const value = (name: string, row: number) => {
      const k = a.names.indexOf(name);
      const code = a.codes[k]![row] ?? 0;
      return code > 0 ? a.values[k]!.value(code - 1) : undefined;
    };
    expect([0, 1, 2, 3].map((r) => value('store', r))).to.deep.equal(['Q1-01', undefined, 'HN-02', undefined]);
    expect([0, 1, 2, 3].map((r) => value('category', r))).to.deep.equal(['FMCG', 'Fresh', 'Beauty; Care', undefined]);
  });

  async function follow(adapter: ReturnType<typeof sseAdapter>, ms: number) {
    const statuses: LiveStatus[] = [];
    const src = new DataSource(adapter, { onChange: (s) => s.live && statuses.push(s.live) });
    await src.start({ timeZone: 'UTC' });
    await new Promise((r) => setTimeout(r, ms));
    src.close();
    return { ds: src.dataset!, statuses };
  }

  it('sse: live appends across dropped connections, each order once', async () => {
    const { ds, statuses } = await follow(
      sseAdapter({ url: `${url}/sse?drop=4`, retry: { initialMs: 20, maxMs: 50 } }),
      1500,
    );
    expect(ds.orders.length).to.equal(6);
    expect(revenueOf(ds)).to.equal(60);
    expect(statuses).to.include('reconnecting');
  });

  it('sse: costs and exposures replayed under the same event id count once', async () => {
    const base = createAdapter('inline', {
      data: { campaigns: [{ id: 'C1', name: 'Tết', start: '2025-01-20', end: '2025-02-10' }] },
    });
    const { ds, statuses } = await follow(
      sseAdapter({ url: `${url}/sse-records`, base, retry: { initialMs: 20, maxMs: 50 } }),
      800,
    );
    expect(statuses).to.include('reconnecting');
    expect([...ds.costs.amount.subarray(0, ds.costs.length)]).to.deep.equal([100, 50]);
    expect([...ds.exposures.impressions.subarray(0, ds.exposures.length)]).to.deep.equal([1000, 500]);
  });

  it('websocket: the browser WebSocket, reconnects, replays skipped', async () => {
    await fetch(`${url}/status/200`); // keep-alive
    const { ds, statuses } = await follow(
      webSocketAdapter({ url: `${wsUrl}/ws?drop=4`, retry: { initialMs: 20, maxMs: 50 } }),
      1500,
    );
    expect(ds.orders.length).to.equal(6);
    expect(statuses).to.include('reconnecting');
  });
});
