import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export type RequestState<T> =
  | { status: 'loading'; data?: T; error?: undefined }
  | { status: 'ready'; data: T; error?: undefined }
  | { status: 'error'; data?: T; error: unknown };

/**
 * Runs `load` on mount (and on `reload()`), keeping loading/ready/error state. A stale answer
 * (from before a newer reload, or after unmount) is dropped.
 */
export function useRequest<T>(load: () => Promise<T>, deps: unknown[] = []) {
  const [state, setState] = useState<RequestState<T>>({ status: 'loading' });
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(() => {
    const mine = ++generation.current;
    setState((prev) => ({ status: 'loading', data: prev.data }));
    loadRef.current().then(
      (data) => {
        if (mine === generation.current) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (mine === generation.current) setState((prev) => ({ status: 'error', error, data: prev.data }));
      },
    );
  }, []);

  useEffect(() => {
    reload();
    return () => {
      generation.current++;
    };
  }, deps);

  const mutate = useCallback((update: (data: T) => T) => {
    setState((prev) => (prev.data === undefined ? prev : { ...prev, data: update(prev.data) } as RequestState<T>));
  }, []);

  return { ...state, reload, mutate };
}
