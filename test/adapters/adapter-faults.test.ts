/**
 * Adapter faults against real local servers (test/server plus a few extra fault routes
 * here): timeouts, 4xx and 5xx, malformed JSON, truncated CSV, a body cut mid-transfer, a
 * stream that drops and reconnects with duplicated deliveries. Every fault gives an error
 * state, the last good data stays, a retry recovers, and nothing is counted twice.
 */
import { after, before, describe, test } from 'node:test';
import { getEventListeners } from 'node:events';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import { startTestServer, type TestServer } from './test-server.mjs';
import { DataSource, type DataSourceState } from '../../src/adapters/source.js';
import { jsonAdapter } from '../../src/adapters/json.js';
import { csvAdapter } from '../../src/adapters/csv.js';
import { sseAdapter, webSocketAdapter, type WebSocketConstructor } from '../../src/adapters/live.js';
import { pollingAdapter } from '../../src/adapters/polling.js';
import type { Adapter } from '../../src/adapters/adapter.js';
import { computeReport } from '../../src/engine/report.js';
import type { Dataset } from '../../src/data/columns.js';

let server: TestServer;
let extra: Server;
let extraUrl = '';
/** What the extra server answers next on /switch.json (a test flips it). */
let switchMode: 'good' | 'cut' | 'hang' | 'truncated-csv' | '500' | 'good-csv' = 'good';

const GOOD = {
  campaigns: [{ id: 'C1', name: 'Tết', start: '2025-01-01', end: '2025-01-31' }],
  orders: [
    { id: 'A1', customerId: 'K1', time: '2025-01-05T10:00:00Z', revenue: 100, campaignId: 'C1' },
    { id: 'A2', customerId: 'K2', time: '2025-01-06T10:00:00Z', revenue: 50, campaignId: 'C1' },
  ],
};
const CSV_HEAD = 'id,customerId,time,revenue,campaignId\n';
const CSV_GOOD = `${CSV_HEAD}A1,K1,2025-01-05T10:00:00Z,100,C1\nA2,K2,2025-01-06T10:00:00Z,50,C1\n`;

before(async () => {
  server = await startTestServer();
  extra = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/switch.json' || url.pathname === '/switch.csv') {
      const body = url.pathname.endsWith('.csv') ? CSV_GOOD : JSON.stringify(GOOD);
      switch (switchMode) {
        case 'good':
        case 'good-csv':
          res.writeHead(200, { 'content-type': 'application/json' });
          return res.end(body);
        case '500':
          res.writeHead(500, { 'content-type': 'text/plain' });
          return res.end('down');
        case 'hang':
          return; // never answers
        case 'cut':
          // Announces the whole body, sends half of it, then drops the connection.
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
          res.write(body.slice(0, body.length >> 1));
          return setTimeout(() => res.destroy(), 20);
        case 'truncated-csv':
          // A complete header and row, then a row cut off in the middle (the file ends early).
          res.writeHead(200, { 'content-type': 'text/csv' });
          return res.end(`${CSV_HEAD}A3,K3,2025-01-07T10:00:00Z,70,C1\nA4,K4,2025-01-0`);
      }
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((r) => extra.listen(0, '127.0.0.1', r));
  extraUrl = `http://127.0.0.1:${(extra.address() as AddressInfo).port}`;
});

after(async () => {
  extra.closeAllConnections();
  await new Promise((r) => extra.close(r));
  await server.close();
});

const REPORT = { from: '2025-01-01', to: '2025-03-31', timeZone: 'UTC' };

/** Valid orders held and their revenue (attributed or not), as the report's daily allRevenue agrees. */
function totals(ds: Dataset | null): { orders: number | null; revenue: number | null } {
  if (!ds) return { orders: null, revenue: null };
  let revenue = 0;
  for (let i = 0; i < ds.orders.length; i++) revenue += ds.orders.revenue[i]!;
  const r = computeReport(ds, REPORT);
  assert.equal(
    r.daily.reduce((s, d) => s + d.allRevenue, 0),
    revenue,
    'the report agrees with the rows',
  );
  return { orders: ds.orders.length, revenue };
}

/** A source over `adapter` that records every state it goes through. */
function source(adapter: Adapter): { src: DataSource; states: DataSourceState[] } {
  const states: DataSourceState[] = [];
  const src = new DataSource(adapter, { timeZone: 'UTC', onChange: (s) => states.push(s) });
  return { src, states };
}

describe('one-shot loads: an error state, the last good data kept, a retry recovers', () => {
  const faults: [string, () => Adapter, string, number?][] = [
    ['timeout', () => jsonAdapter({ src: `${extraUrl}/switch.json`, timeoutMs: 150 }), 'timeout'],
    ['HTTP 404', () => jsonAdapter({ src: `${server.url}/status/404` }), 'http', 404],
    ['HTTP 401', () => jsonAdapter({ src: `${server.url}/status/401` }), 'http', 401],
    ['HTTP 500', () => jsonAdapter({ src: `${server.url}/status/500` }), 'http', 500],
    ['HTTP 503', () => jsonAdapter({ src: `${server.url}/status/503` }), 'http', 503],
    ['malformed JSON', () => jsonAdapter({ src: `${server.url}/bad.json` }), 'parse'],
    ['CSV with an unterminated quote', () => csvAdapter({ src: `${server.url}/bad.csv` }), 'parse'],
  ];
  for (const [name, make, kind, status] of faults) {
    test(name, async () => {
      switchMode = 'good';
      // First a good load through a healthy adapter...
      const good = jsonAdapter({ src: `${extraUrl}/switch.json` });
      let active: Adapter = good;
      const adapter: Adapter = { load: (q, c) => active.load(q, c), describe: () => active.describe!() };
      const { src, states } = source(adapter);
      const first = await src.load({ timeZone: 'UTC' });
      assert.deepEqual(totals(first), { orders: 2, revenue: 150 });
      // ...then the fault.
      if (name === 'timeout') switchMode = 'hang';
      active = make();
      const t0 = Date.now();
      const kept = await src.load({ timeZone: 'UTC' });
      assert.equal(kept, first, 'the last good dataset is kept');
      assert.equal(src.error?.kind, kind, src.error?.message);
      if (status) assert.equal(src.error?.status, status);
      assert.ok(src.error!.message.length > 10);
      assert.equal(src.state.loading, false);
      if (name === 'timeout') assert.ok(Date.now() - t0 < 2000, 'the timeout fired');
      assert.deepEqual(totals(src.dataset), { orders: 2, revenue: 150 }, 'the numbers did not change');
      assert.ok(
        states.some((s) => s.loading && s.dataset === first),
        'loading kept the data',
      );
      // Retry: the source is healthy again.
      switchMode = 'good';
      active = good;
      await src.load({ timeZone: 'UTC' });
      assert.equal(src.error, null);
      assert.deepEqual(totals(src.dataset), { orders: 2, revenue: 150 }, 'nothing counted twice');
      src.close();
    });
  }

  test('a body cut mid-transfer is an error, not a partial dataset', async () => {
    switchMode = 'good';
    const { src } = source(jsonAdapter({ src: `${extraUrl}/switch.json` }));
    const first = await src.load({});
    switchMode = 'cut';
    await src.load({});
    assert.ok(src.error, 'an error');
    assert.ok(['network', 'parse'].includes(src.error!.kind), src.error!.kind);
    assert.equal(src.dataset, first);
    src.close();
  });

  test('a truncated CSV: the complete rows load, the cut row is reported, nothing made up', async () => {
    switchMode = 'truncated-csv';
    const { src } = source(csvAdapter({ src: `${extraUrl}/switch.csv` }));
    const ds = await src.load({ timeZone: 'UTC' });
    assert.equal(src.error, null);
    assert.deepEqual(totals(ds), { orders: 1, revenue: 70 });
    // The cut row A4 is reported (its time is cut, its revenue missing), the whole row left out.
    const cut = ds!.issues.filter((i) => i.collection === 'orders' && i.id === 'A4');
    assert.deepEqual(new Set(cut.map((i) => i.path)), new Set(['time', 'revenue']), JSON.stringify(ds!.issues));
    assert.match(cut.find((i) => i.path === 'time')!.message, /got "2025-01-0"/);
    src.close();
  });
});

describe('polling', () => {
  test('a failing poll reports an error and keeps the last good snapshot', async () => {
    server.reset();
    const { src, states } = source(
      pollingAdapter(jsonAdapter({ src: `${server.url}/flaky.json` }), { intervalMs: 100 }),
    );
    await src.start({ timeZone: 'UTC' });
    // flaky: 1st ok (1 order), 2nd 503, 3rd ok (3 orders), 4th 503, ...
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && !(states.some((s) => s.error?.status === 503) && totals(src.dataset).orders === 3))
      await new Promise((r) => setTimeout(r, 20));
    src.close();
    const failed = states.filter((s) => s.error?.status === 503);
    assert.ok(failed.length >= 1, 'a 503 was reported');
    for (const s of failed) assert.ok(s.dataset, 'data kept during the failure');
    assert.equal(totals(src.dataset).orders, 3);
  });
});

describe('listeners', () => {
  test('polling does not pile up abort listeners on the subscription signal', async () => {
    let loads = 0;
    const inner: Adapter = { load: async () => (loads++, GOOD) };
    const controller = new AbortController();
    pollingAdapter(inner, { intervalMs: 100 }).subscribe!(() => undefined, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 1250));
    const listening = getEventListeners(controller.signal, 'abort').length;
    controller.abort();
    assert.ok(loads >= 8, `${loads} polls`);
    assert.ok(listening <= 2, `${listening} abort listeners after ${loads} polls`);
  });
});

async function waitFor(check: () => boolean, ms = 8000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('live streams that drop, reconnect and deliver twice', () => {
  test('SSE: reconnects with Last-Event-ID; six orders sent twice each are counted once', async () => {
    const { src, states } = source(
      sseAdapter({ url: `${server.url}/sse?drop=4`, retry: { initialMs: 20, maxMs: 50 } }),
    );
    await src.start({ timeZone: 'UTC' });
    await waitFor(() => totals(src.dataset).orders === 6 && states.filter((s) => s.live === 'open').length >= 3);
    await new Promise((r) => setTimeout(r, 150)); // any late repeat would land now
    src.close();
    assert.deepEqual(totals(src.dataset), { orders: 6, revenue: 60 });
    assert.ok(
      states.some((s) => s.live === 'reconnecting'),
      'it reconnected',
    );
    assert.ok(
      states.some((s) => s.error?.kind === 'stream'),
      'the drop was reported',
    );
    const dupes = src.dataset!.issues.filter((i) => /duplicate|already/i.test(i.message));
    assert.ok(dupes.length >= 6, `repeats reported: ${dupes.length}`);
  });

  test('SSE: a 500 answer is an http error and the stream retries', async () => {
    const { src, states } = source(
      sseAdapter({ url: `${server.url}/sse-status`, retry: { initialMs: 10, maxMs: 20, maxAttempts: 2 } }),
    );
    await src.start({ timeZone: 'UTC' });
    await waitFor(() => states.some((s) => s.live === 'closed'));
    src.close();
    assert.ok(states.filter((s) => s.error?.status === 500).length >= 2, 'each attempt reported');
    assert.match(states.at(-1)!.error?.message ?? src.error?.message ?? '', /gave up|500/);
  });

  test('WebSocket: drops, reconnects, replays and sends junk; every order counted once', async () => {
    server.reset();
    const { src, states } = source(
      webSocketAdapter({
        url: `${server.wsUrl}/ws?drop=4`,
        WebSocket: WebSocket as unknown as WebSocketConstructor,
        retry: { initialMs: 20, maxMs: 50 },
      }),
    );
    await src.start({ timeZone: 'UTC' });
    await waitFor(() => totals(src.dataset).orders === 6);
    await new Promise((r) => setTimeout(r, 150));
    src.close();
    assert.deepEqual(totals(src.dataset), { orders: 6, revenue: 60 });
    assert.ok(
      states.some((s) => s.error?.kind === 'stream' && /not JSON/.test(s.error.message)),
      'junk reported',
    );
    assert.ok(states.some((s) => s.live === 'reconnecting'));
  });

  test('appending the same delivery twice by hand counts it once', () => {
    const { src } = source({ load: async () => GOOD });
    src.apply({ type: 'replace', data: GOOD }, { timeZone: 'UTC' });
    const delivery = { orders: [{ id: 'A9', customerId: 'K9', time: '2025-01-09T00:00:00Z', revenue: 9 }] };
    src.apply({ type: 'append', records: delivery });
    src.apply({ type: 'append', records: delivery });
    assert.deepEqual(totals(src.dataset), { orders: 3, revenue: 159 });
  });
});
