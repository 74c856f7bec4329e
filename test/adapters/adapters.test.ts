import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import { startTestServer, type TestServer } from './test-server.mjs';
import {
  AdapterError,
  DataSource,
  adapterNames,
  createAdapter,
  csvAdapter,
  inlineAdapter,
  jsonAdapter,
  pollingAdapter,
  registerAdapter,
  sseAdapter,
  webSocketAdapter,
  type AdapterUpdate,
  type LiveStatus,
  type WebSocketConstructor,
} from '../../src/adapters/index.js';
import { isDataset, type LiveDataset } from '../../src/data/dataset.js';
import type { Dataset } from '../../src/data/columns.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(async () => {
  await server.close();
});

async function rejects(p: Promise<unknown>, kind: string, message: RegExp): Promise<AdapterError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof AdapterError, `an AdapterError, got ${String(e)}`);
    assert.equal(e.kind, kind, e.message);
    assert.match(e.message, message);
    return e;
  }
  assert.fail('expected a rejection');
}

const revenueOf = (ds: Dataset) => {
  let s = 0;
  for (let r = 0; r < ds.orders.length; r++) s += ds.orders.revenue[r]!;
  return s;
};

test('registry: built-ins by name, user adapters, unknown names explained', async () => {
  assert.deepEqual(
    ['csv', 'inline', 'json', 'polling', 'sse', 'websocket'].filter((n) => adapterNames().includes(n)),
    ['csv', 'inline', 'json', 'polling', 'sse', 'websocket'],
  );
  registerAdapter('two-orders', () => ({
    async load() {
      return { orders: [{ id: 'a', customerId: 'K', time: '2025-01-01T00:00:00Z', revenue: 2 }] };
    },
  }));
  const src = new DataSource(createAdapter('two-orders'));
  const ds = await src.load({ timeZone: 'UTC' });
  assert.equal(ds!.orders.length, 1);
  assert.throws(
    () => createAdapter('nope'),
    (e: unknown) =>
      e instanceof AdapterError && e.kind === 'config' && /No adapter named "nope"; registered: .*csv/.test(e.message),
  );
  assert.throws(() => registerAdapter('Bad Name', () => inlineAdapter()), /lower-case/);
});

test('inline: the data property is what loads; aborted signal rejects', async () => {
  const a = inlineAdapter({ data: { orders: [{ id: 'a', customerId: 'K', time: Date.UTC(2025, 0, 1), revenue: 5 }] } });
  const src = new DataSource(a);
  assert.equal(revenueOf((await src.load())!), 5);
  a.data = { orders: [] };
  assert.equal((await src.load())!.orders.length, 0);
  const c = new AbortController();
  c.abort();
  await rejects(a.load({}, { signal: c.signal }), 'aborted', /cancelled/);
});

test('json: one document, one URL per collection, headers hook for auth', async () => {
  const one = await jsonAdapter({ src: `${server.url}/data.json` }).load({}, {});
  assert.equal((one as { orders: unknown[] }).orders.length, 3);
  const per = await jsonAdapter({
    sources: { campaigns: `${server.url}/campaigns.json`, orders: `${server.url}/orders.json` },
  }).load({}, {});
  assert.deepEqual(Object.keys(per).sort(), ['campaigns', 'orders']);
  let calls = 0;
  const auth = jsonAdapter({
    src: `${server.url}/auth.json`,
    headers: async () => {
      calls++;
      return { Authorization: 'Bearer secret-token' };
    },
  });
  const src = new DataSource(auth, { timeZone: 'Asia/Ho_Chi_Minh' });
  const ds = await src.load();
  assert.equal(calls, 1);
  assert.equal(src.error, null);
  assert.equal(revenueOf(ds!), 430.5);
  assert.equal(ds!.campaigns.length, 2);
});

test('json faults: http status, network, malformed JSON, timeout, each typed and actionable', async () => {
  const e401 = await rejects(
    jsonAdapter({ src: `${server.url}/auth.json` }).load({}, {}),
    'http',
    /HTTP 401.*access token/,
  );
  assert.equal(e401.status, 401);
  await rejects(jsonAdapter({ src: `${server.url}/status/404` }).load({}, {}), 'http', /HTTP 404.*check the URL/);
  await rejects(jsonAdapter({ src: `${server.url}/status/500` }).load({}, {}), 'http', /HTTP 500.*try again later/);
  await rejects(jsonAdapter({ src: `${server.url}/bad.json` }).load({}, {}), 'parse', /did not return valid JSON/);
  await rejects(jsonAdapter({ src: 'http://127.0.0.1:1/x.json' }).load({}, {}), 'network', /could not be reached/);
  await rejects(
    jsonAdapter({ src: `${server.url}/slow.json?ms=3000`, timeoutMs: 100 }).load({}, {}),
    'timeout',
    /did not answer in time/,
  );
  await rejects(jsonAdapter({ src: `${server.url}/campaigns.json` }).load({}, {}), 'parse', /returned a list/);
  await rejects(jsonAdapter({}).load({}, {}), 'config', /needs src/);
});

test('json: a new query aborts the old one; the source keeps the last good dataset on failure', async () => {
  const a = jsonAdapter({ src: `${server.url}/slow.json?ms=300` });
  const first = a.load({ from: '2025-01-01' }, {});
  const second = a.load({ from: '2025-02-01' }, {});
  await rejects(first, 'aborted', /newer query/);
  assert.equal(((await second) as { orders: unknown[] }).orders.length, 3);

  const states: string[] = [];
  let url = `${server.url}/data.json`;
  const src = new DataSource(
    { load: (q, c) => jsonAdapter({ src: url }).load(q, c) },
    { onChange: (s) => states.push(`${s.loading ? 'loading' : 'idle'}:${s.error?.kind ?? '-'}`) },
  );
  const good = await src.load();
  url = `${server.url}/status/503`;
  const after = await src.load();
  assert.equal(after, good, 'the last good dataset is kept');
  assert.equal(src.error?.kind, 'http');
  assert.equal(src.error?.status, 503);
  assert.deepEqual(states, ['loading:-', 'idle:-', 'loading:-', 'idle:http']);
  // DataSource: a newer load supersedes one in flight without reporting an error.
  url = `${server.url}/slow.json?ms=200`;
  const p1 = src.load();
  url = `${server.url}/data.json`;
  const p2 = src.load();
  await Promise.all([p1, p2]);
  assert.equal(src.error, null);
});

test('csv: canonical headers from a server; campaigns with targets; faults typed', async () => {
  const a = csvAdapter({
    sources: { orders: `${server.url}/orders.csv`, campaigns: `${server.url}/campaigns.csv` },
  });
  const ds = (await a.load({ timeZone: 'Asia/Ho_Chi_Minh' }, {})) as LiveDataset;
  assert.ok(isDataset(ds));
  assert.deepEqual(ds.issues, []);
  assert.equal(revenueOf(ds), 430.5);
  assert.deepEqual(ds.campaigns[0]!.targets, { roi: 2 });
  assert.equal(ds.campaigns[1]!.budget, null);
  assert.deepEqual([...ds.orders.campaign.subarray(0, 3)], [0, 0, 1]);
  await rejects(
    csvAdapter({ src: `${server.url}/bad.csv` }).load({}, {}),
    'parse',
    /line 2: a quoted field is never closed/,
  );
  await rejects(csvAdapter({ src: `${server.url}/status/403` }).load({}, {}), 'http', /HTTP 403/);
  await rejects(
    csvAdapter({ src: `${server.url}/campaigns.csv` }).load({}, {}),
    'parse',
    /has no column for customerId, time, revenue; its headers are "id", "name"/,
  );
});

test('csv: a vi-VN export with BOM, ";", Vietnamese headers mapped, decimal comma and quotes', async () => {
  const a = createAdapter('csv', {
    src: `${server.url}/vi-orders.csv`,
    columns: JSON.stringify({
      orders: {
        id: 'Mã đơn',
        customerId: 'Mã khách',
        time: 'Thời gian',
        revenue: 'Doanh thu',
        discount: 'Giảm giá',
        campaignId: 'Chiến dịch',
        channel: 'Kênh',
      },
    }),
    text: { campaigns: 'id,name,start,end\nC1,Tết,2025-01-20,2025-02-10' },
  });
  const ds = (await a.load({ timeZone: 'Asia/Ho_Chi_Minh' }, {})) as LiveDataset;
  assert.equal(ds.orders.length, 3);
  assert.deepEqual([...ds.orders.revenue.subarray(0, 3)], [1234.5, 250000, 12.5]);
  assert.deepEqual([...ds.orders.discount.subarray(0, 3)], [100, 0, 0]);
  assert.deepEqual(
    [...ds.orders.channel.subarray(0, 3)].map((c) => ds.channels.value(c)),
    ['Cửa hàng; Quận 1', 'web', 'app "mới"'],
  );
  assert.equal(ds.orders.time[0], Date.UTC(2025, 0, 25, 3), 'wall clock read in the report zone');
  assert.equal(ds.customers.value(ds.orders.customer[0]!), 'KH001');
  assert.deepEqual(
    ds.issues.map((i) => i.message),
    ['orders[3].revenue: expected a number >= 0, got "abc"'],
  );
});

test('polling: fresh snapshots at an interval; a failed poll keeps the last good data', async () => {
  server.reset();
  const updates: number[] = [];
  const errors: string[] = [];
  const src = new DataSource(pollingAdapter(jsonAdapter({ src: `${server.url}/flaky.json` }), { intervalMs: 100 }), {
    onChange: (s) => {
      if (s.error && !errors.includes(s.error.message)) errors.push(s.error.message);
      if (s.dataset && updates.at(-1) !== s.dataset.orders.length) updates.push(s.dataset.orders.length);
    },
  });
  await src.start();
  await new Promise((r) => setTimeout(r, 450));
  src.close();
  // Requests: 1 ok (1 order), 2 503, 3 ok (3 orders), 4 503 ...
  assert.deepEqual(updates.slice(0, 2), [1, 3]);
  assert.ok(
    errors.some((m) => /HTTP 503/.test(m)),
    errors.join('|'),
  );
  assert.equal(src.dataset!.orders.length, 3);
});

function collect(adapter: ReturnType<typeof sseAdapter>, ms: number) {
  return new Promise<{ ds: Dataset; statuses: LiveStatus[]; errors: AdapterError[] }>((resolve) => {
    const statuses: LiveStatus[] = [];
    const errors: AdapterError[] = [];
    const src = new DataSource(adapter, {
      onChange: (s) => {
        if (s.live && statuses.at(-1) !== s.live) statuses.push(s.live);
        if (s.error && errors.at(-1) !== s.error) errors.push(s.error);
      },
    });
    void src.start({ timeZone: 'UTC' });
    setTimeout(() => {
      src.close();
      resolve({ ds: src.dataset!, statuses, errors });
    }, ms);
  });
}

test('sse: appends records, reconnects after drops (Last-Event-ID), duplicates never counted twice', async () => {
  const base = inlineAdapter({
    data: { orders: [{ id: 'O-1', customerId: 'K1', time: Date.UTC(2025, 0, 1, 0, 1), revenue: 10 }] },
  });
  const { ds, statuses, errors } = await collect(
    sseAdapter({ url: `${server.url}/sse?drop=4`, base, retry: { initialMs: 20, maxMs: 50 } }),
    1200,
  );
  // O-1..O-6 each sent twice, O-1 also in the snapshot: six orders.
  assert.equal(ds.orders.length, 6);
  assert.equal(revenueOf(ds), 60);
  assert.ok(statuses.includes('reconnecting') && statuses.includes('open'), statuses.join(','));
  assert.ok(errors.some((e) => e.kind === 'stream' && /dropped|closed by the server/.test(e.message)));
  // Each order's second delivery, and O-1 once more (it was in the snapshot), reported as repeats.
  const dupes = ds.issues.filter((i) => /duplicate order id/.test(i.message));
  assert.equal(dupes.length, 7);
});

test('sse: costs and exposures (no id of their own) replayed under the same id: counted once', async () => {
  const base = inlineAdapter({
    data: { campaigns: [{ id: 'C1', name: 'Tết', start: '2025-01-20', end: '2025-02-10' }] },
  });
  const { ds, statuses } = await collect(
    sseAdapter({ url: `${server.url}/sse-records`, base, retry: { initialMs: 20, maxMs: 50 } }),
    700,
  );
  assert.ok(statuses.includes('reconnecting'), statuses.join(','));
  const sum = (col: Float64Array, n: number) => col.subarray(0, n).reduce((a, b) => a + b, 0);
  // r1 twice on one connection and r2 again after the reconnect are skipped by their SSE id:
  // costs r1 (100) and r3 (50); exposures of the event without id (1000) and r2 (500).
  assert.deepEqual([...ds.costs.amount.subarray(0, ds.costs.length)], [100, 50]);
  assert.equal(ds.exposures.length, 2);
  assert.equal(sum(ds.exposures.impressions, ds.exposures.length), 1500);
  assert.equal(sum(ds.exposures.clicks, ds.exposures.length), 14);
  assert.deepEqual(ds.issues, []);
});

test('sse: an event without id: after one with an id is its own event, not a repeat of the earlier id', async () => {
  const seen: AdapterUpdate[] = [];
  const stream = [
    'id: a1',
    'data: {"costs":[{"campaignId":"C1","date":"2025-01-25","amount":7}]}',
    '',
    'data: {"costs":[{"campaignId":"C1","date":"2025-01-25","amount":7}]}',
    '',
    'id: a1',
    'data: {"costs":[{"campaignId":"C1","date":"2025-01-25","amount":7}]}',
    '',
    '',
  ].join('\n');
  const requests: (string | null)[] = [];
  const fake: typeof fetch = async (_url, init) => {
    requests.push(new Headers(init?.headers).get('last-event-id'));
    if (requests.length > 1) return new Promise<Response>(() => {}); // the second connection stays pending
    return new Response(stream, { headers: { 'content-type': 'text/event-stream' } });
  };
  const controller = new AbortController();
  sseAdapter({ url: 'http://x/sse', fetch: fake, retry: { initialMs: 1, maxMs: 1 } }).subscribe!((u) => seen.push(u), {
    signal: controller.signal,
  });
  await new Promise((r) => setTimeout(r, 100));
  controller.abort();
  // a1, the event without id, and not the repeated a1.
  assert.equal(seen.length, 2);
  // The reconnect resumes after a1: an event without id leaves the last event id as it was.
  assert.deepEqual(requests.slice(0, 2), [null, 'a1']);
});

test('sse: an empty id: field resets the last event id (the reconnect sends none)', async () => {
  const stream = ['id: a1', 'data: [1]', '', 'id:', 'data: [2]', '', ''].join('\n');
  const requests: (string | null)[] = [];
  const fake: typeof fetch = async (_url, init) => {
    requests.push(new Headers(init?.headers).get('last-event-id'));
    if (requests.length > 1) return new Promise<Response>(() => {});
    return new Response(stream, { headers: { 'content-type': 'text/event-stream' } });
  };
  const controller = new AbortController();
  const seen: AdapterUpdate[] = [];
  sseAdapter({ url: 'http://x/sse', fetch: fake, retry: { initialMs: 1, maxMs: 1 } }).subscribe!((u) => seen.push(u), {
    signal: controller.signal,
  });
  await new Promise((r) => setTimeout(r, 100));
  controller.abort();
  assert.equal(seen.length, 2);
  assert.deepEqual(requests.slice(0, 2), [null, null]);
});

test('sse: an error status is typed; giving up after maxAttempts is reported', async () => {
  const { errors, statuses } = await collect(
    sseAdapter({ url: `${server.url}/sse-status`, retry: { initialMs: 10, maxAttempts: 2 } }),
    300,
  );
  assert.equal(errors[0]!.kind, 'http');
  assert.equal(errors[0]!.status, 500);
  assert.match(errors.at(-1)!.message, /gave up after 2 attempts/);
  assert.equal(statuses.at(-1), 'closed');
});

test('websocket: appends, reconnects, drops replayed messages by id, reports unreadable ones', async () => {
  server.reset();
  const updates: AdapterUpdate[] = [];
  const adapter = webSocketAdapter({
    url: `${server.wsUrl}/ws?drop=4`,
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    retry: { initialMs: 20, maxMs: 50 },
  });
  const wrapped = {
    ...adapter,
    subscribe: (on: (u: AdapterUpdate) => void, ctx: Parameters<NonNullable<typeof adapter.subscribe>>[1]) =>
      adapter.subscribe!((u) => {
        updates.push(u);
        on(u);
      }, ctx),
  };
  const { ds, errors, statuses } = await collect(wrapped, 1200);
  // Messages e0..e10 reach the dataset once each (the replayed e3 and e7 are skipped by id).
  assert.equal(updates.length, 11);
  assert.equal(ds.orders.length, 6);
  assert.ok(statuses.includes('reconnecting'));
  assert.ok(errors.some((e) => e.kind === 'stream' && /not JSON/.test(e.message)));
  assert.ok(errors.some((e) => e.kind === 'stream' && /dropped/.test(e.message)));
});

test('registry options from attributes: polling by name with a string interval, bad JSON options explained', async () => {
  server.reset();
  const src = new DataSource(
    createAdapter('polling', { of: 'json', src: `${server.url}/counter.json`, interval: '100' }),
  );
  await src.start();
  assert.equal(src.dataset!.orders.length, 1);
  await new Promise((r) => setTimeout(r, 350));
  src.close();
  assert.ok(src.dataset!.orders.length >= 3, `${src.dataset!.orders.length} orders after polling`);
  assert.equal(src.adapter.describe?.().live, true);
  assert.throws(
    () => createAdapter('json', { src: '/x', headers: '{not json' }),
    (e: unknown) =>
      e instanceof AdapterError && e.kind === 'config' && /headers option is not valid JSON/.test(e.message),
  );
  assert.throws(() => createAdapter('polling', {}), /needs of: the name of the adapter to poll/);
  assert.throws(() => createAdapter('sse', {}), /needs src/);
});
