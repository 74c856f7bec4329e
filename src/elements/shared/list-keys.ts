/**
 * Keys of a list of options with one roving focus (ranked bars, segment rows): arrows move
 * by one, Home and End to the ends, Enter and Space choose. DOM-free, shared by every
 * widget with such a list.
 */

/** What a key does: move the focus to an index, choose the focused option, or nothing. */
export type ListKeyAction = { move: number } | { choose: true } | null;

/**
 * The action of `key` at option `at` of `count`. `vertical`: only Up and Down move (a list
 * whose rows hold other controls that use Left and Right).
 */
export function listKey(key: string, at: number, count: number, vertical = false): ListKeyAction {
  if (count <= 0) return null;
  const i = Math.min(Math.max(0, at), count - 1);
  switch (key) {
    case 'ArrowRight':
      return vertical ? null : { move: Math.min(count - 1, i + 1) };
    case 'ArrowDown':
      return { move: Math.min(count - 1, i + 1) };
    case 'ArrowLeft':
      return vertical ? null : { move: Math.max(0, i - 1) };
    case 'ArrowUp':
      return { move: Math.max(0, i - 1) };
    case 'Home':
      return { move: 0 };
    case 'End':
      return { move: count - 1 };
    case 'Enter':
    case ' ':
      return { choose: true };
    default:
      return null;
  }
}
