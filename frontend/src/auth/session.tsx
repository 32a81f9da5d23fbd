// Who is signed in. Loaded once from GET /me; any 401 from any request clears it, and the
// route guards then send the person to the sign-in page with ?next=<where they were>.
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { clearCache } from '../api/cache';
import { CSRF_COOKIE, onUnauthorized, readCookie, type User } from '../api/client';
import { ApiError } from '../api/errors';
import { rememberedMe, rememberMe } from '../offline/me';
import { clearOffline, forgetOthers } from '../offline/queue';
import { clearReminders } from '../reminders/reminders';
import { getMe, logout } from './api';

export interface Session {
  status: 'loading' | 'ready' | 'error';
  user: User | null;
  error: unknown;
  setUser: (user: User | null) => void;
  reload: () => void;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() needs a <SessionProvider>');
  return session;
}

/** The signed-in user; only for components rendered behind the sign-in guard. */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useUser() used on a page that does not require sign-in');
  return user;
}

/** The signed-in user or null; also works outside a <SessionProvider> (component tests). */
export function useMaybeUser(): User | null {
  return useContext(SessionContext)?.user ?? null;
}

export async function fetchMe(): Promise<User | null> {
  // Signing in sets the readable CSRF cookie beside the HttpOnly session cookie, and signing out
  // removes both: without it there is no session, so a signed-out page asks nothing (no 401).
  if (readCookie(CSRF_COOKIE) === null) return null;
  try {
    return await getMe();
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export function SessionProvider({ children, initialUser }: { children: ComponentChildren; initialUser?: User | null }) {
  const [status, setStatus] = useState<Session['status']>(initialUser === undefined ? 'loading' : 'ready');
  const [user, setUser] = useState<User | null>(initialUser ?? null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(() => {
    setStatus('loading');
    fetchMe()
      .then((me) => {
        setUser(me);
        setStatus('ready');
      })
      .catch(async (err: unknown) => {
        // Offline: open as the person last signed in on this device (the offline mode).
        const known = err instanceof ApiError && err.status === 0 ? await rememberedMe().catch(() => null) : null;
        if (known) {
          setUser(known);
          setStatus('ready');
          return;
        }
        setError(err);
        setStatus('error');
      });
  }, []);

  // Cached lists belong to whoever was signed in.
  useEffect(() => clearCache(), [user?.id]);

  useEffect(() => {
    if (initialUser === undefined) reload();
    return onUnauthorized(() => setUser(null));
  }, []);

  // Remember who is signed in for the offline mode (and forget once no one is).
  useEffect(() => {
    if (status !== 'ready') return;
    void rememberMe(user).catch(() => undefined);
    if (user) void forgetOthers(user.id).catch(() => undefined);
  }, [user, status]);

  const signOut = useCallback(async () => {
    try {
      await logout();
    } catch (err) {
      // Already signed out is fine; anything else (offline) is shown to the person.
      if (!(err instanceof ApiError && err.status === 401)) throw err;
    }
    // Nothing personal stays on the device: the offline queue and cached pages go too.
    await clearOffline().catch(() => undefined);
    clearReminders();
    setUser(null);
  }, []);

  const value = useMemo<Session>(
    () => ({ status, user, error, setUser, reload, signOut }),
    [status, user, error, reload, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
