import { useLocation } from 'preact-iso';
import { useLayoutEffect } from 'preact/hooks';

/**
 * Replaces the current history entry with `to` (no extra Back step). It fires once, when it
 * mounts: the router may keep rendering the old page while the next one loads, and that
 * re-render must not redirect again.
 */
export function Redirect({ to }: { to: string }) {
  const { route } = useLocation();
  useLayoutEffect(() => {
    route(to, true);
  }, []);
  return null;
}
