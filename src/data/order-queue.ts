/**
 * The queue of valid orders the dataset adds 256 at a time (see `flush` in
 * order-ingest.ts): column by column, so a batch reads and writes typed arrays only.
 *
 * DOM-free.
 */
/**
 * Valid orders queued before they are added (see `flush`): read in place (ranges of
 * `text`, `ids[k]` null) or from a record (`ids`, `customers`, `campaigns`, `channels`).
 */
export const QUEUE = 256;

export function newQueue() {
  const i32 = () => new Int32Array(QUEUE);
  const f64 = () => new Float64Array(QUEUE);
  return {
    n: 0,
    text: '',
    index: i32(),
    hashed: new Uint8Array(QUEUE),
    /** 1 when the id was new (added), 0 when repeated. */
    fresh: new Uint8Array(QUEUE),
    ids: new Array<string | null>(QUEUE).fill(null),
    customers: new Array<string>(QUEUE).fill(''),
    campaigns: new Array<string | undefined>(QUEUE).fill(undefined),
    channels: new Array<string | undefined>(QUEUE).fill(undefined),
    attributes: new Array<Record<string, string> | undefined>(QUEUE).fill(undefined),
    idStart: i32(),
    idEnd: i32(),
    customerStart: i32(),
    customerEnd: i32(),
    campaignStart: i32(),
    campaignEnd: i32(),
    channelStart: i32(),
    channelEnd: i32(),
    time: f64(),
    revenue: f64(),
    discount: f64(),
    cogs: f64(),
    key: f64(),
    hashA: i32(),
    hashB: i32(),
    code: i32(),
    at: i32(),
  };
}

/** The queue of valid orders waiting to be added. */
export type OrderQueue = ReturnType<typeof newQueue>;
