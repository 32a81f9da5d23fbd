import { useEffect, useLayoutEffect } from 'preact/hooks';

export const APP_NAME = 'Kaizen';

const setTitle = (title: string) => {
  document.title = `${title} · ${APP_NAME}`;
};

/**
 * The route's title, from the route list (src/routes.tsx). Set in a layout effect, so it lands
 * before any page's own `useTitle`, which then wins.
 */
export function useRouteTitle(title: string): void {
  useLayoutEffect(() => setTitle(title), [title]);
}

/**
 * A page's own title, e.g. the name of what it shows once that has loaded. Nothing (undefined or
 * null) keeps the route's title.
 */
export function useTitle(title: string | null | undefined): void {
  useEffect(() => {
    if (title) setTitle(title);
  }, [title]);
}
