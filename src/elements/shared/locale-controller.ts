/**
 * The locale an element speaks, as a reactive controller (in the way of Shoelace's
 * `LocalizeController`): the element's own choice (its `locale`, or the board's for a
 * widget), else the nearest `lang` attribute (crossing shadow roots), else `en`. A language
 * registered later with `registerLocale` re-renders the host at once.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onLocaleStrings } from '../../i18n/strings.js';

/** Closest `lang` crossing shadow roots (the element's own included). */
function nearestLang(el: Element): string | null {
  let n: Node | null = el;
  while (n) {
    if (n instanceof Element) {
      const lang = n.getAttribute('lang');
      if (lang) return lang;
    }
    n = n instanceof ShadowRoot ? n.host : n.parentNode;
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
    this.#lang = nearestLang(this.#host);
    this.#unsubscribe = onLocaleStrings(() => this.#host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }
}
