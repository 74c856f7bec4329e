/**
 * Colour tokens a widget reads in script (the heatmap interpolates between its two heat
 * colours): one hidden probe per token, coloured by the token's private variable. A change of
 * the token (live theming, or `theme="auto"` following the system's colour scheme) runs the
 * probe's colour transition, whose end re-renders the host: the probe's computed `color` is
 * then the token's new colour, as `rgb()` (the heatmap reads its heat colours there). Tokens
 * used only in styles need nothing of this, so only the widgets that list tokens here bundle it.
 *
 * The probes are styled through the CSSOM (allowed by any Content-Security-Policy), so no
 * stylesheet carries them: an invisible box of no size, out of the flow, whose colour
 * transition (1 ms) is kept under `prefers-reduced-motion` (the shared styles turn every
 * other transition off there, with `!important`, which the probe's own `!important` outranks),
 * and whose colour stays the token's in forced-colors mode (`forced-color-adjust: none`). The host renders the probes inside its root, where the private variables are defined (the
 * base does: `colorProbes`).
 */
import type { ReactiveControllerHost } from 'lit';

/** One probe per token of `names` (names without `--promo-`, e.g. `color-heat-low`), made once per host. */
export function tokenProbes(host: ReactiveControllerHost, names: readonly string[]): HTMLElement[] {
  return names.map((name) => {
    const probe = document.createElement('span');
    probe.setAttribute('aria-hidden', 'true');
    // Set through the CSSOM, as a strict Content-Security-Policy allows.
    const style = probe.style;
    const declarations = {
      position: 'absolute',
      'inline-size': '0',
      'block-size': '0',
      visibility: 'hidden',
      color: `var(--_${name})`,
      'forced-color-adjust': 'none',
    };
    for (const [property, value] of Object.entries(declarations)) style.setProperty(property, value);
    style.setProperty('transition', 'color 1ms', 'important');
    probe.addEventListener('transitionend', () => host.requestUpdate());
    return probe;
  });
}
