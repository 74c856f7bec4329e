/**
 * Disclosure menus (`<details data-menu>`) of the kit's elements: an outside pointer press
 * closes them, and opening one closes any other open menu of the kit on the page.
 *
 * Each menu binds `@toggle=${onMenuToggle}` and `@keydown=${onMenuKeydown}`; only an open
 * menu listens on the document. Menus talk through one document-level event, so menus in
 * different shadow roots (the board's filter bar, each widget's "data and export" menu)
 * coordinate without knowing of each other.
 */
/** Fired on `document` when a menu of the kit opens; `detail` is the menu's `<details>`. */
export const MENU_OPEN_EVENT = 'promo-menu-open';

/**
 * Bound as `@toggle` on a menu's `<details>`: an opened menu tells the others to close, then
 * listens on the document while it is open and on the page: a press outside it or another
 * menu of the kit opening closes it. Its listeners end with the first event after it closed.
 */
export function onMenuToggle(e: Event): void {
  const menu = e.currentTarget as HTMLDetailsElement;
  if (!menu.open || !menu.isConnected) return;
  document.dispatchEvent(new CustomEvent<HTMLDetailsElement>(MENU_OPEN_EVENT, { detail: menu }));
  const watch = new AbortController();
  const on = (type: string, close: (e: Event) => unknown): void =>
    document.addEventListener(type, (e) => (menu.open && menu.isConnected ? close(e) : watch.abort()), {
      capture: true,
      signal: watch.signal,
    });
  // Outside press: the focus goes where the user pressed, so it is not moved here.
  on('pointerdown', (p) => !p.composedPath().includes(menu) && closeMenu(menu, false));
  // Another menu opened: the focus goes to this one's summary if it was inside it.
  on(
    MENU_OPEN_EVENT,
    (o) => (o as CustomEvent<HTMLDetailsElement>).detail !== menu && closeMenu(menu, menu.matches(':focus-within')),
  );
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
