/**
 * {@link StringSlots}: one replaceable string per code (the id of each customer's first
 * order), held in a {@link CharPool}.
 *
 * DOM-free.
 */
import { CharPool } from './char-pool.js';
import { release } from './hash.js';

/**
 * One string per code that can be replaced (the id of each customer's first order). Built
 * from ranges of a text and a plain array at the end of a bulk build (`fromRanges`), then
 * held in a pool; a replaced string leaves its old characters behind until the next
 * `compact`, which builds the slots again from their current strings.
 */
export class StringSlots {
  #pool = new CharPool();
  #start = new Uint32Array(0);
  /** Length of each string; 255 marks a longer one, held in `#long`. */
  #len = new Uint8Array(0);
  #long = new Map<number, string>();
  /** Characters of the current strings (the rest of the pool is garbage). */
  #live = 0;

  get(code: number): string {
    const n = this.#len[code] ?? 0;
    if (n === 255) return this.#long.get(code) ?? '';
    const at = this.#start[code]!;
    return this.#pool.read(at, at + n);
  }

  set(code: number, s: string): void {
    if (code >= this.#start.length) {
      const n = Math.max(code + 1, Math.ceil(this.#start.length * 1.5) + 16);
      const start = new Uint32Array(n);
      start.set(this.#start);
      const len = new Uint8Array(n);
      len.set(this.#len);
      release(this.#start);
      release(this.#len);
      this.#start = start;
      this.#len = len;
    }
    const old = this.#len[code]!;
    if (old === 255) this.#long.delete(code);
    else this.#live -= old;
    this.#put(code, s);
    // Old strings pile up on live data: rewrite when more than half the pool is garbage.
    if (this.#pool.length > 4096 && this.#pool.length > 2 * this.#live) this.#compact();
  }

  /**
   * Replaces every slot, sized exactly: slot `c` is `text` from `at[c] / 65536` for
   * `at[c] % 65536` characters when `at[c] >= 0`, else `values[c]` ("" when undefined).
   */
  fromRanges(n: number, text: string, at: ArrayLike<number>, values: readonly (string | undefined)[]): void {
    this.#release();
    let chars = 0;
    for (let c = 0; c < n; c++) {
      const a = at[c] ?? -1;
      const len = a >= 0 ? a % 65536 : (values[c]?.length ?? 0);
      if (len < 255) chars += len;
    }
    this.#pool = new CharPool(chars + 64);
    this.#long.clear();
    this.#live = 0;
    this.#start = new Uint32Array(n + (n >> 7) + 16);
    this.#len = new Uint8Array(this.#start.length);
    for (let c = 0; c < n; c++) {
      const a = at[c] ?? -1;
      if (a < 0) {
        this.#put(c, values[c] ?? '');
        continue;
      }
      const from = Math.floor(a / 65536);
      const len = a % 65536;
      if (len >= 255) this.#put(c, text.slice(from, from + len));
      else {
        this.#start[c] = this.#pool.pushRange(text, from, from + len);
        this.#len[c] = len;
        this.#live += len;
      }
    }
  }

  get byteLength(): number {
    let n = this.#pool.chars.byteLength + this.#start.byteLength + this.#len.byteLength;
    for (const v of this.#long.values()) n += 64 + 2 * v.length;
    return n;
  }

  #put(code: number, s: string): void {
    if (s.length >= 255) {
      this.#len[code] = 255;
      this.#long.set(code, s);
      return;
    }
    this.#start[code] = this.#pool.push(s);
    this.#len[code] = s.length;
    this.#live += s.length;
  }

  /** Frees the pool and slot arrays about to be replaced. */
  #release(): void {
    release(this.#pool.chars);
    release(this.#start);
    release(this.#len);
  }

  #compact(): void {
    const values: string[] = [];
    for (let c = 0; c < this.#start.length; c++) values.push(this.get(c));
    this.fromRanges(values.length, '', [], values);
  }
}
