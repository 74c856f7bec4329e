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

/**
 * The base font size of a widget in px: `probed`, its font probe's measure (any unit of the
 * `--promo-font-size` token; the widget's `probedFontSize`), else, before the probe is laid
 * out, the token when it is given in px, else 14.
 */
export function baseFontSize(el: Element, probed: number): number {
  if (probed > 0) return probed;
  const raw = getComputedStyle(el).getPropertyValue('--promo-font-size').trim();
  const px = /^[\d.]+px$/.test(raw) ? parseFloat(raw) : NaN;
  return Number.isFinite(px) && px > 0 ? px : 14;
}
