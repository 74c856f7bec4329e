/**
 * {@link CharPool}: the characters of many strings in one typed array, Latin-1 bytes until
 * a wider character arrives, then UTF-16.
 *
 * DOM-free.
 */
import { release } from './hash.js';

/** A character pool: Latin-1 bytes until a wider character arrives, then UTF-16. */
export class CharPool {
  chars: Uint8Array | Uint16Array;
  length = 0;

  constructor(capacity = 1024) {
    this.chars = new Uint8Array(capacity);
  }

  push(s: string): number {
    const start = this.length;
    const end = start + s.length;
    let chars = this.chars;
    if (end > chars.length) chars = this.#grow(end);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c > 255 && chars instanceof Uint8Array) chars = this.#widen();
      chars[start + i] = c;
    }
    this.length = end;
    return start;
  }

  /** Appends `text.slice(from, to)`; returns where it starts. */
  pushRange(text: string, from: number, to: number): number {
    const start = this.length;
    const end = start + (to - from);
    let chars = this.chars;
    if (end > chars.length) chars = this.#grow(end);
    for (let i = from, j = start; i < to; i++, j++) {
      const c = text.charCodeAt(i);
      if (c > 255 && chars instanceof Uint8Array) chars = this.#widen();
      chars[j] = c;
    }
    this.length = end;
    return start;
  }

  read(start: number, end: number): string {
    const chars = this.chars;
    if (end - start < 64) {
      let s = '';
      for (let i = start; i < end; i++) s += String.fromCharCode(chars[i]!);
      return s;
    }
    return String.fromCharCode.apply(null, Array.from(chars.subarray(start, end)));
  }

  equals(start: number, end: number, s: string): boolean {
    if (end - start !== s.length) return false;
    const chars = this.chars;
    // Ids often share a prefix and differ at the end: compare from the end.
    for (let i = s.length - 1; i >= 0; i--) if (chars[start + i] !== s.charCodeAt(i)) return false;
    return true;
  }

  /** Whether pool characters `[start, end)` equal `text.slice(from, to)`. */
  equalsAt(start: number, end: number, text: string, from: number, to: number): boolean {
    if (end - start !== to - from) return false;
    const chars = this.chars;
    for (let i = to - from - 1; i >= 0; i--) if (chars[start + i] !== text.charCodeAt(from + i)) return false;
    return true;
  }

  trim(): void {
    const chars = this.chars;
    if (chars.length > this.length + 64) {
      this.chars = chars.slice(0, this.length + 64);
      release(chars);
    }
  }

  #grow(min: number): Uint8Array | Uint16Array {
    const chars = this.chars;
    const next = new (chars.constructor as Uint8ArrayConstructor)(Math.max(min, chars.length * 2));
    next.set(chars);
    this.chars = next;
    release(chars);
    return next;
  }

  #widen(): Uint16Array {
    const chars = this.chars;
    const wide = new Uint16Array(chars.length);
    wide.set(chars);
    this.chars = wide;
    release(chars);
    return wide;
  }
}
