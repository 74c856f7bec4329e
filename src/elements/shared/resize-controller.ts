/**
 * The sizes a widget lays itself out by, followed by one `ResizeController` of
 * `@lit-labs/observers`: the host's content width, and the base font size (the
 * `--promo-font-size` token, measured on a hidden probe 1em wide, so that a change of the
 * token after the first render, as in live theming, re-lays the widget out).
 *
 * A change is applied on the next animation frame: a re-layout that changes a size does not
 * loop inside the observer. The observer is disconnected when the host leaves the page and
 * observes again when it comes back.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ResizeController } from '@lit-labs/observers/resize-controller.js';

type Host = ReactiveControllerHost & HTMLElement;

export class SizeController implements ReactiveController {
  /**
   * The font probe: the host renders it once, anywhere in its shadow root (the shared
   * styles make `.font-probe` an invisible box 1em wide).
   */
  readonly fontProbe: HTMLElement;
  readonly #host: Host;
  readonly #onWidth: (width: number) => void;
  readonly #resize: ResizeController<void>;
  #frame = 0;
  #fontSize = 0;
  #probeObserved = false;
  #observing = false;

  /** `onWidth` gets the host's width in px, rounded: when it connects, then on each change. */
  constructor(host: Host, onWidth: (width: number) => void) {
    this.#host = host;
    this.#onWidth = onWidth;
    // Added before the ResizeController: the width is measured before it observes.
    host.addController(this);
    this.fontProbe = document.createElement('span');
    this.fontProbe.className = 'font-probe';
    this.fontProbe.setAttribute('aria-hidden', 'true');
    this.#resize = new ResizeController<void>(host, {
      target: host,
      skipInitial: true,
      callback: (entries) => {
        const own = entries.filter((e) => e.target === host).pop();
        cancelAnimationFrame(this.#frame);
        this.#frame = requestAnimationFrame(() => {
          if (own) this.#onWidth(Math.round(own.contentRect.width));
          this.#measureFont(true);
        });
      },
    });
  }

  /** Whether the host's size is being watched. */
  get observing(): boolean {
    return this.#observing;
  }

  /** The base font size in px, or 0 before the probe is laid out. */
  get fontSize(): number {
    return this.#fontSize;
  }

  #measureFont(notify: boolean): void {
    const w = this.fontProbe.getBoundingClientRect().width;
    if (w > 0 && Math.abs(w - this.#fontSize) > 0.01) {
      this.#fontSize = w;
      if (notify) this.#host.requestUpdate();
    }
  }

  hostConnected(): void {
    // Measured now so the first render already fits; the observer follows later changes.
    this.#onWidth(Math.round(this.#host.getBoundingClientRect().width));
    this.#observing = typeof ResizeObserver !== 'undefined';
    if (this.#observing && !this.#probeObserved) {
      // Once: the controller observes its targets again each time the host connects.
      this.#probeObserved = true;
      this.#resize.observe(this.fontProbe);
    }
  }

  hostUpdated(): void {
    // The first render put the probe in place: measured at once, without another render.
    if (!this.#fontSize && this.fontProbe.isConnected) this.#measureFont(false);
  }

  hostDisconnected(): void {
    this.#observing = false;
    cancelAnimationFrame(this.#frame);
  }
}
