/**
 * Text widths measured with the font the text is drawn in (a canvas's `measureText`), for
 * layouts that must reserve the room a label really takes. Falls back to the estimate of
 * `text-fit.ts` where no canvas is available.
 */
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
