import { describe, expect, it } from 'vitest';
import type { AppRoute } from '../routes';
import { USER } from '../test/api';
import { isCurrent, orderNav, splitHeaderNav, splitNav, visibleTo } from './nav';

const page = (path: string, nav?: string, navSecondary?: boolean): AppRoute =>
  ({ path, title: nav ?? path, access: 'user', component: () => null, nav, navSecondary }) as AppRoute;

describe('navigation layout', () => {
  const all = [
    page('/sign-in'),
    page('/today', 'Today'),
    page('/habits', 'Habits', true),
    page('/habits/:id'),
    page('/settings', 'Settings', true),
    page('/sprints', 'Sprints'),
    page('/goals', 'Goals'),
    page('/portfolio', 'Portfolio'),
  ];

  it('puts primary pages first, secondary ones last', () => {
    expect(orderNav(all).map((r) => r.nav)).toEqual(['Today', 'Sprints', 'Goals', 'Portfolio', 'Habits', 'Settings']);
  });

  it('gives phones four tabs and "More" for the rest', () => {
    const { tabs, more } = splitNav(all);
    expect(tabs.map((r) => r.nav)).toEqual(['Today', 'Sprints', 'Goals', 'Portfolio']);
    expect(more.map((r) => r.nav)).toEqual(['Habits', 'Settings']);
  });

  it('moves primary pages that do not fit under "More" too', () => {
    const { tabs, more } = splitNav([...all, page('/reading', 'Reading')]);
    expect(tabs).toHaveLength(4);
    expect(more.map((r) => r.nav)).toEqual(['Reading', 'Habits', 'Settings']);
  });

  it('skips "More" when every page fits', () => {
    const { tabs, more } = splitNav(all.slice(0, 5));
    expect(tabs.map((r) => r.nav)).toEqual(['Today', 'Habits', 'Settings']);
    expect(more).toEqual([]);
  });

  it('keeps secondary pages under the header\'s "More"', () => {
    const { links, more } = splitHeaderNav([...all, page('/reading', 'Reading')]);
    expect(links.map((r) => r.nav)).toEqual(['Today', 'Sprints', 'Goals', 'Portfolio', 'Reading']);
    expect(more.map((r) => r.nav)).toEqual(['Habits', 'Settings']);
    expect(splitHeaderNav(all.slice(0, 3)).more).toEqual([]);
  });

  it('marks a page current on its sub-pages too', () => {
    expect(isCurrent(page('/habits'), '/habits/3')).toBe(true);
    expect(isCurrent(page('/habits'), '/habitsx')).toBe(false);
  });
});

describe('matchPath', () => {
  it('reads preact-iso patterns', async () => {
    const { matchPath } = await import('../routes');
    expect(matchPath('/habits/:id', '/habits/12')).toBe(true);
    expect(matchPath('/habits/:id', '/habits/12/')).toBe(true);
    expect(matchPath('/habits/:id', '/habits')).toBe(false);
    expect(matchPath('/habits', '/habits/12')).toBe(false);
    expect(matchPath('/a/:rest+', '/a/3/review')).toBe(true);
    expect(matchPath('/a/:rest+', '/a')).toBe(false);
    expect(matchPath('/a/:b?', '/a')).toBe(true);
    expect(matchPath('/', '/')).toBe(true);
    expect(matchPath('/today', '/today?x=1')).toBe(true);
  });
});

describe('admin pages in the navigation', () => {
  const routes = [
    { path: '/today', title: 'Today', access: 'user', component: () => null, nav: 'Today' },
    { path: '/admin', title: 'Admin', access: 'admin', component: () => null, nav: 'Admin' },
  ] as AppRoute[];

  it('shows them to admins only', () => {
    expect(visibleTo(routes, { ...USER, is_admin: true }).map((r) => r.nav)).toEqual(['Today', 'Admin']);
    expect(visibleTo(routes, USER).map((r) => r.nav)).toEqual(['Today']);
    expect(visibleTo(routes, null).map((r) => r.nav)).toEqual(['Today']);
  });
});
