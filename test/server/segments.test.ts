import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { DuckDBInstance } from '@duckdb/node-api';
import { pushdownAdapter } from '../../src/adapters/pushdown.js';
import { isAdapterError } from '../../src/adapters/adapter.js';
import { segmentCustomers } from '../../src/engine/segments.js';
import type { ReportOptions } from '../../src/engine/report-types.js';
import { createPushdownHandler, duckdb, duckdbDriver, type SqlDriver } from '../../src/server/index.js';
import { ATTRIBUTE_COLUMNS, generate, load } from './fixtures.js';

let instance: DuckDBInstance;
let driver: SqlDriver;
let server: Server;
let base: string;
const input = generate(5, 4000);
const mapping = { orders: { attributes: ATTRIBUTE_COLUMNS } };
const options: ReportOptions = {
  from: '2025-03-01',
  to: '2025-03-31',
  timeZone: 'Asia/Ho_Chi_Minh',
  filters: { region: ['HCM', 'DN'] },
};
const errors: unknown[] = [];

before(async () => {
  instance = await DuckDBInstance.create(':memory:');
  // An instance: each stream reads on a connection of its own.
  driver = duckdbDriver(instance);
  await load(driver, 'duckdb', input);
  const handler = createPushdownHandler({ driver, dialect: duckdb, mapping, onError: (e) => errors.push(e) });
  server = createServer((req, res) => void handler.node(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}/kpi`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  instance.closeSync();
});

test('segment request over node:http: a JSON array of the ids the engine lists, POST and GET alike', async () => {
  for (const of of ['recency', 'reactivation', 'returned'] as const) {
    const expected = segmentCustomers(input as never, options, { segment: '29+', of });
    assert.ok(expected.length > 50, `${of}: a long list`);
    const res = await fetch(base, {
      method: 'POST',
      body: JSON.stringify({ ...options, segment: { segment: '29+', of } }),
    });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /application\/json/);
    assert.deepEqual(await res.json(), expected, of);
  }
  const get = await fetch(
    `${base}?from=2025-03-01&to=2025-03-31&timeZone=Asia%2FHo_Chi_Minh&filters.region=HCM,DN&segment=8-14&of=returned`,
  );
  assert.equal(get.status, 200);
  assert.deepEqual(await get.json(), segmentCustomers(input as never, options, { segment: '8-14', of: 'returned' }));
  // An empty segment is an empty array.
  const empty = await fetch(base, {
    method: 'POST',
    body: JSON.stringify({ ...options, filters: { region: ['nowhere'] }, segment: { segment: '0-7', of: 'returned' } }),
  });
  assert.deepEqual(await empty.json(), []);
});

test('segment request: a segment the bounds do not define, a bad of, or a shape is a 400 naming it', async () => {
  const handler = createPushdownHandler({ driver, dialect: duckdb, mapping });
  const bad = await handler.query({ ...options, recencyBounds: [5, 20], segment: { segment: '8-14', of: 'recency' } });
  assert.equal(bad.status, 400);
  assert.match(JSON.stringify(bad.body), /"segment".*8-14.*0-5, 6-20, 21\+/);
  const ok = await handler.query({ ...options, recencyBounds: [5, 20], segment: { segment: '6-20', of: 'recency' } });
  assert.deepEqual(
    ok.body,
    segmentCustomers(input as never, { ...options, recencyBounds: [5, 20] }, { segment: '6-20', of: 'recency' }),
  );
  for (const body of [
    { ...options, segment: { segment: '0-7', of: 'everyone' } },
    { ...options, segment: { segment: '0-7' } },
    { ...options, segment: '0-7' },
    { ...options, segment: { segment: '0-7', of: 'recency', extra: 1 } },
    { ...options, shape: 'aggregates', segment: { segment: '0-7', of: 'recency' } },
  ]) {
    const r = await handler.query(body);
    assert.equal(r.status, 400, JSON.stringify(body));
  }
});

test('segment request: a list longer than maxSegmentCustomers is a 422 naming the limit, before any id', async () => {
  const expected = segmentCustomers(input as never, options, { segment: '29+', of: 'recency' });
  const tight = createPushdownHandler({
    driver,
    dialect: duckdb,
    mapping,
    limits: { maxSegmentCustomers: expected.length - 1 },
  });
  const r = await tight.query({ ...options, segment: { segment: '29+', of: 'recency' } });
  assert.equal(r.status, 422);
  assert.match(JSON.stringify(r.body), new RegExp(`${expected.length} customers.*maxSegmentCustomers`));
  const exact = createPushdownHandler({
    driver,
    dialect: duckdb,
    mapping,
    limits: { maxSegmentCustomers: expected.length },
  });
  assert.deepEqual((await exact.query({ ...options, segment: { segment: '29+', of: 'recency' } })).body, expected);
});

/** A driver whose stream gives its first batch, then waits for `gate` before the rest. */
function gatedDriver(inner: SqlDriver, gate: Promise<void>, seen: { closed: boolean; batches: number }): SqlDriver {
  return {
    query: (sql, params, o) => inner.query(sql, params, o),
    async *stream(sql, params) {
      const rows = await inner.query(sql, params);
      try {
        for (let i = 0; i < rows.length; i += 100) {
          if (i > 0) await gate;
          seen.batches++;
          yield rows.slice(i, i + 100);
        }
      } finally {
        seen.closed = true;
      }
    },
  };
}

/** A handler over {@link gatedDriver}: `open()` lets the rest of the list through; `seen` tells what the driver saw. */
function gatedHandler() {
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  const seen = { closed: false, batches: 0 };
  const handler = createPushdownHandler({ driver: gatedDriver(driver, gate, seen), dialect: duckdb, mapping });
  return { handler, open, seen };
}

test(
  'segment ids are written as the warehouse yields them: the client reads the first ids while the query still runs',
  { timeout: 60_000 },
  async () => {
    const { handler, open, seen } = gatedHandler();
    const expected = segmentCustomers(input as never, options, { segment: '29+', of: 'recency' });
    assert.ok(expected.length > 200);
    const res = await handler.fetch(
      new Request('http://x/kpi', {
        method: 'POST',
        body: JSON.stringify({ ...options, segment: { segment: '29+', of: 'recency' } }),
      }),
    );
    assert.equal(res.status, 200);
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    assert.ok(first.startsWith('['));
    assert.deepEqual(JSON.parse(`${first}]`), expected.slice(0, 100), 'the first batch, before the rest exists');
    assert.equal(seen.batches, 1);
    assert.equal(seen.closed, false);
    open();
    let text = first;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    assert.deepEqual(JSON.parse(text), expected);
    assert.equal(seen.closed, true);
  },
);

test(
  'a client that goes away mid-list ends the query (node:http); a failure mid-list cuts the response short',
  { timeout: 60_000 },
  async () => {
    const { handler, open, seen } = gatedHandler();
    const srv = createServer((req, res) => void handler.node(req, res));
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as { port: number }).port;
    try {
      await new Promise<void>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: '/kpi', method: 'POST' }, (res) => {
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        });
        req.on('error', () => undefined);
        req.end(JSON.stringify({ ...options, segment: { segment: '29+', of: 'recency' } }));
        setTimeout(() => reject(new Error('no first chunk')), 20_000);
      });
      open();
      for (let i = 0; i < 200 && !seen.closed; i++) await new Promise((r) => setTimeout(r, 10));
      assert.equal(seen.closed, true, 'the stream was closed');

      // A statement failing after the first rows: the body is not a JSON array that parses.
      const failing: SqlDriver = {
        query: (sql, params) => driver.query(sql, params),
        async *stream(sql, params) {
          const rows = await driver.query(sql, params);
          yield rows.slice(0, 10);
          throw new Error('connection lost');
        },
      };
      const broken = createPushdownHandler({
        driver: failing,
        dialect: duckdb,
        mapping,
        onError: (e) => errors.push(e),
      });
      const res = await broken.fetch(
        new Request('http://x/kpi', {
          method: 'POST',
          body: JSON.stringify({ ...options, segment: { segment: '29+', of: 'recency' } }),
        }),
      );
      assert.equal(res.status, 200);
      await assert.rejects(res.text());
      assert.match(String(errors.at(-1)), /connection lost/);
    } finally {
      srv.closeAllConnections();
      await new Promise((r) => srv.close(r));
    }
  },
);

test('pushdownAdapter.segmentCustomers: the ids of a segment from the endpoint, errors as AdapterError', async () => {
  const adapter = pushdownAdapter({ url: base });
  for (const of of ['recency', 'reactivation', 'returned'] as const)
    assert.deepEqual(
      await adapter.segmentCustomers(options, { segment: '8-14', of }),
      segmentCustomers(input as never, options, { segment: '8-14', of }),
    );
  await assert.rejects(adapter.segmentCustomers(options, { segment: '8-15', of: 'recency' }), (e: unknown) => {
    assert.ok(isAdapterError(e));
    assert.equal(e.kind, 'http');
    assert.match(e.message, /400.*8-15/);
    return true;
  });
  const ac = new AbortController();
  ac.abort();
  await assert.rejects(
    adapter.segmentCustomers(options, { segment: '8-14', of: 'recency' }, { signal: ac.signal }),
    (e: unknown) => {
      assert.ok(isAdapterError(e));
      assert.equal(e.kind, 'aborted');
      return true;
    },
  );
});
