/**
 * The filters over order rows: attributes (KPI-SPEC 7.2) and channels.
 *
 * DOM-free.
 */
import type { Dataset } from '../../data/columns.js';

/**
 * Sets `pass[i]` for order rows `from .. to - 1`: 1 when the row passes every attribute
 * filter (it has each named attribute, with a value in the list), else 0.
 */
export function filterRows(
  ds: Dataset,
  filters: Record<string, string[]>,
  from: number,
  to: number,
  pass: Uint8Array,
): void {
  pass.fill(1, from, to);
  const attrs = ds.attributes;
  for (const name of Object.keys(filters)) {
    const k = attrs ? attrs.names.indexOf(name) : -1;
    if (k < 0) {
      pass.fill(0, from, to);
      continue;
    }
    const dict = attrs!.values[k]!;
    // allowed[code + 1]; slot 0 (the order lacks the attribute) fails.
    const allowed = new Uint8Array(dict.size + 1);
    for (const v of filters[name]!) {
      const code = dict.code(v);
      if (code >= 0) allowed[code + 1] = 1;
    }
    const col = attrs!.codes[k]!;
    for (let i = from; i < to; i++) if (i >= col.length || allowed[col[i]!] !== 1) pass[i] = 0;
  }
}

/**
 * The channel filter as a table by channel code + 1: 1 where the channel passes (every
 * channel, and orders without one, when `channels` is null; else the channels listed).
 */
export function channelPass(ds: Dataset, channels: readonly string[] | null): Uint8Array {
  const n = ds.channels.size;
  const pass = new Uint8Array(n + 1);
  pass[0] = channels === null ? 1 : 0;
  for (let c = 0; c < n; c++) pass[c + 1] = channels === null || channels.includes(ds.channels.value(c)) ? 1 : 0;
  return pass;
}
