import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { routes } from '../routes';
import { useDisclosure } from '../ui/useDisclosure';
import { useUniqueId } from '../ui/useUniqueId';
import { useSession } from '../auth/session';
import { isCurrent, splitNav, visibleTo } from './nav';
import { MoreIcon, NavIcon } from './navIcons';

/**
 * Phone navigation: a bar fixed to the bottom of the screen (thumb reach) with the main pages
 * and a "More" menu for the rest. Hidden by CSS on wide screens, where the header nav shows.
 */
export function TabBar() {
  const { path } = useLocation();
  const { user } = useSession();
  const { tabs, more } = splitNav(visibleTo(routes, user));
  const { open, setOpen, rootRef, buttonRef } = useDisclosure<HTMLElement>();
  const panelId = useUniqueId('more');
  const moreCurrent = more.some((r) => isCurrent(r, path));

  // A navigation closes the menu.
  useEffect(() => setOpen(false), [path]);

  if (tabs.length === 0) return null;
  return (
    <nav class="tabbar" aria-label="Main" ref={rootRef}>
      <ul class="tabbar-list">
        {tabs.map((r) => (
          <li key={r.path}>
            <a href={r.path} class="tabbar-item" aria-current={isCurrent(r, path) ? 'page' : undefined}>
              <NavIcon path={r.path} />
              <span class="tabbar-label">{r.nav}</span>
            </a>
          </li>
        ))}
        {more.length > 0 && (
          <li class="tabbar-more">
            <button
              ref={buttonRef}
              type="button"
              class="tabbar-item"
              aria-expanded={open}
              aria-controls={panelId}
              data-current={moreCurrent ? '' : undefined}
              onClick={() => setOpen(!open)}
            >
              <MoreIcon />
              <span class="tabbar-label">More</span>
            </button>
            <ul id={panelId} class="tabbar-panel" hidden={!open}>
              {more.map((r) => (
                <li key={r.path}>
                  <a href={r.path} class="tabbar-panel-item" aria-current={isCurrent(r, path) ? 'page' : undefined}
                    onClick={() => setOpen(false)}>
                    <NavIcon path={r.path} />
                    {r.nav}
                  </a>
                </li>
              ))}
            </ul>
          </li>
        )}
      </ul>
    </nav>
  );
}
