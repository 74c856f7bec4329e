/**
 * The ISO-8601 rule written as one regular expression: the reference the kit's one
 * hand-written reader (`readInstant` of core/time.ts) is checked against in property tests.
 */
import { daysFromCivil, daysInMonth, MS_PER_DAY, type Zone } from '../../src/core/time.js';

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Epoch ms of an ISO-8601 string (local time in `zone` without an offset), or null. */
export function referenceInstant(value: unknown, zone: Zone): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const m = ISO_RE.exec(value.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 24 || minute > 59 || second > 60 || (hour === 24 && (minute || second || ms))) return null;
  const tz = m[8];
  if (tz === undefined) return zone.wallClockToEpoch(year, month, day, hour, minute, Math.min(second, 59), ms);
  let offsetMin = 0;
  if (tz.toUpperCase() !== 'Z') {
    const sign = tz[0] === '-' ? -1 : 1;
    const digits = tz.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (oh > 23 || om > 59) return null;
    offsetMin = sign * (oh * 60 + om);
  }
  return (
    daysFromCivil(year, month, day) * MS_PER_DAY +
    ((hour * 60 + minute) * 60 + Math.min(second, 59)) * 1000 +
    ms -
    offsetMin * 60_000
  );
}
