/**
 * Assembly: the {@link Aggregates} of a state, read from its accumulators.
 *
 * DOM-free.
 */
import type { Dataset } from '../../data/columns.js';
import {
  AGGREGATES_VERSION,
  type Aggregates,
  type CohortAggregate,
  type DailyAggregate,
  type GroupAggregate,
  type PacingInput,
  type ReactivationAggregate,
  type ScopeMeasures,
} from '../aggregates-contract.js';
import { DAILY_MEASURE_NAMES, emptyMeasures, MEASURE_NAMES, type Measures } from '../measures.js';
import { formatDay } from '../../core/time.js';
import type { RecencyRow } from '../report-types.js';
import { BASE_FIELDS, DAILY_FIELDS, DAILY_SLOT, selectionWide, SLOT } from './slots.js';
import { bucketLabel, type State } from './state.js';

/** The measures of one scope and period, read from its block (selection-wide measures from the selection's). */
function measuresAt(s: State, scope: number, p: number): Measures {
  const F = s.F;
  const a = s.acc;
  const o = (scope * 2 + p) * F;
  const g = p * F; // the whole selection, for measures not tied to a campaign
  const m = emptyMeasures(s.o.days, s.o.lifetimeDays);
  for (const name of MEASURE_NAMES) m[name] = a[(selectionWide(name) ? g : o) + SLOT[name]]!;
  s.custom.forEach((c, k) => {
    m.custom[c.name] = a[(c.measure.collection === 'loyalty' ? g : o) + BASE_FIELDS + k]!;
  });
  return m;
}

function scope(s: State, i: number): ScopeMeasures {
  return { current: measuresAt(s, i, 0), previous: measuresAt(s, i, 1) };
}

/** The recency segments of the bounds (`0-7`, `8-14`, `15-28`, `29+` by default) from the counts by gap. */
function recency(s: State): RecencyRow[] {
  const upTo = [...s.o.recencyBounds, s.gaps - 1];
  let g = 0;
  return s.o.recencySegments.map((segment, k) => {
    let customers = 0;
    let revenue = 0;
    for (; g <= upTo[k]!; g++) {
      customers += s.gapCust[2 * g]! + s.gapCust[2 * g + 1]!;
      revenue += s.gapRev[2 * g]! + s.gapRev[2 * g + 1]!;
    }
    return { segment, customers, revenue };
  });
}

/** The re-activation segments of the bounds from the counts by gap. */
function reactivation(s: State): ReactivationAggregate[] {
  const upTo = [...s.o.recencyBounds, s.gaps - 1];
  let g = 0;
  return s.o.recencySegments.map((segment, k) => {
    const r: ReactivationAggregate = { segment, customers: 0, returned: 0, orders: 0, revenue: 0 };
    for (; g <= upTo[k]!; g++) {
      r.customers += s.reCust[g]!;
      r.returned += s.reRet[g]!;
      r.orders += s.reOrd[g]!;
      r.revenue += s.reRev[g]!;
    }
    return r;
  });
}

/** The aggregates of a state: plain data, as {@link Aggregates} says. */
export function buildAggregates(ds: Dataset, s: State): Aggregates {
  const o = s.o;
  const S = s.sel.length;
  const ids = s.sel.map((c) => ds.campaigns[c]!.id);
  // Maps keyed by data (campaign ids, channels) are built from entries: an id such as
  // `__proto__` then becomes an own key instead of setting the prototype.
  const byCampaign: Record<string, ScopeMeasures> = Object.fromEntries(ids.map((id, k) => [id, scope(s, 1 + k)]));

  const channelEntries: [string, Aggregates['byChannel'][string]][] = [];
  for (let ch = 0; ch < ds.channels.size; ch++) {
    if (!(s.chOrd[ch]! > 0)) continue;
    channelEntries.push([ds.channels.value(ch), { revenue: s.chRev[ch]!, orders: s.chOrd[ch]!, buyers: s.chBuy[ch]! }]);
  }
  const byChannel: Aggregates['byChannel'] = Object.fromEntries(channelEntries);

  const daily: DailyAggregate[] = [];
  for (let d = 0; d < o.days; d++) {
    // Days x campaigns objects: assigned key by key (cheaper than from entries), with an
    // id `__proto__` defined as an own key as from entries.
    const bc: DailyAggregate['byCampaign'] = {};
    for (let k = 0; k < S; k++) {
      const v = { revenue: s.dCampRev[d * S + k]!, orders: s.dCampOrd[d * S + k]! };
      const id = ids[k]!;
      if (id === '__proto__')
        Object.defineProperty(bc, id, { value: v, enumerable: true, writable: true, configurable: true });
      else bc[id] = v;
    }
    const point = { date: formatDay(o.fromDay + d), byCampaign: bc } as DailyAggregate;
    const at = d * DAILY_FIELDS;
    for (const name of DAILY_MEASURE_NAMES) point[name] = s.daily[at + DAILY_SLOT[name]]!;
    daily.push(point);
  }

  const rows: CohortAggregate[] = [];
  for (let b = 0; b < s.nb; b++) {
    const len = s.nb - b;
    rows.push({
      cohort: bucketLabel(o.cohortGrain, s.bFrom + b),
      size: s.cSize[b]!,
      active: Array.from(s.cActive.subarray(b * s.nb, b * s.nb + len)),
      revenue: Array.from(s.cRev.subarray(b * s.nb, b * s.nb + len)),
    });
  }

  const pacingEntries: [string, PacingInput][] = [];
  for (const c of s.sel) {
    if (s.pActive[c] !== 1) continue;
    const cp = ds.campaigns[c]!;
    pacingEntries.push([
      cp.id,
      {
        budget: cp.budget!,
        start: formatDay(cp.start),
        end: formatDay(cp.end),
        spent: s.pSpent[c + 1]!,
        revenue: s.pRev[c + 1]!,
      },
    ]);
  }
  const pacing: Record<string, PacingInput> = Object.fromEntries(pacingEntries);

  const loyaltyEntries: [string, { earned: number; redeemed: number }][] = [];
  for (let ch = 0; ch < ds.channels.size; ch++) {
    if (!(s.lyChN[ch]! > 0)) continue;
    loyaltyEntries.push([ds.channels.value(ch), { earned: s.lyChE[ch]!, redeemed: s.lyChR[ch]! }]);
  }

  const out: Aggregates = {
    version: AGGREGATES_VERSION,
    total: scope(s, 0),
    byCampaign,
    byChannel,
    daily,
    cohorts: { grain: o.cohortGrain, rows },
    recency: recency(s),
    reactivation: reactivation(s),
    loyaltyByChannel: Object.fromEntries(loyaltyEntries),
    pacing,
    issues: [...ds.issues, ...s.issues],
  };
  if (s.breakdowns.length > 0) {
    const attrs = ds.attributes;
    out.byAttribute = Object.fromEntries(
      s.breakdowns.map((b) => {
        const entries: [string, GroupAggregate][] = [];
        if (b.k >= 0 && attrs) {
          const dict = attrs.values[b.k]!;
          for (let v = 0; v < b.ord.length && v < dict.size; v++)
            if (b.ord[v]! > 0)
              entries.push([dict.value(v), { revenue: b.rev[v]!, orders: b.ord[v]!, buyers: b.buy[v]! }]);
        }
        return [b.name, Object.fromEntries(entries)];
      }),
    );
  }
  return out;
}
