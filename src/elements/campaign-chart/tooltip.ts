/**
 * The tooltip both views of the campaign chart show (a hovered or focused campaign, a
 * period under the cursor): a text whose parts are separated by "; ", the first in bold.
 */
import { html, type TemplateResult } from 'lit';
import { styleProps } from '../shared/style-props.js';

/** The tooltip of `text` at `left`, `top` (px, in the frame). */
export function renderTooltip(text: string, left: number, top: number): TemplateResult {
  const [head, ...rest] = text.split('; ');
  return html`<div part="tooltip" aria-hidden="true" style=${styleProps({ left: `${left}px`, top: `${top}px` })}>
    <strong>${head}</strong>${rest.map((s) => html`<div>${s}</div>`)}
  </div>`;
}
