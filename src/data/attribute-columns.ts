/**
 * Order attributes as the dataset holds them (KPI-SPEC 7.2), column by column.
 *
 * DOM-free.
 */
import type { AttributeColumns } from './columns.js';
import { headroom } from './column-growth.js';
import { SmallDictionary } from './compact/index.js';

/** Largest number of distinct values of one attribute name. */
const MAX_ATTRIBUTE_VALUES = 0x7ffffffe;

/**
 * Order attributes, column by column (see {@link AttributeColumns}): names as first
 * accepted, a dictionary of values and a column of codes + 1 per name. A column grows with
 * the rows written to it; rows past its end lack the attribute.
 */
export class Attributes implements AttributeColumns {
  readonly names: string[] = [];
  readonly values: SmallDictionary[] = [];
  codes: Int32Array[] = [];
  readonly #index = new Map<string, number>();

  has(name: string): boolean {
    return this.#index.has(name);
  }

  /** Adds a name (the caller checked the limit). */
  addName(name: string): void {
    this.#index.set(name, this.names.length);
    this.names.push(name);
    this.values.push(new SmallDictionary(MAX_ATTRIBUTE_VALUES));
    this.codes.push(new Int32Array(0));
  }

  /** Writes the attributes of order `row` (every name known). */
  set(row: number, attrs: Record<string, string>): void {
    for (const name in attrs) {
      if (!Object.prototype.hasOwnProperty.call(attrs, name)) continue;
      const k = this.#index.get(name)!;
      let col = this.codes[k]!;
      if (row >= col.length) {
        const next = new Int32Array(Math.max(row + 1, Math.ceil(col.length * 1.5) + 16));
        next.set(col);
        this.codes[k] = col = next;
      }
      col[row] = this.values[k]!.intern(attrs[name]!) + 1;
    }
  }

  /** Releases spare capacity beyond `rows` plus headroom. */
  trim(rows: number): void {
    for (let k = 0; k < this.codes.length; k++) {
      const col = this.codes[k]!;
      const want = Math.min(col.length, headroom(rows));
      if (col.length > want) this.codes[k] = col.slice(0, want);
    }
  }

  get byteLength(): number {
    let n = 0;
    for (const c of this.codes) n += c.byteLength;
    for (const d of this.values) n += d.byteLength;
    return n;
  }
}
