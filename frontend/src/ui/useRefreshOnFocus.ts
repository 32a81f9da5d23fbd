import { useEffect } from 'preact/hooks';

/** Re-runs `reload` when the person comes back to the tab (after checking in elsewhere). */
export function useRefreshOnFocus(reload: () => void) {
  useEffect(() => {
    let last = Date.now();
    const onVisible = () => {
      if (document.visibilityState !== 'visible') return;
      // Focus and visibilitychange often fire together: one reload is enough.
      if (Date.now() - last < 1000) return;
      last = Date.now();
      reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onVisible);
    };
  }, [reload]);
}
