import type { ComponentChildren } from 'preact';
import type { ReadingItem } from './api';
import { authorsShort, kindLabel } from './labels';

/** Kind, first authors and year under an item's title, then anything the list adds. */
export function ItemMeta({ item, children }: { item: ReadingItem; children?: ComponentChildren }) {
  const who = authorsShort(item.authors);
  return (
    <p class="rd-row-meta muted">
      <span class="rd-kind">{kindLabel(item.kind)}</span>
      {who && <span>{who}</span>}
      {item.year !== null && <span>{item.year}</span>}
      {children}
    </p>
  );
}
