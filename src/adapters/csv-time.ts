/**
 * The commonest time cell of an orders export, read in place: `YYYY-MM-DDTHH:MM:SS` (or a
 * space for the `T`) followed by `Z` or an offset `±HH:MM`, ending the cell. The shape is
 * read at fixed positions by the dataset's own reader (`fixedIso`), so the result is the
 * one `fastIsoAt` gives; any other shape, or a field out of range, is left to the general
 * reader (NaN).
 *
 * DOM-free.
 */
import { fixedIso } from '../data/validate.js';

export class IsoCells {
  /** Past the cell after a successful {@link IsoCells.read}. */
  end = 0;

  /**
   * The instant of the time cell starting at `s` when it has the shape above and ends at
   * `eol` or at a `sep`; NaN otherwise (nothing is read past `eol`).
   */
  read(text: string, s: number, eol: number, sep: number): number {
    const z = text.charCodeAt(s + 19);
    const end = s + (z === 43 || z === 45 ? 25 : 20);
    if (end > eol || (end < eol && text.charCodeAt(end) !== sep)) return NaN;
    const t = fixedIso(text, s, end - s);
    if (t === t) this.end = end;
    return t;
  }
}
