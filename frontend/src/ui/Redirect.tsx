import { useLocation } from 'preact-iso';
import { useLayoutEffect } from 'preact/hooks';

/** Replaces the current history entry with `to` (no extra Back step). */
export function Redirect({ to }: { to: string }) {
  const { route } = useLocation();
  useLayoutEffect(() => {
    route(to, true);
  }, [to]);
  return null;
}
