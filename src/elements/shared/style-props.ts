/**
 * `styleProps({...})`: a `style` attribute binding that always writes through the CSSOM
 * (`element.style.setProperty`), never as attribute text. Lit's `styleMap` writes its first
 * value as a `style="..."` attribute, which a Content-Security-Policy without
 * `'unsafe-inline'` in `style-src` refuses; CSSOM writes are allowed by any policy.
 *
 * Keys are CSS property names in camelCase or dash-case (custom properties `--x` as is);
 * `null`/`undefined` removes a property.
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type AttributePart, type PartInfo } from 'lit/directive.js';

export type StyleProps = Record<string, string | number | null | undefined>;

const dashed = (name: string): string =>
  name.startsWith('--') ? name : name.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`);

class StylePropsDirective extends Directive {
  private applied = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ATTRIBUTE || info.name !== 'style' || (info.strings?.length ?? 0) > 2)
      throw new Error('styleProps() must be the only binding of a style attribute');
  }

  render(_props: StyleProps): typeof noChange {
    return noChange;
  }

  override update(part: AttributePart, [props]: [StyleProps]): typeof noChange {
    const { style } = part.element as HTMLElement | SVGElement;
    for (const name of this.applied)
      if (props[name] === null || props[name] === undefined) {
        style.removeProperty(dashed(name));
        this.applied.delete(name);
      }
    for (const [name, value] of Object.entries(props)) {
      if (value === null || value === undefined) continue;
      style.setProperty(dashed(name), String(value));
      this.applied.add(name);
    }
    return noChange;
  }
}

/** Sets style properties through the CSSOM (allowed under a strict Content-Security-Policy). */
export const styleProps = directive(StylePropsDirective);
