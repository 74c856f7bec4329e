/**
 * The public surface of the dataset: `createDataset(input, { timeZone })` validates the
 * canonical input record by record and builds the columnar {@link Dataset} the engine reads
 * (see columns.ts for the layout); `createDatasetBuilder` feeds one record at a time, or
 * plain rows of a text read in place, for adapters that parse files or feeds.
 *
 * - Ids are dictionary-encoded once, at ingest: campaigns by their index, customers in a
 *   compact dictionary, channels and cost categories in small dictionaries.
 * - Order ids are not kept, only hashes of them: a repeated id is reported and never
 *   counted twice (order-ingest.ts).
 * - `append(records)` adds records of any collections without a rebuild: columns grow
 *   geometrically, `firstOrder` is kept right, `version` increases.
 *
 * The interfaces are in dataset-contract.ts, the implementation in columnar-dataset.ts (the
 * columns and the collections) and order-ingest.ts (orders: queued, deduplicated, first
 * orders).
 *
 * Bad input never throws: records are reported in `issues`, an unknown time zone is
 * reported and UTC used.
 *
 * DOM-free.
 */
import { ColumnarDataset } from './columnar-dataset.js';
import type { DataInput } from './records.js';
import type { DatasetBuilder, DatasetOptions, LiveDataset } from './dataset-contract.js';

export { isDataset } from './columns.js';
export type { AppendResult, DatasetBuilder, DatasetOptions, LiveDataset, RowSink } from './dataset-contract.js';

/**
 * Validates `input` record by record and builds the columnar dataset the engine reads.
 * Never throws on bad data: see `dataset.issues`.
 *
 * @example
 * const ds = createDataset({ campaigns, orders }, { timeZone: 'Asia/Ho_Chi_Minh' });
 * ds.append({ orders: [newOrder] }); // live data
 */
export function createDataset(input: DataInput = {}, options: DatasetOptions = {}): LiveDataset {
  const expectedOrders = Array.isArray(input?.orders) ? input.orders.length : 0;
  const ds = new ColumnarDataset(options, expectedOrders);
  ds.addAll(input);
  return ds.finish();
}

/**
 * Starts a dataset fed one record at a time (`add`), for parsers that stream rows; `finish`
 * returns the dataset. `expectedOrders` presizes the order columns.
 */
export function createDatasetBuilder(options: DatasetOptions = {}, expectedOrders = 0): DatasetBuilder {
  return new ColumnarDataset(options, expectedOrders);
}
