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
  /**
   * Drag items out of the list onto drop zones (a board's columns or stage tabs) instead of
   * reordering it: the list keeps its order; while dragging, `onOver` gets the zone under the
   * pointer (or null), and on release `onDrop` gets the item and the zone it was let go on.
   */
  dropZones?: DropZones;
}

export interface DropZones {
  /** What makes an element a zone, e.g. '[data-drop-stage]'. */
  selector: string;
  onOver?: (zone: HTMLElement | null) => void;
  onDrop: (item: HTMLElement, zone: HTMLElement) => void;
}

type Point = { x: number; y: number };

function pointOf(event: Event | undefined): Point | null {
  if (!event) return null;
  const touch = (event as TouchEvent).changedTouches?.[0] ?? (event as TouchEvent).touches?.[0];
  if (touch) return { x: touch.clientX, y: touch.clientY };
  const { clientX, clientY } = event as PointerEvent;
  return typeof clientX === 'number' ? { x: clientX, y: clientY } : null;
}

/** The drop zone under a point (the dragged ghost lets pointer hits through). */
function zoneAt(point: Point | null, selector: string): HTMLElement | null {
  if (!point) return null;
  return document.elementFromPoint(point.x, point.y)?.closest<HTMLElement>(selector) ?? null;
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
  const zones = useRef(options.dropZones);
  zones.current = options.dropZones;
  const { handle, filter, disabled = false } = options;
  const zoneSelector = options.dropZones?.selector;

  useEffect(() => {
    if (!element) return undefined;
    // Drop zones: follow the pointer while dragging, to say which zone it is over.
    let last: Point | null = null;
    let over: HTMLElement | null = null;
    const track = (event: Event) => {
      last = pointOf(event) ?? last;
      const zone = zoneSelector ? zoneAt(last, zoneSelector) : null;
      if (zone !== over) {
        over = zone;
        zones.current?.onOver?.(zone);
      }
    };
    const listen = (on: boolean) => {
      for (const type of ['pointermove', 'touchmove', 'mousemove']) {
        if (on) document.addEventListener(type, track, { capture: true, passive: true });
        else document.removeEventListener(type, track, { capture: true });
      }
    };
    const sortable = Sortable.create(element, {
      handle,
      filter,
      preventOnFilter: false,
      disabled,
      sort: !zoneSelector,
      // Pointer events everywhere (not the HTML5 drag API, which touch screens lack).
      forceFallback: true,
      fallbackTolerance: 4,
      animation: prefersReducedMotion() ? 0 : 150,
      ghostClass: 'sortable-ghost',
      chosenClass: 'sortable-chosen',
      dragClass: 'sortable-drag',
      onStart() {
        last = null;
        over = null;
        if (zoneSelector) listen(true);
      },
      onEnd(evt) {
        const end = (evt as unknown as { originalEvent?: Event }).originalEvent;
        // SortableJS swallows the click that ends a drag; a finger's drag ends with no click,
        // so it would swallow the user's next tap instead. Hand it a click to swallow now.
        if (end && (end.type === 'touchend' || (end as PointerEvent).pointerType === 'touch')) document.dispatchEvent(new MouseEvent('click'));
        if (zoneSelector) {
          listen(false);
          const zone = zoneAt(pointOf(end) ?? last, zoneSelector) ?? over;
          zones.current?.onOver?.(null);
          // After the release's own click: if the drop re-renders the item elsewhere first, that
          // click never comes, and SortableJS would swallow the next one.
          if (zone) setTimeout(() => zones.current?.onDrop(evt.item, zone), 0);
          return;
        }
        const { item, from, oldIndex, newIndex } = evt;
        if (oldIndex === undefined || newIndex === undefined || oldIndex === newIndex) return;
        // Put the node back where Preact left it, then let the state say where it goes.
        from.removeChild(item);
        from.insertBefore(item, from.children[oldIndex] ?? null);
        move.current(oldIndex, newIndex);
      },
    });
    return () => {
      listen(false);
      sortable.destroy();
    };
  }, [element, handle, filter, disabled, zoneSelector]);

  return setElement;
}
