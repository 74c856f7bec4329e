/**
 * {@link SmallDictionary}: a dictionary of few values (channels, cost categories) on a Map.
 *
 * DOM-free.
 */
import type { Dictionary } from '../columns.js';

export class SmallDictionary implements Dictionary {
  #values: string[] = [];
  #codes = new Map<string, number>();
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  get size(): number {
    return this.#values.length;
  }

  value(code: number): string {
    return this.#values[code] ?? '';
  }

  code(value: string): number {
    return this.#codes.get(value) ?? -1;
  }

  /** {@link code} of `text.slice(start, end)`; compares in place while the dictionary is small. */
  codeAt(text: string, start: number, end: number): number {
    const values = this.#values;
    if (values.length > 16) return this.code(text.slice(start, end));
    const n = end - start;
    outer: for (let c = 0; c < values.length; c++) {
      const v = values[c]!;
      if (v.length !== n) continue;
      for (let i = 0; i < n; i++) if (v.charCodeAt(i) !== text.charCodeAt(start + i)) continue outer;
      return c;
    }
    return -1;
  }

  /** The code of `value`, adding it when new; -1 when the dictionary is full. */
  intern(value: string): number {
    let c = this.#codes.get(value);
    if (c === undefined) {
      if (this.#values.length >= this.#limit) return -1;
      c = this.#values.length;
      this.#values.push(value);
      this.#codes.set(value, c);
    }
    return c;
  }

  get byteLength(): number {
    let n = 0;
    for (const v of this.#values) n += 64 + v.length * 2;
    return n;
  }
}
