/**
 * promo-kpi-kit/server: the warehouse pushdown. Compiles the KPI specification into SQL
 * for the user's warehouse, runs it through the user's own driver and returns the same
 * report the in-browser engine computes.
 *
 * ```ts
 * import { createPushdownHandler, duckdb, duckdbDriver } from 'promo-kpi-kit/server';
 * const handler = createPushdownHandler({ driver: duckdbDriver(connection), dialect: duckdb });
 * http.createServer(handler.node).listen(8080);
 * ```
 *
 * Node or any server runtime; imports no database driver.
 */
export type { Dialect, SqlType } from './dialects/dialect.js';
export { duckdb } from './dialects/duckdb.js';
export { postgres } from './dialects/postgres.js';
export { pgDriver, duckdbDriver } from './driver.js';
export type { SqlDriver, PgLikeClient, DuckDBLikeConnection } from './driver.js';
export { resolveMapping, FIELDS, TIME_KINDS } from './mapping.js';
export type { WarehouseMapping, TableMapping, TimedTableMapping, TimeKind, ResolvedMapping } from './mapping.js';
export { CUSTOM_SQL_COLUMNS } from './compiler.js';
export { warehouseReport, warehouseAggregates } from './warehouse.js';
export type { WarehouseConfig } from './warehouse.js';
export type { Statement } from './sql.js';
export { createPushdownHandler, pushdownQuerySchema, queryFromSearchParams } from './handler.js';
export type { PushdownHandler, PushdownHandlerOptions, PushdownQuery, PushdownResult } from './handler.js';
