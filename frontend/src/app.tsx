import { ErrorBoundary, LocationProvider, Route, Router, useLocation } from 'preact-iso';
import type { User } from './api/client';
import { signInUrl, safeNext } from './auth/next';
import { SessionProvider, useSession } from './auth/session';
import { OnboardingOffer } from './onboarding/OnboardingOffer';
import { UpdatePrompt } from './pwa/UpdatePrompt';
import { Reminders } from './reminders/Reminders';
import { HOME_PATH, routes, type AppRoute } from './routes';
import { Header } from './shell/Header';
import { NotFound } from './ui/NotFound';
import { Redirect } from './ui/Redirect';
import { ErrorState, Loading } from './ui/Status';
import { useRouteTitle } from './ui/useTitle';

/** Applies a route's access rule, then renders its (lazily loaded) page. */
// `path` and `component` are read by <Router> (it matches on path, and treats a new component as
// a new page); the view itself only needs `route`.
function RouteView({ route }: { route: AppRoute; path: string; component: AppRoute['component'] }) {
  const { user } = useSession();
  const { url, query } = useLocation();
  useRouteTitle(route.title);
  if ((route.access === 'user' || route.access === 'admin') && !user) return <Redirect to={signInUrl(url)} />;
  if (route.access === 'admin' && !user?.is_admin) return <NotFound />;
  if (route.access === 'guest' && user) return <Redirect to={safeNext(query.next)} />;
  const Page = route.component;
  return <Page />;
}

const HomeRedirect = () => <Redirect to={HOME_PATH} />;

let headingWatch: MutationObserver | null = null;

function focusHeading() {
  // After client-side navigation, move focus to the new page's heading so screen readers and
  // keyboard users start there (headings carry tabIndex=-1).
  const main = document.getElementById('main');
  if (!main) return;
  let target: HTMLElement = main.querySelector<HTMLElement>('h1') ?? main;
  target.focus({ preventScroll: true });
  // A page that swaps its heading when its data arrives (a loading heading, then the real one)
  // would drop focus on <body>: follow to the new heading, unless the person has moved on.
  headingWatch?.disconnect();
  const watch = new MutationObserver(() => {
    const active = document.activeElement;
    if (target.isConnected && target !== main) return;
    if (active && active !== document.body && active !== main) return;
    const heading = main.querySelector<HTMLElement>('h1');
    if (!heading || heading === target) return;
    target = heading;
    heading.focus({ preventScroll: true });
  });
  watch.observe(main, { childList: true, subtree: true });
  headingWatch = watch;
  window.setTimeout(() => watch.disconnect(), 10_000);
}

function Pages() {
  const session = useSession();
  if (session.status === 'loading') return <Loading minHeight="50vh" />;
  if (session.status === 'error') {
    return <ErrorState title="Kaizen couldn't start" error={session.error} onRetry={session.reload} />;
  }
  return (
    <ErrorBoundary>
      <Router onRouteChange={focusHeading}>
        {[
          ...routes.map((r) => <RouteView key={r.path} path={r.path} route={r} component={r.component} />),
          <Route key="/" path="/" component={HomeRedirect} />,
          <Route key="404" default component={NotFound} />,
        ]}
      </Router>
    </ErrorBoundary>
  );
}

export function App({ initialUser }: { initialUser?: User | null }) {
  return (
    <LocationProvider>
      <SessionProvider initialUser={initialUser}>
        <a href="#main" class="skip-link">
          Skip to content
        </a>
        <Header />
        <main id="main" class="app-main" tabIndex={-1}>
          <OnboardingOffer />
          <Pages />
        </main>
        <UpdatePrompt />
        <Reminders />
      </SessionProvider>
    </LocationProvider>
  );
}
