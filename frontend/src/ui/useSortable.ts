// Drag to reorder, with a mouse, a pen or a finger (SortableJS, pointer events, so touch screens
// work too). Keep a keyboard alternative next to it (move up/down buttons or a menu): dragging is
// only one way to reorder.
//
//   const listRef = useSortable<HTMLOListElement>((from, to) => reorder(from, to), { handle: '.drag-handle' });
//   <ol ref={listRef}>{items.map((it) => <li key={it.id}><span class="drag-handle" aria-hidden="true">⋮⋮</span>…</li>)}</ol>
//
// SortableJS moves the DOM node itself; that move is undone at once and `onMove(from, to)` is
// called instead, so the list's state stays the one source of truth and Preact renders the order.
// Indexes count the list's direct children.
import Sortable from 'sortablejs';
import { useEffect, useRef, useState } from 'preact/hooks';

export interface SortableOptions {
  /** A selector inside each item that starts a drag (a grip); without it the whole item drags. */
  handle?: string;
  /** Items that never drag (e.g. one being edited). */
  filter?: string;
  /** Turns dragging off (while saving, or when the list has one item). */
  disabled?: boolean;
}

export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** `list` with the item at `from` moved to `to` (what `onMove(from, to)` asks for). */
export function moved<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(Math.max(0, Math.min(next.length, to)), 0, item);
  return next;
}

/** Returns a ref callback for the list element. */
export function useSortable<E extends HTMLElement>(onMove: (from: number, to: number) => void, options: SortableOptions = {}) {
  const [element, setElement] = useState<E | null>(null);
  const move = useRef(onMove);
  move.current = onMove;
  const { handle, filter, disabled = false } = options;

  useEffect(() => {
    if (!element) return undefined;
    const sortable = Sortable.create(element, {
      handle,
      filter,
      preventOnFilter: false,
      disabled,
      // Pointer events everywhere (not the HTML5 drag API, which touch screens lack).
      forceFallback: true,
      fallbackTolerance: 4,
      animation: prefersReducedMotion() ? 0 : 150,
      ghostClass: 'sortable-ghost',
      chosenClass: 'sortable-chosen',
      dragClass: 'sortable-drag',
      onEnd(evt) {
        const { item, from, oldIndex, newIndex } = evt;
        if (oldIndex === undefined || newIndex === undefined || oldIndex === newIndex) return;
        // Put the node back where Preact left it, then let the state say where it goes.
        from.removeChild(item);
        from.insertBefore(item, from.children[oldIndex] ?? null);
        move.current(oldIndex, newIndex);
      },
    });
    return () => sortable.destroy();
  }, [element, handle, filter, disabled]);

  return setElement;
}
