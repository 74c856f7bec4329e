/**
 * The locale an element speaks, as a reactive controller (in the way of Shoelace's
 * `LocalizeController`): the element's own choice (its `locale`, or the board's for a
 * widget), else the nearest `lang` attribute (crossing shadow roots), else `en`. A language
 * registered later with `registerLocale` re-renders the host at once. The strings of a
 * Vietnamese locale are loaded on demand; the base element waits for them before each update
 * (`PromoElement.scheduleUpdate`, `i18n/translate.ts`).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onLocaleStrings } from '../../i18n/strings.js';

/**
 * The value of attribute `name` on `node` or its closest ancestor where it is not empty,
 * crossing shadow roots: the nearest `lang` here, the nearest `theme` for a widget. An empty
 * attribute says nothing, so the search goes on above it.
 */
export function closestAttribute(node: Node | null, name: string): string | null {
  while (node) {
    const value = node instanceof Element && node.getAttribute(name);
    if (value) return value;
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return null;
}

export class LocaleController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #chosen: () => string | undefined;
  #lang: string | null = null;
  #unsubscribe: (() => void) | null = null;

  /** `chosen`: the locale set on or around the element (its `locale`, the board's), if any. */
  constructor(host: ReactiveControllerHost & HTMLElement, chosen: () => string | undefined) {
    this.#host = host;
    this.#chosen = chosen;
    host.addController(this);
  }

  /** The locale in use: the chosen one, else the nearest `lang`, else `en`. */
  get value(): string {
    return this.#chosen() || this.#lang || 'en';
  }

  hostConnected(): void {
    this.#lang = closestAttribute(this.#host, 'lang');
    this.#unsubscribe = onLocaleStrings(() => this.#host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }
}
