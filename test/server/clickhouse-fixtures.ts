/**
 * A real ClickHouse engine for the pushdown tests and the bench: embedded ClickHouse
 * (`chdb`, a dev dependency) behind the official `@clickhouse/client`, so the very client
 * a vendor points at a cluster runs the statements. Importing this module fails when the
 * engine is not installed: the ClickHouse tests then fail, they never skip.
 */
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { createChdbConnection } from 'chdb/connection';
import { TABLES, type Input } from './fixtures.js';

/** A client over an in-process ClickHouse with an empty data directory (one per process). */
export function startClickHouse(): ClickHouseClient {
  // chdb types its connection with the deprecated @clickhouse/client-common package, whose
  // declarations differ from the client's bundled copy only nominally.
  return createClient({ connection: createChdbConnection({ path: ':memory:' }) as never });
}

/**
 * UTC wall-clock times in a column of another zone (as when the server's zone is not UTC):
 * the text is read in the column's zone on insert, and the dialect undoes it.
 */
const WALLCLOCK = "DateTime64(3, 'America/Sao_Paulo')";

const TYPES: Record<string, string> = {
  TEXT: 'Nullable(String)',
  DATE: 'Date32',
  DOUBLE: 'Nullable(Float64)',
  TIMESTAMPTZ: "DateTime64(3, 'UTC')",
  // A JSON object as text (JSONExtract reads String columns).
  JSON: 'Nullable(String)',
};

/**
 * Creates the five tables (default names, or `prefix` + name; MergeTree) and inserts the
 * input as JSONEachRow. `timeAs`: DateTime64 in UTC, Int64 epoch ms, or a DateTime64 of
 * another zone holding UTC wall-clock time written as text.
 */
export async function loadClickHouse(
  client: ClickHouseClient,
  input: Input,
  opts: { prefix?: string; timeAs?: 'datetime64' | 'epoch_ms' | 'utc_wallclock' } = {},
): Promise<void> {
  const prefix = opts.prefix ?? '';
  const timeAs = opts.timeAs ?? 'datetime64';
  for (const key of Object.keys(TABLES) as (keyof Input)[]) {
    const t = TABLES[key];
    const table = `\`${prefix}${t.name}\``;
    const type = (n: string, ty: string) => {
      if (ty === 'TIMESTAMPTZ')
        return timeAs === 'epoch_ms' ? 'Int64' : timeAs === 'utc_wallclock' ? WALLCLOCK : TYPES[ty]!;
      // Required columns are not Nullable, as in a typical ClickHouse schema.
      if (n === 'id' || n === 'customer_id' || (key === 'costs' && n === 'campaign_id')) return 'String';
      return TYPES[ty]!;
    };
    await client.command({ query: `DROP TABLE IF EXISTS ${table}` });
    await client.command({
      query: `CREATE TABLE ${table} (${t.columns.map(([n, ty]) => `\`${n}\` ${type(n, ty)}`).join(', ')})
        ENGINE = MergeTree ORDER BY tuple()`,
    });
    const rows = (input[key] as never[]).map((row) =>
      Object.fromEntries(
        t.columns.map(([n, ty, get]) => {
          const v = get(row);
          if (ty !== 'TIMESTAMPTZ' || v === null) return [n, v];
          if (timeAs === 'epoch_ms') return [n, v];
          // '2025-01-01 10:00:00.123': UTC wall-clock text.
          return [n, new Date(v as number).toISOString().replace('T', ' ').replace('Z', '')];
        }),
      ),
    );
    if (rows.length)
      await client.insert({
        table,
        values: rows,
        format: 'JSONEachRow',
        clickhouse_settings: { date_time_input_format: 'best_effort' },
      });
  }
}
