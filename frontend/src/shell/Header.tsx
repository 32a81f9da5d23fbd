import { useLocation } from 'preact-iso';
import { useSession } from '../auth/session';
import { HOME_PATH, SIGN_IN_PATH, routes } from '../routes';
import { ThemeToggle } from '../ui/ThemeToggle';
import { HeaderMore } from './HeaderMore';
import { isCurrent, splitHeaderNav, visibleTo } from './nav';
import { TabBar } from './TabBar';
import { UserMenu } from './UserMenu';
import './shell.css';

export function Header() {
  const { user } = useSession();
  const { path } = useLocation();
  const { links: navRoutes, more: moreRoutes } = splitHeaderNav(visibleTo(routes, user));
  return (
    <>
      <header class="app-header" data-signed-in={user ? '' : undefined}>
        <div class="app-header-inner">
          <a href={user ? HOME_PATH : SIGN_IN_PATH} class="brand">
            <svg class="brand-mark" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
              <rect width="32" height="32" rx="8" fill="currentColor" />
              <path d="M9 23V9m0 8 8-8m-5.5 5.5L19 23" stroke="var(--accent-contrast)" stroke-width="3" fill="none" stroke-linecap="round" stroke-linejoin="round" />
              <circle cx="23.5" cy="10" r="2.5" fill="var(--accent-soft-strong)" />
            </svg>
            <span class="brand-name">Kaizen</span>
          </a>
          {user && navRoutes.length > 0 && (
            <nav class="app-nav" aria-label="Main">
              <ul>
                {navRoutes.map((r) => {
                  const current = isCurrent(r, path);
                  return (
                    <li key={r.path}>
                      <a href={r.path} class="nav-link" aria-current={current ? 'page' : undefined}>
                        {r.nav}
                      </a>
                    </li>
                  );
                })}
                {moreRoutes.length > 0 && <HeaderMore routes={moreRoutes} path={path} />}
              </ul>
            </nav>
          )}
          <div class="app-header-actions">
            <ThemeToggle />
            {user && <UserMenu user={user} />}
          </div>
        </div>
      </header>
      {/* Outside the header: its backdrop-filter would pin a fixed bar to the header instead. */}
      {user && <TabBar />}
    </>
  );
}
