/**
 * The commonest time cell of an orders export, read at fixed positions: `YYYY-MM-DDTHH:MM:SS`
 * (or a space for the `T`) followed by `Z` or an offset `±HH:MM`, ending the cell. The day
 * of each date is worked out once (by `fastIsoAt`) and kept, so a file of a year of orders
 * reads its dates from a small table. Any other shape, or a field out of range, is left to
 * the general reader (NaN), so the result is always the one `fastIsoAt` gives.
 *
 * DOM-free.
 */
import { fastIsoAt } from '../data/validate.js';
import type { Zone } from '../engine/time.js';

const FIRST_YEAR = 1900;
const YEARS = 400;
const MS_PER_DAY = 86_400_000;

/** Value of the two digits at `i` and `i + 1`, or a negative number when either is not a digit. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >>> 0 <= 9 && b >>> 0 <= 9 ? a * 10 + b : -1;
}

export class IsoCells {
  /** Past the cell after a successful {@link IsoCells.read}. */
  end = 0;
  readonly #zone: Zone;
  /** Day number + 1 of each date seen (0: not seen), by (year - FIRST_YEAR) * 372 + (month - 1) * 31 + day - 1. */
  #days: Int32Array | null = null;

  constructor(zone: Zone) {
    this.#zone = zone;
  }

  /**
   * The instant of the time cell starting at `s` when it has the shape above and ends at
   * `eol` or at a `sep`; NaN otherwise (nothing is read past `eol`).
   */
  read(text: string, s: number, eol: number, sep: number): number {
    let end = s + 20;
    if (end > eol) return NaN;
    const z = text.charCodeAt(s + 19);
    let offset = 0;
    if (z === 43 || z === 45) {
      end = s + 25;
      if (end > eol || text.charCodeAt(s + 22) !== 58) return NaN;
      const oh = two(text, s + 20);
      const om = two(text, s + 23);
      if (oh < 0 || om < 0 || oh > 23 || om > 59) return NaN;
      offset = (oh * 60 + om) * 60_000;
      if (z === 45) offset = -offset;
    } else if (z !== 90) return NaN;
    if (end < eol && text.charCodeAt(end) !== sep) return NaN;
    const t = text.charCodeAt(s + 10);
    if (
      text.charCodeAt(s + 4) !== 45 ||
      text.charCodeAt(s + 7) !== 45 ||
      (t !== 84 && t !== 32) ||
      text.charCodeAt(s + 13) !== 58 ||
      text.charCodeAt(s + 16) !== 58
    )
      return NaN;
    const hour = two(text, s + 11);
    const minute = two(text, s + 14);
    const second = two(text, s + 17);
    if (hour < 0 || minute < 0 || second < 0 || hour > 23 || minute > 59 || second > 60) return NaN;
    const hi = two(text, s);
    const lo = two(text, s + 2);
    const month = two(text, s + 5);
    const day = two(text, s + 8);
    if (hi < 0 || lo < 0 || month < 1 || month > 12 || day < 1 || day > 31) return NaN;
    const y = hi * 100 + lo - FIRST_YEAR;
    if (y < 0 || y >= YEARS) return NaN;
    const at = y * 372 + (month - 1) * 31 + day - 1;
    const days = (this.#days ??= new Int32Array(YEARS * 372));
    const ms = ((hour * 60 + minute) * 60 + Math.min(second, 59)) * 1000 - offset;
    let known = days[at]!;
    if (known === 0) {
      // First time this date is seen: fastIsoAt checks it and gives its day.
      const v = fastIsoAt(text, s, end, this.#zone);
      if (v !== v) return NaN;
      known = (v - ms) / MS_PER_DAY + 1;
      days[at] = known;
    }
    this.end = end;
    return (known - 1) * MS_PER_DAY + ms;
  }
}
