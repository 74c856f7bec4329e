/**
 * Every render of the kit's elements, as the reader got it: for the tests of the strings loaded
 * on demand (`src/i18n/translate.ts`), which check that an element speaking Vietnamese never
 * shows an English string, not even for one frame.
 */

// Every request of the page is counted (the dev server serves each source file: more than the 250 kept by default).
performance.setResourceTimingBufferSize(100_000);

/** The Vietnamese modules the page fetched, by file name, with the number of requests each. */
export function viRequests(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of performance.getEntriesByType('resource')) {
    const m = /\/src\/i18n\/vi\/([\w-]+)\.ts/.exec(e.name);
    if (m) out[m[1]!] = (out[m[1]!] ?? 0) + 1;
  }
  return out;
}

/** One committed render: the element, its locale then, and the text and labels it showed. */
export interface Render {
  el: Element;
  locale: string;
  shown: string;
}

/** Attributes a reader meets (spoken or shown) besides the text. */
const READ_ATTRIBUTES = ['aria-label', 'aria-description', 'aria-valuetext', 'title', 'placeholder', 'alt'];

/** The text and the read attributes of a shadow root, one line. */
export function shownText(root: ShadowRoot | null): string {
  if (!root) return '';
  const parts: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE) parts.push(n.textContent ?? '');
    else for (const a of READ_ATTRIBUTES) parts.push((n as Element).getAttribute(a) ?? '');
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * Records each render of the elements `tags` name (after Lit commits it, before the browser
 * paints), from now on. Returns the log.
 */
export function logRenders(...tags: string[]): Render[] {
  const log: Render[] = [];
  for (const tag of tags) {
    const proto = customElements.get(tag)!.prototype as unknown as Record<string, unknown>;
    const updated = proto['updated'] as (this: HTMLElement, changed: unknown) => void;
    proto['updated'] = function (this: HTMLElement & { activeLocale: string }, changed: unknown) {
      log.push({ el: this, locale: this.activeLocale, shown: shownText(this.shadowRoot) });
      updated.call(this, changed);
    };
  }
  return log;
}

/**
 * The pieces of English strings a reader could recognise: each string's text between its
 * `{name}` placeholders, where at least 8 characters long (shorter pieces are names and words
 * that Vietnamese text may hold too: `KPI`, `CSV`, `Web`).
 */
export function englishPieces(...tables: Record<string, string>[]): string[] {
  const pieces = new Set<string>();
  for (const table of tables)
    for (const s of Object.values(table))
      for (const piece of s.split(/\{\w+\}/)) {
        const p = piece.trim();
        if (p.length >= 8 && /[a-z]{3}/i.test(p)) pieces.add(p);
      }
  return [...pieces];
}

/** The English pieces `shown` holds. */
export const englishIn = (shown: string, pieces: readonly string[]): string[] =>
  pieces.filter((p) => shown.includes(p));
