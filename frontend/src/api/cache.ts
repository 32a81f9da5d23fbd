// A tiny per-session cache for reference lists several pages share (the goal picker's goals):
// one request while it is in flight or remembered, forgotten when the data changes, when the
// signed-in user changes (src/auth/session.tsx) and between tests (src/test/setup.ts).

const entries = new Map<string, Promise<unknown>>();

/** `load()` once per `key`; a failed load is forgotten so the next call tries again. */
export function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = entries.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  const promise = load();
  entries.set(key, promise);
  promise.catch(() => {
    if (entries.get(key) === promise) entries.delete(key);
  });
  return promise;
}

/** Forget `key`, so the next `cached(key, …)` asks the server again. */
export function invalidate(key: string): void {
  entries.delete(key);
}

/** Forget everything (another user signed in or out). */
export function clearCache(): void {
  entries.clear();
}
