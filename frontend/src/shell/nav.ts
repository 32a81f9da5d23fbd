// How the `nav` entries of routes.tsx are laid out. Wider screens: the primary entries in the
// header, the `navSecondary` ones under its "More" menu (eight links and the account menu don't
// fit the 1040 px header, let alone a 800 px window). Phones: a bottom tab bar with the first few primary entries; the rest (entries
// marked `navSecondary`, and primary ones that don't fit) go under "More".
import type { User } from '../api/client';
import type { AppRoute } from '../routes';

/** Tabs on the phone bar besides "More". Five targets fit 360 px with readable labels. */
export const MAX_TABS = 4;

export function orderNav(routes: AppRoute[]): AppRoute[] {
  const nav = routes.filter((r) => r.nav);
  return [...nav.filter((r) => !r.navSecondary), ...nav.filter((r) => r.navSecondary)];
}

export function splitNav(routes: AppRoute[], maxTabs = MAX_TABS): { tabs: AppRoute[]; more: AppRoute[] } {
  const ordered = orderNav(routes);
  // When everything fits, "More" would only hide a page behind an extra tap.
  if (ordered.length <= maxTabs + 1) return { tabs: ordered, more: [] };
  const tabs = ordered.filter((r) => !r.navSecondary).slice(0, maxTabs);
  return { tabs, more: ordered.filter((r) => !tabs.includes(r)) };
}

/** The header's split: primary entries as links, secondary ones under "More" (unless only one). */
export function splitHeaderNav(routes: AppRoute[]): { links: AppRoute[]; more: AppRoute[] } {
  const ordered = orderNav(routes);
  const more = ordered.filter((r) => r.navSecondary);
  // One entry behind "More" would take as much room as the entry itself.
  if (more.length <= 1) return { links: ordered, more: [] };
  return { links: ordered.filter((r) => !r.navSecondary), more };
}

/** Whether `path` is the page (or a page under it, e.g. /habits/3 under /habits). */
export function isCurrent(route: AppRoute, path: string): boolean {
  return path === route.path || path.startsWith(`${route.path}/`);
}

/** The routes this user may see in the navigation (admin pages only for admins). */
export function visibleTo(routes: AppRoute[], user: User | null): AppRoute[] {
  return routes.filter((r) => r.access !== 'admin' || Boolean(user?.is_admin));
}
