/** Text sizes for SVG layouts, without the DOM: an estimate good enough to place labels. */

/** Rough width of a text in px (average glyph of a sans-serif UI font). */
export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.58;
}

/** The text cut to `width` px with an ellipsis. */
export function fitText(text: string, width: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= width) return text;
  const n = Math.max(1, Math.floor(width / (fontSize * 0.58)) - 1);
  return text.slice(0, n).trimEnd() + '…';
}
