/**
 * Text widths measured with the font the text is drawn in (a canvas's `measureText`), for
 * layouts that must reserve the room a label really takes. Falls back to the estimate of
 * `text-fit.ts` where no canvas is available.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { textWidth } from './text-fit.js';

let context: CanvasRenderingContext2D | null | undefined;

/**
 * A measurer of texts in the font of `el` (family, and `weight` or the element's own), at
 * the font size asked for.
 */
export function textMeasurer(el: Element | null, weight?: string): (text: string, fontSize: number) => number {
  if (context === undefined) {
    try {
      context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    } catch {
      context = null;
    }
  }
  const ctx = context;
  if (!ctx || !el) return textWidth;
  const style = getComputedStyle(el);
  const family = style.fontFamily || 'sans-serif';
  const w = weight ?? (style.fontWeight || '400');
  return (text, fontSize) => {
    ctx.font = `${w} ${fontSize}px ${family}`;
    return ctx.measureText(text).width;
  };
}

/** `text` cut with an ellipsis so that its measured width is at most `width` px. */
export function fitMeasured(
  text: string,
  width: number,
  fontSize: number,
  measure: (text: string, fontSize: number) => number = textWidth,
): string {
  if (measure(text, fontSize) <= width) return text;
  const chars = [...text];
  let lo = 1;
  let hi = chars.length - 1;
  // The longest start that fits with its ellipsis (at least one character).
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(chars.slice(0, mid).join('').trimEnd() + '…', fontSize) <= width) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('').trimEnd() + '…';
}

/**
 * Re-renders its host once the page's fonts have loaded (and after each later font load):
 * texts measured while a fallback font was in use are measured again in the real one.
 */
export class FontsLoadedController implements ReactiveController {
  readonly #host: ReactiveControllerHost & Element;
  #listening = false;
  readonly #onLoad = (): void => {
    if (this.#host.isConnected) this.#host.requestUpdate();
  };

  constructor(host: ReactiveControllerHost & Element) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    const fonts = globalThis.document?.fonts;
    if (!fonts) return;
    void fonts.ready.then(this.#onLoad);
    if (!this.#listening) fonts.addEventListener?.('loadingdone', this.#onLoad);
    this.#listening = true;
  }

  hostDisconnected(): void {
    globalThis.document?.fonts?.removeEventListener?.('loadingdone', this.#onLoad);
    this.#listening = false;
  }
}
