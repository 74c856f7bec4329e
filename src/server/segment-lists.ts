/**
 * Segment customer lists computed by the warehouse (KPI-SPEC section 7.3), streamed in
 * batches as the database produces them.
 */
import { resolveOptions } from '../engine/options.js';
import { SEGMENT_OF } from '../core/vocabulary.js';
import type { ReportOptions, SegmentQuery } from '../engine/report-types.js';
import { assertTenantScoped, type CompiledQuery } from './compiler.js';
import { segmentCustomersStatement } from './statements.js';
import { resolveMapping } from './table-mapping.js';
import {
  type WarehouseConfig,
  StatementTimeoutError,
  type WarehouseAccess,
  num,
  compileQuery,
  selectCampaigns,
  statementRunner,
} from './warehouse-run.js';

/** A segment's customer list as the warehouse streams it. */
export interface SegmentCustomerList {
  /** How many ids the list holds (known with the first rows, before any id is read). */
  size: number;
  /**
   * The ids in batches, sorted by code point. Read it to the end, or end the iteration
   * early (`break`, `return()`) to cancel the query and free its connection.
   */
  batches: AsyncIterable<string[]>;
}

/**
 * The customer ids of one segment (KPI-SPEC section 7.3, the engine's `segmentCustomers`)
 * computed by the warehouse: the same list, sorted by code point, read in batches as the
 * database produces them (with a driver that has `stream`; else in one batch). Resolves
 * once the first rows are in, with the list's size. Rejects with a RangeError, before any
 * statement runs, for a segment the options' bounds do not define or an unknown `of`;
 * with a {@link StatementTimeoutError} when the first rows take longer than
 * `statementTimeoutMs`; with the driver's error when a statement fails.
 */
export async function warehouseSegmentCustomers(
  config: WarehouseConfig,
  options: Partial<ReportOptions>,
  query: SegmentQuery,
  access: WarehouseAccess = {},
): Promise<SegmentCustomerList> {
  const map = resolveMapping(config.mapping);
  const o = resolveOptions(options);
  const labels = o.recencySegments;
  const index = labels.indexOf(query?.segment as never);
  if (index < 0)
    throw new RangeError(
      `segment: ${JSON.stringify(query?.segment)} is not a segment of recencyBounds ${JSON.stringify(o.recencyBounds)} (${labels.join(', ')})`,
    );
  if (!SEGMENT_OF.includes(query.of))
    throw new RangeError(`of: expected ${SEGMENT_OF.join(', ')}, got ${JSON.stringify(query.of)}`);
  const { driver, dialect } = config;
  const run = statementRunner(config, map, access);
  let q: CompiledQuery = compileQuery(o, [], access);
  // A's campaign selection holds known campaigns only, as in the report.
  if (query.of === 'returned') q = (await selectCampaigns(q, o, (st) => run('campaigns', st), dialect, map, [])).q;
  const st = segmentCustomersStatement(dialect, map, q, query.of, index);
  if (access.tenants !== undefined) assertTenantScoped(dialect, map, 'segmentCustomers', st.sql);
  config.onStatement?.('segmentCustomers', st);
  const rows: AsyncIterator<Record<string, unknown>[]> = driver.stream
    ? driver.stream(st.sql, st.params)[Symbol.asyncIterator]()
    : (async function* () {
        yield await driver.query(st.sql, st.params);
      })();
  const timeoutMs = config.statementTimeoutMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let first: IteratorResult<Record<string, unknown>[]>;
  try {
    first = await (timeoutMs === undefined
      ? rows.next()
      : Promise.race([
          rows.next(),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new StatementTimeoutError('segmentCustomers', timeoutMs)), timeoutMs);
          }),
        ]));
  } catch (error) {
    // Cancel what is still running (a late statement, an open cursor) in the background.
    rows.return?.().catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
  const ids = (batch: Record<string, unknown>[]) => batch.map((r) => String(r.id));
  return {
    // Every row carries the list's size (COUNT(*) OVER ()).
    size: first.done || first.value.length === 0 ? 0 : num(first.value[0]!.n),
    batches: cancellable(
      (async function* () {
        let done = false;
        try {
          if (first.done) return;
          yield ids(first.value);
          for (;;) {
            const next = await rows.next();
            if (next.done) break;
            yield ids(next.value);
          }
          done = true;
        } finally {
          if (!done && !first.done) await rows.return?.();
        }
      })(),
      // Ended before the first read (a list over the limit): the generator's finally never ran.
      async () => {
        if (!first.done) await rows.return?.();
      },
    ),
  };
}

/**
 * `gen` as an iterable whose `return()` before the first `next()` still runs `cancel` (an
 * async generator that never started skips its own `finally`).
 */
function cancellable<T>(gen: AsyncGenerator<T>, cancel: () => Promise<void>): AsyncIterable<T> {
  let started = false;
  return {
    [Symbol.asyncIterator]: () => ({
      next: () => {
        started = true;
        return gen.next();
      },
      return: async (value?: unknown) => {
        if (!started) {
          started = true;
          await cancel();
        }
        return gen.return(value as never);
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    }),
  };
}

/** All ids of {@link warehouseSegmentCustomers}, as one array (for lists known to be short). */
export async function warehouseSegmentCustomerList(
  config: WarehouseConfig,
  options: Partial<ReportOptions>,
  query: SegmentQuery,
  access: WarehouseAccess = {},
): Promise<string[]> {
  const out: string[] = [];
  for await (const batch of (await warehouseSegmentCustomers(config, options, query, access)).batches)
    for (const id of batch) out.push(id);
  return out;
}
