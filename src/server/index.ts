/**
 * promo-kpi-kit/server: the warehouse pushdown. Compiles the KPI specification into SQL
 * for the user's warehouse, runs it through the user's own driver and returns the same
 * report the in-browser engine computes (the SQL computes the engine's aggregates; the
 * engine's own `finishReport` turns them into the report, so KPI formulas, custom KPIs
 * expressed over measures, deltas, pacing and cohort ratios are shared code).
 *
 * Node or any server runtime; imports no database driver: wrap yours with `pgDriver`,
 * `duckdbDriver`, `clickhouseDriver`, or any `{ query(sql, params) }` object.
 *
 * ```ts
 * import http from 'node:http';
 * import pg from 'pg';
 * import { createPushdownHandler, pgDriver, postgres } from 'promo-kpi-kit/server';
 *
 * const handler = createPushdownHandler({
 *   driver: pgDriver(new pg.Pool()),
 *   dialect: postgres,
 *   mapping: { orders: { table: 'sales.orders', columns: { customerId: 'buyer_id', time: 'placed_at' } } },
 * });
 * http.createServer(handler.node).listen(8080);             // plain Node
 * app.post('/api/kpi', handler.node);                        // Express (uses a parsed req.body)
 * app.post('/api/kpi', (c) => handler.fetch(c.req.raw));     // Hono, Bun, Deno, workers
 * fastify.post('/api/kpi', async (req, reply) => {           // Fastify
 *   const r = await handler.query(req.body);
 *   reply.code(r.status).send(r.body);
 * });
 * ```
 *
 * In the browser, `pushdownAdapter({ url: '/api/kpi' })` (promo-kpi-kit adapters) asks the
 * endpoint for aggregates and assembles the report locally; `POST {from, to, ...}` without
 * `shape` answers the report itself.
 *
 * What the warehouse is expected to hold (see {@link WarehouseMapping} for the columns):
 * valid records (unique ids, required fields not null, amounts >= 0); instants stored as
 * `timestamptz`, epoch milliseconds or UTC timestamps, never as wall-clock times without a
 * zone; dates as `DATE`. Local dates are taken in the report's zone with the engine's own
 * offsets, so they match the browser exactly. Custom KPIs: formulas over built-in measures
 * work as they are; a custom per-record measure needs an `sql` expression over
 * {@link CUSTOM_SQL_COLUMNS}, else it is reported in `issues` and its KPI has no value.
 * Issues about records naming an unknown campaign have `index: -1` (tables have no order).
 * Order attributes (store, region ...) are read from their own columns or a JSON column, as
 * the mapping says ({@link AttributeMapping}). Segment lists (`segmentCustomers` of KPI-SPEC
 * 7.3) come from {@link warehouseSegmentCustomers}, or from the handler given the query plus
 * `segment: { segment, of }`, streamed as a JSON array. The data's summary (campaigns,
 * channels, attribute values, last day: what a board's filters need) comes from
 * {@link warehouseDataSummary}, or from the handler given `{ summary: true, timeZone }`.
 */
export type { Dialect, SqlType } from './dialects/dialect.js';
export { duckdb } from './dialects/duckdb.js';
export { postgres } from './dialects/postgres.js';
export { clickhouse, CLICKHOUSE_SETTINGS } from './dialects/clickhouse.js';
export { pgDriver, duckdbDriver, clickhouseDriver } from './driver.js';
export type {
  SqlDriver,
  QueryOptions,
  PgLikeClient,
  PgLikePool,
  DuckDBLikeConnection,
  DuckDBLikeInstance,
  ClickHouseLikeClient,
  ClickHouseDriverOptions,
} from './driver.js';
export { resolveMapping, requireTenantColumns, FIELDS, TIME_KINDS } from './table-mapping.js';
export type {
  WarehouseMapping,
  TableMapping,
  TimedTableMapping,
  OrdersTableMapping,
  AttributeMapping,
  TimeKind,
  ResolvedMapping,
} from './table-mapping.js';
export { CUSTOM_SQL_COLUMNS } from './compiler.js';
export {
  warehouseReport,
  warehouseAggregates,
  warehouseSegmentCustomers,
  warehouseSegmentCustomerList,
  warehouseDataSummary,
} from './warehouse.js';
export { StatementTimeoutError } from './warehouse.js';
export type { WarehouseConfig, WarehouseAccess, SegmentCustomerList, DataSummaryOptions } from './warehouse.js';
export type { PushdownSummary, PushdownSummaryQuery } from '../engine/aggregates-contract.js';
export type { TenantKey } from './compiler.js';
export type { Statement } from './sql.js';
export {
  createPushdownHandler,
  pushdownQuerySchema,
  pushdownSummarySchema,
  queryFromSearchParams,
  requestHeader,
  DEFAULT_LIMITS,
} from './handler.js';
export type {
  PushdownHandler,
  PushdownHandlerOptions,
  PushdownQuery,
  PushdownSummaryRequest,
  PushdownResult,
  PushdownStream,
  PushdownScope,
  PushdownLimits,
  ScopeRequest,
} from './handler.js';
