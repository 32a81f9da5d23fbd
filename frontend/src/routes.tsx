// Every page of the app, in one list, with its title. To add a page: write
// src/<domain>/<Name>Page.tsx with a default export and add one entry here; `nav` puts it in the
// header navigation. More specific paths come first (/sprints/new before /sprints/:id).
import type { ComponentType } from 'preact';
import { lazy } from 'preact-iso';
import { ChunkError } from './ui/ChunkError';
import { HOME_PATH, SIGN_IN_PATH, SIGN_UP_PATH } from './paths';

export { HOME_PATH, SIGN_IN_PATH, SIGN_UP_PATH };

/** 'user': signed-in only; 'guest': signed-out only (sign-in, sign-up); 'public': anyone;
 * 'admin': signed-in admins only (others see "not found", and no nav entry). */
export type Access = 'user' | 'guest' | 'public' | 'admin';

export interface AppRoute {
  path: string;
  title: string;
  access: Access;
  component: ComponentType & { preload?: () => Promise<unknown> };
  /** Label in the header navigation; omit to keep the page out of it. */
  nav?: string;
  /** On phones, list it under "More" instead of the bottom tab bar (see src/shell/nav.ts). */
  navSecondary?: boolean;
}

/**
 * A page loaded on demand: the default export of `src/<domain>/<Name>Page.tsx`. A chunk that
 * fails to load (offline, new deploy) shows a retry.
 */
function page(load: () => Promise<{ default: ComponentType }>) {
  return lazy(() => load().catch((): { default: ComponentType } => ({ default: ChunkError })));
}

export const routes: AppRoute[] = [
  {
    path: SIGN_IN_PATH,
    title: 'Sign in',
    access: 'guest',
    component: page(() => import('./auth/SignInPage')),
  },
  {
    path: SIGN_UP_PATH,
    title: 'Create account',
    access: 'guest',
    component: page(() => import('./auth/SignUpPage')),
  },
  {
    path: '/home',
    title: 'Home',
    access: 'user',
    nav: 'Home',
    component: page(() => import('./home/HomePage')),
  },
  {
    path: '/reviews/weekly',
    title: 'Weekly review',
    access: 'user',
    component: page(() => import('./home/WeeklyReviewPage')),
  },
  {
    path: '/today',
    title: 'Today',
    access: 'user',
    nav: 'Today',
    component: page(() => import('./habits/TodayPage')),
  },
  {
    path: '/habits',
    title: 'Action items',
    access: 'user',
    nav: 'Action items',
    navSecondary: true,
    component: page(() => import('./habits/HabitsPage')),
  },
  {
    path: '/habits/:id',
    title: 'Action item',
    access: 'user',
    component: page(() => import('./habits/HabitDetailPage')),
  },
  {
    path: '/sprints',
    title: 'Sprints',
    access: 'user',
    nav: 'Sprints',
    component: page(() => import('./sprints/CurrentSprintPage')),
  },
  {
    path: '/sprints/history',
    title: 'Sprint history',
    access: 'user',
    component: page(() => import('./sprints/HistoryPage')),
  },
  {
    path: '/sprints/new',
    title: 'Plan a sprint',
    access: 'user',
    component: page(() => import('./sprints/NewSprintPage')),
  },
  {
    path: '/sprints/:id',
    title: 'Sprint',
    access: 'user',
    component: page(() => import('./sprints/SprintPage')),
  },
  {
    path: '/sprints/:id/edit',
    title: 'Edit sprint',
    access: 'user',
    component: page(() => import('./sprints/EditSprintPage')),
  },
  {
    path: '/sprints/:id/retro',
    title: 'Retrospective',
    access: 'user',
    component: page(() => import('./sprints/RetroPage')),
  },
  {
    path: '/goals',
    title: 'Goals',
    access: 'user',
    nav: 'Goals',
    component: page(() => import('./goals/GoalsPage')),
  },
  {
    path: '/goals/:id',
    title: 'Goal',
    access: 'user',
    component: page(() => import('./goals/GoalDetailPage')),
  },
  {
    path: '/portfolio',
    title: 'Portfolio',
    access: 'user',
    nav: 'Portfolio',
    navSecondary: true,
    component: page(() => import('./portfolio/PortfolioPage')),
  },
  {
    path: '/opportunities',
    title: 'Opportunities',
    access: 'user',
    nav: 'Opportunities',
    component: page(() => import('./opportunities/BoardPage')),
  },
  {
    path: '/opportunities/organizations',
    title: 'Organizations',
    access: 'user',
    component: page(() => import('./opportunities/OrganizationsPage')),
  },
  {
    path: '/opportunities/organizations/:id',
    title: 'Organization',
    access: 'user',
    component: page(() => import('./opportunities/OrganizationPage')),
  },
  {
    path: '/opportunities/follow-ups',
    title: 'Follow-ups',
    access: 'user',
    component: page(() => import('./opportunities/FollowUpsPage')),
  },
  {
    path: '/opportunities/funnel',
    title: 'Funnel',
    access: 'user',
    component: page(() => import('./opportunities/FunnelPage')),
  },
  {
    path: '/opportunities/import',
    title: 'Import applications',
    access: 'user',
    component: page(() => import('./opportunities/ImportPage')),
  },
  {
    path: '/opportunities/:id',
    title: 'Application',
    access: 'user',
    component: page(() => import('./opportunities/ApplicationPage')),
  },
  {
    path: '/reading',
    title: 'Reading',
    access: 'user',
    nav: 'Reading',
    component: page(() => import('./reading/QueuePage')),
  },
  {
    path: '/reading/library',
    title: 'Library',
    access: 'user',
    component: page(() => import('./reading/LibraryPage')),
  },
  {
    path: '/reading/import',
    title: 'Import & export',
    access: 'user',
    component: page(() => import('./reading/ImportPage')),
  },
  {
    path: '/reading/:id',
    title: 'Reading item',
    access: 'user',
    component: page(() => import('./reading/ItemPage')),
  },
  {
    path: '/u/:handle',
    title: 'Profile',
    access: 'public',
    component: page(() => import('./public/PublicProfilePage')),
  },
  {
    path: '/welcome',
    title: 'Welcome',
    access: 'user',
    component: page(() => import('./onboarding/WelcomePage')),
  },
  {
    path: '/settings',
    title: 'Settings',
    access: 'user',
    nav: 'Settings',
    navSecondary: true,
    component: page(() => import('./settings/SettingsPage')),
  },
  {
    path: '/admin',
    title: 'Admin',
    access: 'admin',
    nav: 'Admin',
    navSecondary: true,
    component: page(() => import('./admin/AdminPage')),
  },
];

export const navRoutes = routes.filter((r) => r.nav);

/**
 * Whether a path matches a route pattern, as preact-iso reads it: `:name` is one segment,
 * `:name?` an optional one, `:name+` one or more to the end, `:name*` or `*` anything after.
 */
export function matchPath(pattern: string, path: string): boolean {
  const want = pattern.split('/').filter(Boolean);
  const got = (path.split(/[?#]/)[0] ?? '').split('/').filter(Boolean);
  for (let i = 0; i < want.length; i++) {
    const seg = want[i]!;
    if (seg === '*' || (seg.startsWith(':') && seg.endsWith('*'))) return true;
    if (seg.startsWith(':') && seg.endsWith('+')) return got.length > i;
    if (got[i] === undefined) return seg.startsWith(':') && seg.endsWith('?');
    if (!seg.startsWith(':') && seg !== got[i]) return false;
  }
  return got.length === want.length;
}

export function findRoute(path: string): AppRoute | undefined {
  return routes.find((r) => matchPath(r.path, path));
}
