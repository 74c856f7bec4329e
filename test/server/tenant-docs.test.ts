/**
 * The "Serving many retailers" examples of the data-adapters guide, run as written against
 * PostgreSQL: the shared module (cookie and JWT checks with node:crypto, the scoped
 * handler), the Express server and the Hono app, with small stand-ins for `express` and
 * `hono` (not dependencies of the kit). Only import specifiers are rewritten, and the pool
 * is told to let the process exit.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Report } from '../../src/engine/report-types.js';
import { postgres, type SqlDriver } from '../../src/server/index.js';
import { reportDifferences } from './compare.js';
import {
  loadTenants,
  ownTablesReport,
  SHARED_TABLES,
  TENANT_A,
  TENANT_B,
  TENANT_COLUMN,
  tenantInputs,
} from './tenancy.js';
import { POSTGRES } from './warehouses.js';

const ROOT = resolve(import.meta.dirname, '../..');
const GUIDE = join(ROOT, 'stories/guides/data-adapters.mdx');
const DIR = join(ROOT, 'node_modules/.cache', `promo-docs-${process.pid}`);
const SECRET = 'a-test-secret-of-more-than-32-characters';

/** The fenced block of the guide whose first line is `// <name>`. */
function block(name: string): string {
  const text = readFileSync(GUIDE, 'utf8');
  const m = text.match(new RegExp('```ts\\n// ' + name.replace('.', '\\.') + '\\n([\\s\\S]*?)\\n```'));
  assert.ok(m, `the guide has a block starting // ${name}`);
  return m[1]!;
}

const EXPRESS_STUB = `import http from 'node:http';
export const servers: http.Server[] = [];
type Next = () => void;
type Fn = (req: any, res: any, next: Next) => unknown;
function express() {
  const use: Fn[] = [];
  const routes = new Map<string, Fn>();
  return {
    use(fn: Fn) { use.push(fn); },
    post(path: string, fn: Fn) { routes.set('POST ' + path, fn); },
    get(path: string, fn: Fn) { routes.set('GET ' + path, fn); },
    listen(_port: number, cb?: () => void) {
      const server = http.createServer((req, res) => {
        const route = routes.get(req.method + ' ' + new URL(req.url ?? '/', 'http://x').pathname);
        const chain = [...use, route ?? ((_q: any, s: any) => { s.writeHead(404); s.end(); })];
        const step = (i: number): void => void chain[i]!(req, res, () => step(i + 1));
        step(0);
      });
      servers.push(server);
      server.listen(0, '127.0.0.1', cb);
      return server;
    },
  };
}
express.json = (_opts?: unknown): Fn => (req, _res, next) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const text = Buffer.concat(chunks).toString('utf8');
    if (text && String(req.headers['content-type']).startsWith('application/json')) req.body = JSON.parse(text);
    next();
  });
};
export default express;
`;

const HONO_STUB = `type H = (c: { req: { raw: Request } }) => Response | Promise<Response>;
export class Hono {
  private routes = new Map<string, H>();
  post(path: string, h: H) { this.routes.set('POST ' + path, h); }
  get(path: string, h: H) { this.routes.set('GET ' + path, h); }
  fetch = async (request: Request): Promise<Response> => {
    const h = this.routes.get(request.method + ' ' + new URL(request.url).pathname);
    return h ? h({ req: { raw: request } }) : new Response('not found', { status: 404 });
  };
}
`;

let warehouse: Awaited<ReturnType<typeof POSTGRES.open>>;
let driver: SqlDriver;
let hono: { fetch(request: Request): Promise<Response> };
let expressBase: string;
let expressServers: Server[];
const { a, b } = tenantInputs();

before(async () => {
  warehouse = await POSTGRES.open();
  driver = warehouse.driver;
  await loadTenants(warehouse, a, b);
  // The guide's layout: the default table names, each with a retailer_id column.
  for (const [name, shared] of Object.entries(SHARED_TABLES))
    await driver.query(`CREATE VIEW ${name} AS SELECT ${TENANT_COLUMN} AS retailer_id, * FROM ${shared}`, []);

  mkdirSync(DIR, { recursive: true });
  const server = pathToFileURL(join(ROOT, 'src/server/index.ts')).href;
  const rewrite = (code: string) =>
    code
      .replace(`from 'promo-kpi-kit/server'`, `from '${server}'`)
      .replace(`from 'express'`, `from './express.js'`)
      .replace(`from 'hono'`, `from './hono.js'`)
      .replace('new pg.Pool({ ', 'new pg.Pool({ allowExitOnIdle: true, idleTimeoutMillis: 100, ');
  writeFileSync(join(DIR, 'kpi.ts'), rewrite(block('kpi.ts')));
  writeFileSync(join(DIR, 'express-server.ts'), rewrite(block('express-server.ts')));
  writeFileSync(join(DIR, 'hono-server.ts'), rewrite(block('hono-server.ts')));
  writeFileSync(join(DIR, 'express.ts'), EXPRESS_STUB);
  writeFileSync(join(DIR, 'hono.ts'), HONO_STUB);
  process.env.KPI_SECRET = SECRET;
  const { cluster } = warehouse;
  process.env.DATABASE_URL = `postgres://${cluster.user}@${cluster.host}:${cluster.port}/postgres`;
  hono = (await import(pathToFileURL(join(DIR, 'hono-server.ts')).href)).default;
  expressServers = (await import(pathToFileURL(join(DIR, 'express.ts')).href)).servers;
  await import(pathToFileURL(join(DIR, 'express-server.ts')).href);
  const s = expressServers[0]!;
  if (!s.listening) await new Promise((r) => s.once('listening', r));
  expressBase = `http://127.0.0.1:${(s.address() as { port: number }).port}`;
});

after(async () => {
  for (const s of expressServers ?? []) await new Promise((r) => s.close(r));
  // The guide's pool lets go of its idle connections before the cluster stops.
  await new Promise((r) => setTimeout(r, 300));
  await warehouse?.close();
  rmSync(DIR, { recursive: true, force: true });
});

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const mac = (text: string, secret = SECRET) => createHmac('sha256', secret).update(text).digest('base64url');
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

function jwt(claims: Record<string, unknown>, opts: { secret?: string; alg?: string } = {}): string {
  const head = b64({ alg: opts.alg ?? 'HS256', typ: 'JWT' });
  const body = b64(claims);
  return `${head}.${body}.${mac(`${head}.${body}`, opts.secret)}`;
}

function cookie(claims: Record<string, unknown>, secret = SECRET): string {
  const payload = b64(claims);
  return `theme=dark; kpi_session=${payload}.${mac(payload, secret)}`;
}

const feb = { from: '2025-02-01', to: '2025-02-28', timeZone: 'Asia/Ho_Chi_Minh' };

const viaHono = (token: string, body: unknown = feb) =>
  hono.fetch(
    new Request('http://example.test/api/kpi', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    }),
  );

const viaExpress = (cookieHeader: string, body: unknown = feb) =>
  fetch(`${expressBase}/api/kpi`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { cookie: cookieHeader, 'content-type': 'application/json' },
  });

test('guide, Hono: a signed JWT gets its retailer report, from its rows only', async () => {
  for (const tenant of [TENANT_A, TENANT_B]) {
    const res = await viaHono(jwt({ retailer: tenant, exp: inAnHour() }));
    assert.equal(res.status, 200);
    const alone = await ownTablesReport({ driver, dialect: postgres }, tenant)(feb);
    assert.deepEqual(reportDifferences((await res.json()) as Report, alone), []);
  }
  const get = await hono.fetch(
    new Request('http://example.test/api/kpi?from=2025-02-01&to=2025-02-07', {
      headers: { authorization: `Bearer ${jwt({ retailer: TENANT_A, exp: inAnHour() })}` },
    }),
  );
  assert.equal(get.status, 200);
  assert.equal(((await get.json()) as Report).daily.length, 7);
});

test('guide, Hono: a wrong signature, another algorithm, an expired or missing token get 401', async () => {
  const claims = { retailer: TENANT_A, exp: inAnHour() };
  const good = jwt(claims);
  const [h, p] = good.split('.');
  const forged = `${h}.${b64({ ...claims, retailer: TENANT_B })}.${good.split('.')[2]}`;
  for (const token of [
    jwt(claims, { secret: 'another-secret-of-more-than-32-characters' }),
    jwt(claims, { alg: 'none' }),
    `${h}.${p}.`,
    forged,
    jwt({ ...claims, exp: Math.floor(Date.now() / 1000) - 1 }),
    jwt({ exp: inAnHour() }),
  ]) {
    const res = await viaHono(token);
    assert.equal(res.status, 401, token);
  }
  const none = await hono.fetch(new Request('http://example.test/api/kpi', { method: 'POST', body: '{}' }));
  assert.equal(none.status, 401);
});

test('guide, Hono: claims limited to campaigns and stores are enforced with 403', async () => {
  const token = jwt({ retailer: TENANT_A, campaigns: ['C1', 'C2'], exp: inAnHour() });
  const all = await viaHono(token);
  assert.equal(all.status, 403);
  const other = await viaHono(token, { ...feb, campaignIds: ['C3'] });
  assert.equal(other.status, 403);
  assert.match(((await other.json()) as { error: string }).error, /"C3"/);
  const own = await viaHono(token, { ...feb, campaignIds: ['C2'] });
  assert.equal(own.status, 200);
  assert.deepEqual(Object.keys(((await own.json()) as Report).byCampaign), ['C2']);
  const stores = await viaHono(jwt({ retailer: TENANT_A, stores: ['Q1-01'], exp: inAnHour() }));
  assert.equal(stores.status, 403);
});

test('guide, Express: a signed session cookie gets its retailer report; a tampered one gets 401', async () => {
  const res = await viaExpress(cookie({ retailer: TENANT_B, exp: inAnHour() }));
  assert.equal(res.status, 200);
  const alone = await ownTablesReport({ driver, dialect: postgres }, TENANT_B)(feb);
  assert.deepEqual(reportDifferences((await res.json()) as Report, alone), []);
  const good = cookie({ retailer: TENANT_B, exp: inAnHour() });
  const sig = good.split('.').at(-1)!;
  const tampered = `kpi_session=${b64({ retailer: TENANT_A, exp: inAnHour() })}.${sig}`;
  for (const c of [tampered, cookie({ retailer: TENANT_A, exp: inAnHour() }, 'x'.repeat(40)), 'theme=dark', '']) {
    const r = await viaExpress(c);
    assert.equal(r.status, 401, c);
  }
});
