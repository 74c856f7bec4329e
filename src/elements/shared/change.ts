/**
 * The change of a KPI against the comparison period as widgets show it: the format
 * layer's {@link describeChange} (KPI-SPEC section 3) plus the words of the locale for
 * percentage points. One place, so every widget says a change the same way.
 */
import { describeChange, type ChangeText, type FormatOptions } from '../../format/format.js';
import type { KpiUnit } from '../../core/vocabulary.js';
import { POINTS_MESSAGES, translator } from '../../i18n/strings.js';
import { cell, type DataCell } from './data-table.js';

const pointsText = /* @__PURE__ */ translator(POINTS_MESSAGES);

/** A change ready to show: short (`+2.3 pts`) and spoken (`2.3 percentage points`). */
export interface ShownChange extends ChangeText {
  /** Signed, with the unit word for points: "+12.5%", "+2.3 pts", "+44,719,000 ₫". */
  signed: string;
  /** Unsigned, for sentences ("up {value}"), points spelled out. */
  spoken: string;
}

/** The change of `kv` shown in `unit`, or null when there is nothing to compare. */
export function showChange(
  kv: { value: number | null; previous: number | null; delta?: number | null },
  unit: KpiUnit,
  options: FormatOptions = {},
): ShownChange | null {
  const c = describeChange(kv, unit, options);
  if (!c) return null;
  const locale = options.locale ?? 'en';
  const points = c.kind === 'points';
  return {
    ...c,
    signed: points ? pointsText(locale, 'delta.points', { value: c.text }) : c.text,
    spoken: points ? pointsText(locale, 'delta.pointsLong', { value: c.magnitude }) : c.magnitude,
  };
}

/** A table cell of the change (numeric for CSV export, text as shown); "—" when none. */
export function changeCell(
  kv: { value: number | null; previous: number | null; delta?: number | null },
  unit: KpiUnit,
  options: FormatOptions = {},
): DataCell {
  const c = showChange(kv, unit, options);
  return c ? cell(c.amount, c.signed) : cell(null, '—');
}
