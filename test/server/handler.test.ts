import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { computeReport } from '../../src/engine/report.js';
import type { Report } from '../../src/engine/report-types.js';
import {
  createPushdownHandler,
  DEFAULT_LIMITS,
  duckdb,
  duckdbDriver,
  queryFromSearchParams,
  type PushdownHandler,
  type SqlDriver,
  type Statement,
  warehouseDataSummary,
} from '../../src/server/index.js';
import { reportDifferences } from './compare.js';
import { generate, load, type Order } from './fixtures.js';
import { engineSummary } from './summary.js';

const noAttributes = ({ attributes: _attributes, ...o }: Order): Order => o;
import { checkInjection } from './injection.js';

let instance: DuckDBInstance;
let connection: DuckDBConnection;
let driver: SqlDriver;
let handler: PushdownHandler;
let server: Server;
let base: string;
const statements: Statement[] = [];
const errors: unknown[] = [];
const input = generate(3, 1500);

before(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  driver = duckdbDriver(connection);
  await load(driver, 'duckdb', input);
  handler = createPushdownHandler({
    driver,
    dialect: duckdb,
    onStatement: (_, st) => statements.push(st),
    onError: (e) => errors.push(e),
    maxBodyBytes: 4096,
  });
  server = createServer((req, res) => void handler.node(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}/kpi`;
});

after(async () => {
  await new Promise((r) => server.close(r));
  connection.closeSync();
  instance.closeSync();
});

const options = {
  from: '2025-02-01',
  to: '2025-02-28',
  timeZone: 'Asia/Ho_Chi_Minh',
  campaignIds: ['C1', 'C3'],
  channels: ['web', 'app'],
};

test('node:http: POST JSON gives the report computeReport gives', async () => {
  const res = await fetch(base, {
    method: 'POST',
    body: JSON.stringify(options),
    headers: { 'content-type': 'application/json' },
  });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type')!, /application\/json/);
  const report = (await res.json()) as Report;
  assert.deepEqual(reportDifferences(report, computeReport(input, options)), []);
  assert.deepEqual(Object.keys(report.byCampaign).sort(), ['C1', 'C3']);
});

test('node:http: GET with search parameters (repeated and comma-separated lists)', async () => {
  const res = await fetch(
    `${base}?from=2025-02-01&to=2025-02-28&timeZone=Asia%2FHo_Chi_Minh&campaignIds=C1&campaignIds=C3&channels=web,app`,
  );
  assert.equal(res.status, 200);
  const report = (await res.json()) as Report;
  assert.deepEqual(reportDifferences(report, computeReport(input, options)), []);
});

test('node:http: wrong method, bad JSON, oversized body, invalid query', async () => {
  const put = await fetch(base, { method: 'PUT', body: '{}' });
  assert.equal(put.status, 405);
  assert.equal(put.headers.get('allow'), 'GET, POST');
  const bad = await fetch(base, { method: 'POST', body: '{"from": ' });
  assert.equal(bad.status, 400);
  assert.deepEqual(await bad.json(), { error: 'the request body is not valid JSON' });
  const big = await fetch(base, {
    method: 'POST',
    body: JSON.stringify({ ...options, channels: new Array(1000).fill('web') }),
  });
  assert.equal(big.status, 413);
  const invalid = await fetch(base, { method: 'POST', body: JSON.stringify({ from: '2025-02-30', to: '2025-03-01' }) });
  assert.equal(invalid.status, 400);
  const body = (await invalid.json()) as { issues: { path: string }[] };
  assert.deepEqual(
    body.issues.map((i) => i.path),
    ['from'],
  );
});

test('fetch-style: Request in, Response out', async () => {
  const res = await handler.fetch(
    new Request('http://example.test/kpi', { method: 'POST', body: JSON.stringify(options) }),
  );
  assert.equal(res.status, 200);
  const report = (await res.json()) as Report;
  assert.deepEqual(reportDifferences(report, computeReport(input, options)), []);
  const get = await handler.fetch(new Request('http://example.test/kpi?from=2025-02-01&to=2025-02-07'));
  assert.equal(get.status, 200);
  assert.equal(((await get.json()) as Report).daily.length, 7);
});

/** A POST to the node handler with a body a framework already read, as the status and text answered. */
async function nodeWithBody(body: unknown): Promise<{ status: number; text: string }> {
  const out = { status: 0, text: '' };
  const req = Object.assign(Object.create(null), { method: 'POST', url: '/kpi', body });
  const res = {
    writeHead(s: number) {
      out.status = s;
      return this;
    },
    end(t: string) {
      out.text = t;
    },
  };
  await handler.node(req as never, res as never);
  return out;
}

test('an Express-style parsed body is used as is', async () => {
  const { status, text } = await nodeWithBody(options);
  assert.equal(status, 200);
  assert.deepEqual(reportDifferences(JSON.parse(text) as Report, computeReport(input, options)), []);
});

test('a body a framework read as a Buffer or a string is parsed', async () => {
  for (const body of [Buffer.from(JSON.stringify(options)), JSON.stringify(options)]) {
    const { status, text } = await nodeWithBody(body);
    assert.equal(status, 200);
    assert.equal((JSON.parse(text) as Report).kpis.orders!.value, computeReport(input, options).kpis.orders!.value);
  }
});

test('a warehouse failure is a generic 500, the details go to onError', async () => {
  const failing = createPushdownHandler({
    driver: { query: () => Promise.reject(new Error('relation "orders" does not exist')) },
    dialect: duckdb,
    onError: (e) => errors.push(e),
  });
  const r = await failing.query({ from: '2025-02-01', to: '2025-02-28' });
  assert.equal(r.status, 500);
  assert.deepEqual(r.body, { error: 'the warehouse query failed' });
  assert.match(String(errors.at(-1)), /does not exist/);
});

test('search parameters: lists and numbers', () => {
  assert.deepEqual(
    queryFromSearchParams(new URLSearchParams('from=2025-01-01&channels=web,app&channels=store&lifetimeDays=90')),
    {
      from: '2025-01-01',
      channels: ['web', 'app', 'store'],
      lifetimeDays: 90,
    },
  );
});

test('DuckDB: injection attempts never reach the SQL text', async () => {
  await checkInjection(handler, driver, statements);
});

test('summary request: POST { summary: true } and GET ?summary=1 answer the data summary', async () => {
  // Without attribute mapping, the default tables' orders have no attributes.
  const expected = { ...engineSummary({ ...input, orders: input.orders.map(noAttributes) }, 'Asia/Ho_Chi_Minh') };
  const post = await fetch(base, {
    method: 'POST',
    body: JSON.stringify({ summary: true, timeZone: 'Asia/Ho_Chi_Minh' }),
  });
  assert.equal(post.status, 200);
  assert.deepEqual(await post.json(), { ...expected, truncatedAttributes: [], truncatedAttributeNames: false });
  const get = await fetch(`${base}?summary=1&timeZone=Asia%2FHo_Chi_Minh&channels=web,app`);
  assert.equal(get.status, 200);
  const narrowed = (await get.json()) as { channels: string[]; orders: number };
  assert.deepEqual(narrowed.channels, ['app', 'web']);
  assert.equal(narrowed.orders, input.orders.filter((o) => o.channel === 'web' || o.channel === 'app').length);
  // Keys of a query do not belong to a summary request; `summary` is true or absent.
  for (const q of ['summary=1&from=2025-02-01', 'summary=0', 'summary=1&timeZone=Mars%2FOlympus']) {
    const bad = await fetch(`${base}?${q}`);
    assert.equal(bad.status, 400, q);
    assert.equal(((await bad.json()) as { error: string }).error, 'invalid query');
  }
  assert.deepEqual(queryFromSearchParams(new URLSearchParams('summary=true&timeZone=UTC')), {
    summary: true,
    timeZone: 'UTC',
  });
});

test('summary request: maxAttributeValues caps the values of each attribute and the answer names the attributes cut', async () => {
  const mapping = { orders: { attributes: { columns: { store: 'store', region: 'region' } } } };
  const capped = createPushdownHandler({ driver, dialect: duckdb, mapping, limits: { maxAttributeValues: 3 } });
  const r = await capped.query({ summary: true });
  assert.equal(r.status, 200);
  const body = r.body as { attributes: Record<string, string[]>; truncatedAttributes: string[] };
  assert.deepEqual(body.attributes, { region: ['DN', 'HCM', 'HN'], store: ['CG-02', 'HC-01', 'HK-01'] });
  assert.deepEqual(body.truncatedAttributes, ['store']);
  assert.equal(DEFAULT_LIMITS.maxAttributeValues, 1000);
  assert.throws(
    () => createPushdownHandler({ driver, dialect: duckdb, limits: { maxAttributeValues: 0 } }),
    /limits\.maxAttributeValues must be a positive integer/,
  );
});

test('summary request: maxCampaignIds applies as to a query (422 naming it over the limit, fine at it)', async () => {
  const limited = createPushdownHandler({ driver, dialect: duckdb, limits: { maxCampaignIds: 2 } });
  const ids = [...new Set(input.orders.map((o) => o.campaignId).filter((id): id is string => !!id))].sort();
  assert.ok(ids.length >= 3);
  const over = await limited.query({ summary: true, campaignIds: ids.slice(0, 3) });
  assert.equal(over.status, 422);
  const refusal = over.body as { error: string; limit: string };
  assert.equal(refusal.limit, 'maxCampaignIds');
  assert.match(refusal.error, /names 3 campaigns; at most 2 are allowed \(maxCampaignIds\)/);
  const at = await limited.query({ summary: true, campaignIds: ids.slice(0, 2) });
  assert.equal(at.status, 200);
  assert.deepEqual(
    (at.body as { campaigns: { id: string }[] }).campaigns.map((c) => c.id),
    ids.slice(0, 2),
  );
});

test('summary request: maxAttributes caps the attribute names and the answer says names were cut', async () => {
  const mapping = { orders: { attributes: { columns: { store: 'store', region: 'region' } } } };
  const capped = createPushdownHandler({ driver, dialect: duckdb, mapping, limits: { maxAttributes: 1 } });
  const r = await capped.query({ summary: true });
  assert.equal(r.status, 200);
  const body = r.body as { attributes: Record<string, string[]>; truncatedAttributeNames: boolean };
  assert.deepEqual(Object.keys(body.attributes), ['region']);
  assert.equal(body.truncatedAttributeNames, true);
  const whole = createPushdownHandler({ driver, dialect: duckdb, mapping, limits: { maxAttributes: 2 } });
  const all = (await whole.query({ summary: true })).body as typeof body;
  assert.deepEqual(Object.keys(all.attributes), ['region', 'store']);
  assert.equal(all.truncatedAttributeNames, false);
  assert.equal(DEFAULT_LIMITS.maxAttributes, 50);
  assert.throws(
    () => createPushdownHandler({ driver, dialect: duckdb, limits: { maxAttributes: 0 } }),
    /limits\.maxAttributes must be a positive integer/,
  );
});

test('warehouseDataSummary: a bad option is a RangeError naming it, before any statement runs', async () => {
  const seen: Statement[] = [];
  const config = { driver, dialect: duckdb, onStatement: (_: string, st: Statement) => seen.push(st) };
  for (const [options, message] of [
    [{ timeZone: "UTC'; DROP TABLE orders; --" }, /timeZone/],
    [{ maxAttributeValues: 2.5 }, /maxAttributeValues: expected a positive integer/],
    [{ maxAttributes: 0 }, /maxAttributes: expected a positive integer/],
    [{ earliestDate: '2025-02-30' }, /earliestDate: expected a local date/],
    [{ filters: { 'bad name': ['x'] } }, /filters/],
  ] as const)
    await assert.rejects(warehouseDataSummary(config, options), (e: unknown) => {
      assert.ok(e instanceof RangeError, String(e));
      assert.match(e.message, message);
      return true;
    });
  assert.equal(seen.length, 0);
});
