/**
 * Disclosure menus (`<details data-menu>`) of the kit's elements: an outside pointer press
 * closes them, and opening one closes any other open menu of the kit on the page.
 *
 * Each element with menus adds a {@link MenuController}; each menu binds
 * `@toggle=${onMenuToggle}` and `@keydown=${onMenuKeydown}`. The elements talk through one
 * document-level event, so menus in different shadow roots (the board's filter bar, each
 * widget's "data and export" menu) coordinate without knowing of each other.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Fired on `document` when a menu of the kit opens; `detail` is the menu's `<details>`. */
export const MENU_OPEN_EVENT = 'promo-menu-open';

/** Bound as `@toggle` on a menu's `<details>`: an opened menu tells the others to close. */
export function onMenuToggle(e: Event): void {
  const menu = e.currentTarget as HTMLDetailsElement;
  if (menu.open) document.dispatchEvent(new CustomEvent<HTMLDetailsElement>(MENU_OPEN_EVENT, { detail: menu }));
}

/** Bound as `@keydown` on a menu's `<details>`: Escape closes the open menu and puts the focus back on its summary. */
export function onMenuKeydown(e: KeyboardEvent): void {
  const menu = e.currentTarget as HTMLDetailsElement;
  if (e.key !== 'Escape' || !menu.open) return;
  closeMenu(menu, true);
  e.stopPropagation();
}

/** Closes `menu`; with `focus`, the focus goes back to its summary. */
export function closeMenu(menu: HTMLDetailsElement, focus: boolean): void {
  if (!menu.open) return;
  menu.open = false;
  if (focus) menu.querySelector('summary')?.focus();
}

/** Closes the open menus of its host's shadow root on an outside press or when another menu opens. */
export class MenuController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  #openMenus(): HTMLDetailsElement[] {
    return [...(this.#host.shadowRoot?.querySelectorAll<HTMLDetailsElement>('details[data-menu][open]') ?? [])];
  }

  // Outside press: the focus goes where the user pressed, so it is not moved here.
  readonly #onPointerDown = (e: Event): void => {
    const path = e.composedPath();
    for (const menu of this.#openMenus()) if (!path.includes(menu)) closeMenu(menu, false);
  };

  readonly #onOtherOpen = (e: Event): void => {
    const opened = (e as CustomEvent<HTMLDetailsElement>).detail;
    for (const menu of this.#openMenus()) {
      if (menu === opened) continue;
      // Keep the focus if it was inside the menu being closed (it moves to the summary).
      closeMenu(menu, menu.matches(':focus-within'));
    }
  };

  hostConnected(): void {
    document.addEventListener('pointerdown', this.#onPointerDown, true);
    document.addEventListener(MENU_OPEN_EVENT, this.#onOtherOpen);
  }

  hostDisconnected(): void {
    document.removeEventListener('pointerdown', this.#onPointerDown, true);
    document.removeEventListener(MENU_OPEN_EVENT, this.#onOtherOpen);
  }
}
