import { useEffect } from 'preact/hooks';
import type { AppRoute } from '../routes';
import { ChevronDownIcon } from '../ui/icons';
import { useDisclosure } from '../ui/useDisclosure';
import { useUniqueId } from '../ui/useUniqueId';
import { isCurrent } from './nav';

/**
 * The header's "More" menu: the secondary pages (see splitHeaderNav). A disclosure, like the
 * phone bar's: Escape, a click outside, leaving it by Tab, or a navigation closes it.
 */
export function HeaderMore({ routes, path }: { routes: AppRoute[]; path: string }) {
  const { open, setOpen, rootRef, buttonRef, onFocusOut } = useDisclosure<HTMLLIElement>();
  const panelId = useUniqueId('nav-more');
  const current = routes.some((r) => isCurrent(r, path));

  useEffect(() => setOpen(false), [path]);

  return (
    <li class="nav-more" ref={rootRef} onFocusOut={onFocusOut}>
      <button
        ref={buttonRef}
        type="button"
        class="nav-link nav-more-button"
        aria-expanded={open}
        aria-controls={panelId}
        data-current={current ? '' : undefined}
        onClick={() => setOpen(!open)}
      >
        More
        <ChevronDownIcon />
      </button>
      <ul id={panelId} class="nav-more-panel" hidden={!open}>
        {routes.map((r) => (
          <li key={r.path}>
            <a href={r.path} class="nav-more-item" aria-current={isCurrent(r, path) ? 'page' : undefined}
              onClick={() => setOpen(false)}>
              {r.nav}
            </a>
          </li>
        ))}
      </ul>
    </li>
  );
}
