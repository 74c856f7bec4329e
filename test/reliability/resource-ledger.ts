/**
 * Counts live resources by wrapping the browser APIs that hold them: event listeners,
 * ResizeObserver targets, Workers, intervals and pending timeouts. Install once, before the
 * code under test creates anything; `snapshot()` gives the live counts.
 */

export interface ResourceCounts {
  listeners: number;
  observed: number;
  observers: number;
  workers: number;
  intervals: number;
  timeouts: number;
}

// Weakly held, so the ledger keeps nothing alive: a target's listeners live as long as it does.
const listeners = new WeakMap<EventTarget, Map<string, Set<unknown>>>();
const targets = new Set<WeakRef<EventTarget>>();
const observed = new WeakMap<ResizeObserver, Set<WeakRef<Element>>>();
const observers = new Set<WeakRef<ResizeObserver>>();
const workers = new Set<Worker>();
const intervals = new Set<number>();
const timeouts = new Set<number>();
let installed = false;

function key(type: string, options?: boolean | AddEventListenerOptions | EventListenerOptions): string {
  const capture = typeof options === 'boolean' ? options : !!options?.capture;
  return `${type}|${capture}`;
}

export function installLedger(): void {
  if (installed) return;
  installed = true;
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (this: EventTarget, type, fn, options) {
    if (fn) {
      let byType = listeners.get(this);
      if (!byType) {
        byType = new Map<string, Set<unknown>>();
        listeners.set(this, byType);
        targets.add(new WeakRef(this));
      }
      const k = key(type, options);
      const set = byType.get(k) ?? new Set();
      byType.set(k, set);
      set.add(fn);
      const once = typeof options === 'object' && options?.once;
      const signal = typeof options === 'object' ? options?.signal : undefined;
      if (once || signal) {
        const drop = () => set.delete(fn);
        if (once) add.call(this, type, drop, { once: true, capture: typeof options === 'object' && !!options.capture });
        signal?.addEventListener('abort', drop, { once: true });
      }
    }
    return add.call(this, type, fn, options);
  };
  EventTarget.prototype.removeEventListener = function (this: EventTarget, type, fn, options) {
    listeners.get(this)?.get(key(type, options))?.delete(fn);
    return remove.call(this, type, fn, options);
  };

  const RO = window.ResizeObserver;
  window.ResizeObserver = class extends RO {
    constructor(cb: ResizeObserverCallback) {
      super(cb);
      observed.set(this, new Set());
      observers.add(new WeakRef(this));
    }
    override observe(target: Element, options?: ResizeObserverOptions): void {
      observed.get(this)!.add(new WeakRef(target));
      super.observe(target, options);
    }
    override unobserve(target: Element): void {
      const set = observed.get(this);
      for (const r of set ?? []) if (r.deref() === target) set!.delete(r);
      super.unobserve(target);
    }
    override disconnect(): void {
      observed.get(this)?.clear();
      super.disconnect();
    }
  };

  const W = window.Worker;
  window.Worker = class extends W {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      workers.add(this);
    }
    override terminate(): void {
      workers.delete(this);
      super.terminate();
    }
  };

  const si = window.setInterval.bind(window);
  const ci = window.clearInterval.bind(window);
  const st = window.setTimeout.bind(window);
  const ct = window.clearTimeout.bind(window);
  window.setInterval = ((fn: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id = si(fn, ms, ...args);
    intervals.add(id);
    return id;
  }) as typeof setInterval;
  window.clearInterval = ((id?: number) => {
    if (id !== undefined) intervals.delete(id);
    ci(id);
  }) as typeof clearInterval;
  window.setTimeout = ((fn: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id: number = st(() => {
      timeouts.delete(id);
      if (typeof fn === 'function') (fn as (...a: unknown[]) => void)(...args);
    }, ms);
    timeouts.add(id);
    return id;
  }) as typeof setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) timeouts.delete(id);
    ct(id);
  }) as typeof clearTimeout;
}

/**
 * Live resources now: listeners on connected nodes and on non-node targets (window,
 * document, media queries, signals...), elements observed while still alive, workers not
 * terminated, intervals not cleared, timeouts pending. Listeners on detached nodes are not
 * counted (they go with their node); a retained node shows in the heap check instead.
 */
export function snapshot(): ResourceCounts {
  let l = 0;
  for (const ref of targets) {
    const t = ref.deref();
    if (!t) {
      targets.delete(ref);
      continue;
    }
    if (t instanceof Node && !t.isConnected) continue;
    for (const set of listeners.get(t)?.values() ?? []) l += set.size;
  }
  let o = 0;
  let n = 0;
  for (const ref of observers) {
    const ro = ref.deref();
    if (!ro) {
      observers.delete(ref);
      continue;
    }
    let live = 0;
    for (const r of observed.get(ro) ?? []) if (r.deref()) live++;
    o += live;
    if (live) n++;
  }
  return {
    listeners: l,
    observed: o,
    observers: n,
    workers: workers.size,
    intervals: intervals.size,
    timeouts: timeouts.size,
  };
}

/** Used JS heap after a full garbage collection (Chromium, with --js-flags=--expose-gc), or null. */
export async function heapAfterGc(): Promise<number | null> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const mem = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  if (!gc || !mem) return null;
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 0));
  }
  return mem.usedJSHeapSize;
}

/** The live listeners, described (for failure messages). */
export function describeListeners(): string[] {
  const out: string[] = [];
  for (const ref of targets) {
    const t = ref.deref();
    if (!t || (t instanceof Node && !t.isConnected)) continue;
    const name = t instanceof Element ? `<${t.localName}>` : t.constructor.name;
    for (const [k, set] of listeners.get(t) ?? []) if (set.size) out.push(`${name} ${k} x${set.size}`);
  }
  return out;
}
