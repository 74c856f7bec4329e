import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { pushdownAdapter } from '../../src/adapters/pushdown.js';
import { isAdapterError } from '../../src/adapters/adapter.js';
import { createAdapter } from '../../src/adapters/index.js';
import { resolveOptions } from '../../src/engine/options.js';
import { finishReport } from '../../src/engine/finish.js';
import { computeReport } from '../../src/engine/report.js';
import { createPushdownHandler, duckdb, duckdbDriver } from '../../src/server/index.js';
import { reportDifferences } from './compare.js';
import { ATTRIBUTE_COLUMNS, generate, load } from './fixtures.js';
import { engineSummary } from './summary.js';

let instance: DuckDBInstance;
let connection: DuckDBConnection;
let server: Server;
let url: string;
const seen: { headers: Record<string, unknown>; body: string }[] = [];
const input = generate(21, 1200);

before(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  const driver = duckdbDriver(connection);
  await load(driver, 'duckdb', input);
  const handler = createPushdownHandler({
    driver,
    dialect: duckdb,
    mapping: { orders: { attributes: ATTRIBUTE_COLUMNS } },
  });
  server = createServer((req, res) => {
    if (req.url === '/slow') return void setTimeout(() => res.end('{}'), 2000);
    if (req.url === '/not-json') return void res.end('<html>');
    if (req.url === '/wrong') return void res.end('{"kpis": {}}');
    // An endpoint of an older version: a summary request is not a query it knows.
    if (req.url === '/old') {
      res.writeHead(400, { 'content-type': 'application/json' });
      return void res.end(
        '{"error": "invalid query", "issues": [{"path": "", "message": "Unrecognized key: \\"summary\\""}]}',
      );
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      seen.push({ headers: req.headers, body });
      (req as { body?: unknown }).body = JSON.parse(body);
      void handler.node(req, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  connection.closeSync();
  instance.closeSync();
});

test('pushdown adapter: aggregates from the endpoint give the report computeReport gives', async () => {
  const adapter = pushdownAdapter({ url: `${url}/kpi`, headers: async () => ({ authorization: 'Bearer t0ken' }) });
  const options = {
    from: '2025-03-01',
    to: '2025-03-31',
    timeZone: 'Europe/Paris',
    campaignIds: ['C2', 'C5'],
    cohortGrain: 'week' as const,
    compare: 'year' as const,
    filters: { region: ['HCM', 'HN'] },
    breakdowns: ['store', 'category'],
    recencyBounds: [5, 30],
  };
  const o = resolveOptions(options);
  const aggregates = await adapter.pushdown.aggregate(o, {});
  assert.deepEqual(reportDifferences(finishReport(aggregates, o), computeReport(input, options)), []);
  assert.deepEqual(reportDifferences(await adapter.report(options), computeReport(input, options)), []);
  assert.equal(seen.at(-1)!.headers.authorization, 'Bearer t0ken');
  assert.deepEqual(JSON.parse(seen.at(-1)!.body), {
    from: '2025-03-01',
    to: '2025-03-31',
    timeZone: 'Europe/Paris',
    returnWindowDays: 30,
    lifetimeDays: 365,
    cohortGrain: 'week',
    asOf: '2025-03-31',
    shape: 'aggregates',
    campaignIds: ['C2', 'C5'],
    compare: 'year',
    filters: { region: ['HCM', 'HN'] },
    breakdowns: ['store', 'category'],
    recencyBounds: [5, 30],
  });
  assert.deepEqual(await adapter.load({}, {}), {}, 'no rows reach the browser');
  assert.equal(adapter.describe!().name, 'pushdown');
});

test('pushdown adapter by name, as the board creates it from adapter="pushdown" src="..." attributes', async () => {
  const adapter = createAdapter('pushdown', { src: `${url}/kpi`, timeout: '5000' }) as ReturnType<
    typeof pushdownAdapter
  >;
  assert.equal(typeof adapter.pushdown?.aggregate, 'function');
  const options = { from: '2025-02-01', to: '2025-02-28', timeZone: 'Asia/Ho_Chi_Minh' };
  const o = resolveOptions(options);
  assert.deepEqual(
    reportDifferences(finishReport(await adapter.pushdown.aggregate(o, {}), o), computeReport(input, options)),
    [],
  );
  assert.throws(
    () => createAdapter('pushdown', {}),
    (e: unknown) => isAdapterError(e) && /needs src/.test(String(e)),
  );
});

test('pushdown adapter: faults are AdapterErrors a user can act on', async () => {
  const bad = pushdownAdapter({ url: `${url}/kpi` });
  const o = resolveOptions({ from: '2025-03-01', to: '2025-03-31' });
  await assert.rejects(bad.pushdown.aggregate({ ...o, from: '2025-02-30' }, {}), (e: unknown) => {
    assert.ok(isAdapterError(e));
    assert.equal(e.kind, 'http');
    assert.equal(e.status, 400);
    assert.match(e.message, /from: expected a local date/);
    return true;
  });
  for (const [path, kind] of [
    ['/not-json', 'parse'],
    ['/wrong', 'parse'],
  ] as const) {
    await assert.rejects(pushdownAdapter({ url: `${url}${path}` }).pushdown.aggregate(o, {}), (e: unknown) => {
      assert.ok(isAdapterError(e));
      assert.equal(e.kind, kind);
      return true;
    });
  }
  await assert.rejects(
    pushdownAdapter({ url: `${url}/slow`, timeoutMs: 100 }).pushdown.aggregate(o, {}),
    (e: unknown) => {
      assert.ok(isAdapterError(e));
      assert.equal(e.kind, 'timeout');
      return true;
    },
  );
  const ac = new AbortController();
  const p = pushdownAdapter({ url: `${url}/slow` }).pushdown.aggregate(o, { signal: ac.signal });
  ac.abort();
  await assert.rejects(p, (e: unknown) => isAdapterError(e) && e.kind === 'aborted');
  await assert.rejects(pushdownAdapter({ url: 'http://127.0.0.1:1/kpi' }).pushdown.aggregate(o, {}), (e: unknown) => {
    assert.ok(isAdapterError(e));
    assert.equal(e.kind, 'network');
    return true;
  });
  assert.throws(
    () => pushdownAdapter({ url: '' }),
    (e: unknown) => isAdapterError(e) && e.kind === 'config',
  );
});

test('pushdown adapter: summary() asks the endpoint for the data summary, with the same headers and faults', async () => {
  const adapter = pushdownAdapter({ url: `${url}/kpi`, headers: () => ({ authorization: 'Bearer s3cret' }) });
  const summary = await adapter.pushdown.summary({ timeZone: 'Asia/Ho_Chi_Minh' }, {});
  assert.deepEqual(summary, {
    ...engineSummary(input, 'Asia/Ho_Chi_Minh'),
    truncatedAttributes: [],
    truncatedAttributeNames: false,
  });
  assert.equal(summary.campaigns[0]!.name, 'Campaign 1');
  assert.equal(seen.at(-1)!.headers.authorization, 'Bearer s3cret');
  assert.deepEqual(JSON.parse(seen.at(-1)!.body), { timeZone: 'Asia/Ho_Chi_Minh', summary: true });
  const narrowed = await adapter.pushdown.summary({ timeZone: 'UTC', channels: ['web'] }, {});
  assert.deepEqual(narrowed.channels, ['web']);

  await assert.rejects(pushdownAdapter({ url: `${url}/old` }).pushdown.summary({}, {}), (e: unknown) => {
    assert.ok(isAdapterError(e));
    assert.equal(e.kind, 'http');
    assert.equal(e.status, 400);
    assert.match(e.message, /answered 400 \(invalid query; : Unrecognized key: "summary"\)/);
    return true;
  });
  await assert.rejects(pushdownAdapter({ url: `${url}/wrong` }).pushdown.summary({}, {}), (e: unknown) => {
    assert.ok(isAdapterError(e));
    assert.equal(e.kind, 'parse');
    assert.match(e.message, /did not answer with a data summary/);
    return true;
  });
  const ac = new AbortController();
  const p = pushdownAdapter({ url: `${url}/slow` }).pushdown.summary({}, { signal: ac.signal });
  ac.abort();
  await assert.rejects(p, (e: unknown) => isAdapterError(e) && e.kind === 'aborted');
  await assert.rejects(
    pushdownAdapter({ url: `${url}/slow`, timeoutMs: 100 }).pushdown.summary({}, {}),
    (e: unknown) => isAdapterError(e) && e.kind === 'timeout',
  );
});
