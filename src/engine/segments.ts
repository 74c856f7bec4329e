/**
 * `segmentCustomers`: the customer ids of one recency or re-activation segment (KPI-SPEC
 * 7.3), for a host CRM to act on.
 *
 * DOM-free.
 */
import { createDataset, isDataset } from '../data/dataset.js';
import type { Dataset } from '../data/columns.js';
import { channelPass, filterRows } from './aggregation/filters.js';
import { resolveForDataset } from './compute.js';
import { resolveOptions } from './options.js';
import type { ReportInput } from './report.js';
import { SEGMENT_OF } from '../core/vocabulary.js';
import type { ReportOptions, SegmentQuery } from './report-types.js';

/**
 * Compares two strings by code point (not by UTF-16 unit, which orders characters above
 * U+FFFF before U+E000..U+FFFF).
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (U+D800..U+DFFF) stand for code points above U+FFFF: they sort last.
    const fx = x >= 0xd800 && x <= 0xdfff ? x + 0x2000 : x >= 0xe000 ? x - 0x800 : x;
    const fy = y >= 0xd800 && y <= 0xdfff ? y + 0x2000 : y >= 0xe000 ? y - 0x800 : y;
    return fx - fy;
  }
  return a.length - b.length;
}

/**
 * The customer ids of one segment, sorted by code point (KPI-SPEC 7.3):
 *  - `of: 'recency'`: customers whose last valid order on or before `asOf` is that many
 *    days before `asOf` (no filter applies), as `report.recency`;
 *  - `of: 'reactivation'`: customers whose last valid order on or before the day before
 *    `from` is that many days before it (no filter applies), as `report.reactivation`;
 *  - `of: 'returned'`: those of the re-activation segment with at least one order in A
 *    (period, campaigns, channel and attribute filters of `options`).
 *
 * `data` is the canonical input or a dataset, as for `computeReport`; `segment` is a label
 * of the options' `recencyBounds` (`0-7`, `8-14`, `15-28`, `29+` by default). Throws a
 * TypeError for a segment or `of` the options do not define (the message lists the valid
 * ones); bad data and options are handled as `computeReport` handles them.
 *
 * @example
 * const ids = segmentCustomers(data, { from: '2026-01-20', to: '2026-02-05' }, { segment: '8-14', of: 'returned' });
 */
export function segmentCustomers(data: Dataset | ReportInput, options: ReportOptions, query: SegmentQuery): string[] {
  const ds = isDataset(data) ? data : createDataset(data, { timeZone: resolveOptions(options).timeZone });
  const o = resolveForDataset(ds, options);
  const of = query?.of;
  if (!(SEGMENT_OF as readonly unknown[]).includes(of))
    throw new TypeError(`segmentCustomers: of must be one of ${SEGMENT_OF.join(', ')} (got ${JSON.stringify(of)})`);
  const seg = o.recencySegments.indexOf(query.segment);
  if (seg < 0)
    throw new TypeError(
      `segmentCustomers: segment must be one of ${o.recencySegments.join(', ')} (got ${JSON.stringify(query.segment)})`,
    );
  // Gaps in days covered by the segment.
  const bounds = o.recencyBounds;
  const lo = seg === 0 ? 0 : bounds[seg - 1]! + 1;
  const hi = seg < bounds.length ? bounds[seg]! : Infinity;
  const ref = of === 'recency' ? o.asOfDay : o.fromDay - 1;

  const orders = ds.orders;
  const n = orders.length;
  const nc = ds.customers.size;
  const last = new Int32Array(nc).fill(-1);
  const { customer, day } = orders;
  for (let i = 0; i < n; i++) {
    const d = day[i]!;
    const c = customer[i]!;
    if (d <= ref && d > last[c]!) last[c] = d;
  }

  let returned: Uint8Array | null = null;
  if (of === 'returned') {
    returned = new Uint8Array(nc);
    const selected = new Uint8Array(ds.campaigns.length);
    if (o.campaignIds === null) selected.fill(1);
    else
      for (const id of o.campaignIds) {
        const code = ds.campaignIndex.get(id);
        if (code !== undefined) selected[code] = 1;
      }
    const chPass = channelPass(ds, o.channels);
    let rowPass: Uint8Array | null = null;
    if (o.filters !== null) {
      rowPass = new Uint8Array(n);
      filterRows(ds, o.filters, 0, n, rowPass);
    }
    const { campaign, channel } = orders;
    for (let i = 0; i < n; i++) {
      const d = day[i]!;
      if (d < o.fromDay || d > o.toDay) continue;
      const cam = campaign[i]!;
      if (cam < 0 || selected[cam] !== 1 || chPass[channel[i]! + 1] !== 1) continue;
      if (rowPass !== null && rowPass[i] !== 1) continue;
      returned[customer[i]!] = 1;
    }
  }

  const ids: string[] = [];
  for (let c = 0; c < nc; c++) {
    const d = last[c]!;
    if (d < 0) continue;
    const gap = ref - d;
    if (gap < lo || gap > hi) continue;
    if (returned !== null && returned[c] !== 1) continue;
    ids.push(ds.customers.value(c));
  }
  return ids.sort(compareCodePoints);
}
