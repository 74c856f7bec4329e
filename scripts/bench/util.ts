/** Helpers shared by the benchmarks: timing, medians, memory, and a seeded random source. */

export const isBrowser = typeof window !== 'undefined';

/** Median of the timings of `runs` calls of `fn` (after `warmup` untimed calls), in ms. */
export async function median(fn: () => unknown | Promise<unknown>, runs = 7, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Runs a garbage collection when the runtime exposes it (node --expose-gc, chromium --js-flags=--expose-gc). */
export function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) g();
}

/** Heap in use, bytes (Node: process.memoryUsage; Chromium: performance.memory). */
export function heapUsed(): number {
  gc();
  const p = (globalThis as { process?: { memoryUsage(): { heapUsed: number; arrayBuffers: number } } }).process;
  if (p) {
    const m = p.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  }
  const mem = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return mem ? mem.usedJSHeapSize : NaN;
}

import { seeded } from '../../demo/generate.js';

export { seeded };

export function fmtMs(ms: number): string {
  return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
}

/** Prints one result line: name, figure, target and whether it is met. */
export function report(name: string, ms: number, targetMs?: number, extra = ''): void {
  const verdict =
    targetMs === undefined
      ? ''
      : ms <= targetMs
        ? `  (target ≤ ${targetMs} ms: met)`
        : `  (target ≤ ${targetMs} ms: NOT met)`;
  console.log(`${name.padEnd(48)} ${fmtMs(ms).padStart(11)}${verdict}${extra ? `  ${extra}` : ''}`);
}
