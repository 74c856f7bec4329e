/**
 * Width inside a widget's frame: the host's width less the root's padding and border, at
 * least `min`; `fallback` until the host is measured.
 */
export function innerWidth(root: Element | null | undefined, hostWidth: number, fallback = 560, min = 120): number {
  if (!hostWidth) return fallback;
  let pad = 26;
  if (root) {
    const cs = getComputedStyle(root);
    pad =
      parseFloat(cs.paddingLeft) +
      parseFloat(cs.paddingRight) +
      parseFloat(cs.borderLeftWidth) +
      parseFloat(cs.borderRightWidth);
  }
  return Math.max(min, hostWidth - (Number.isFinite(pad) ? pad : 26));
}

/** The `--promo-font-size` of an element in px, or `fallback`. */
export function fontSizeOf(el: Element, fallback = 14): number {
  const fs = parseFloat(getComputedStyle(el).getPropertyValue('--promo-font-size'));
  return Number.isFinite(fs) && fs > 0 ? fs : fallback;
}
