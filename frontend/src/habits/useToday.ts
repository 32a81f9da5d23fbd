// The check-in list's data (Today: GET /today; Home: GET /home, whose `habits` are the same list),
// plus check-ins applied optimistically. A change shows at once; if the server refuses it, the
// day goes back to what it was and `notice` says why. Once every write has settled, the payload
// is fetched again quietly so streaks, rates and the sprint's numbers follow.
// Offline (src/offline/): each page's last payload is kept in IndexedDB under its own key and
// shown when the server can't be reached; a check-in that can't be sent is queued (one queue for
// both pages), stays on the page, and is replayed in order when the connection returns.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, errorMessage } from '../api/errors';
import { useMaybeUser } from '../auth/session';
import { cacheEntry, cachePut, enqueue, pending, type ReplayResult } from '../offline/queue';
import { useOfflineSync } from '../offline/useOfflineSync';
import { deleteCheckIn, getToday, putCheckIn, type CheckIn, type CheckInPut, type CheckInStatus, type TodayHabit, type TodayRead } from './api';
import { shortDay } from '../ui/dates';
import { pendingCheckIn, withQueued } from './offline';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

export type LoadState = { status: 'loading' } | { status: 'ready' } | { status: 'error'; error: unknown };

/** `undefined` keeps the day's status as it is (a numeric value whose verdict the server gives). */
export type Optimistic = CheckInStatus | null | undefined;

import { withDay } from './days';

export { withDay };

/** The next status when a day is tapped: anything but done becomes done; done clears. */
export function toggled(status: CheckInStatus | null | undefined): CheckInStatus | null {
  return status === 'done' ? null : 'done';
}

let noticeId = 0;

/** Where a page's check-in list comes from: a request, the list inside its answer, and the key
 * its last answer is kept under for offline use. Keep it a module constant (stable identity).
 * Every page also keeps its list under TODAY_KEY, so offline each page shows the newest list
 * either page saw (Today opens offline after only Home was visited, and the other way round). */
export interface DaySource<T> {
  key: string;
  fetch: () => Promise<T>;
  day: (payload: T) => TodayRead;
}

const TODAY_KEY = 'today';

export const TODAY_SOURCE: DaySource<TodayRead> = { key: TODAY_KEY, fetch: getToday, day: (t) => t };

/**
 * The list of `source` (default: GET /today); the home page passes its own source, so its
 * check-ins work the same way (offline too) and a refresh brings the rest of the home screen along.
 */
export function useToday<T = TodayRead>(source: DaySource<T> = TODAY_SOURCE as unknown as DaySource<T>) {
  const loader = useRef(source);
  loader.current = source;
  // The page's whole last answer (Home's cards), from the server or, offline, the cache.
  const [payload, setPayload] = useState<T | null>(null);
  const [data, setState] = useState<TodayRead | null>(null);
  // The latest data, readable synchronously by the handlers below.
  const current = useRef<TodayRead | null>(null);
  const setData = useCallback((next: TodayRead | null | ((prev: TodayRead | null) => TodayRead | null)) => {
    current.current = typeof next === 'function' ? next(current.current) : next;
    setState(current.current);
  }, []);
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const [notice, setNotice] = useState<Notice | null>(null);
  // Counts the server's answers taken in (not optimistic changes): what depends on saved
  // check-ins, like the sprint's pace line, reloads on it.
  const [revision, setRevision] = useState(0);
  const inFlight = useRef(0);
  const generation = useRef(0);
  const stale = useRef(false);
  const userId = useMaybeUser()?.id ?? null;

  const fetchToday = useCallback(async (quiet: boolean) => {
    const mine = ++generation.current;
    if (!quiet) setLoad({ status: 'loading' });
    try {
      const { key, fetch, day } = loader.current;
      const fresh = await fetch();
      if (userId !== null) {
        void cachePut(userId, key, fresh).catch(() => undefined);
        if (key !== TODAY_KEY) void cachePut(userId, TODAY_KEY, day(fresh)).catch(() => undefined);
      }
      // Changes still waiting to be sent stay on the page.
      const waiting = userId === null ? [] : await pending(userId);
      // A write started since: its optimistic state wins; fetch again when it settles.
      if (mine !== generation.current || inFlight.current > 0) return;
      stale.current = false;
      setPayload(fresh);
      setData(withQueued(day(fresh), waiting));
      setRevision((n) => n + 1);
      setLoad({ status: 'ready' });
    } catch (error) {
      if (mine !== generation.current) return;
      // No connection: the last known day, with the changes made since laid over it.
      if (offline(error) && userId !== null) {
        const { key, day } = loader.current;
        const cached = await cacheEntry<T>(userId, key).catch(() => null);
        const list = cached && key !== TODAY_KEY ? await cacheEntry<TodayRead>(userId, TODAY_KEY).catch(() => null) : null;
        const waiting = cached ? await pending(userId) : [];
        if (cached && mine === generation.current && inFlight.current === 0) {
          setPayload(cached.data);
          setData(withQueued(list && list.at > cached.at ? list.data : day(cached.data), waiting));
          setLoad({ status: 'ready' });
          return;
        }
      }
      if (quiet) return; // the page still shows the last good data; the next write retries
      setLoad({ status: 'error', error });
    }
  }, [setData, userId]);

  useEffect(() => {
    void fetchToday(false);
    return () => {
      generation.current++;
    };
  }, [fetchToday]);

  const say = useCallback((kind: Notice['kind'], text: string) => setNotice({ id: ++noticeId, kind, text }), []);

  // Queued changes went out (or were refused for good): tell why any was dropped, then reload.
  const afterSync = useCallback(
    (result: ReplayResult) => {
      if (result.dropped.length > 0) say('error', result.dropped.map((d) => d.reason).join(' '));
      void fetchToday(true);
    },
    [fetchToday, say],
  );
  const connection = useOfflineSync(userId, afterSync);
  const { sync } = connection;

  /** Keeps a change to send later; the page shows it as saved (the entry's day, as the server will). */
  const queue = useCallback(
    async (user: number, entry: TodayHabit, date: string, body: CheckInPut | null): Promise<CheckIn | null> => {
      await enqueue({ userId: user, habitId: entry.habit.id, habitName: entry.habit.name, date, body });
      const saved = body ? pendingCheckIn(entry.habit, date, body) : null;
      setData((prev) => prev && { ...prev, habits: prev.habits.map((h) => (h.habit.id === entry.habit.id ? withDay(h, date, prev.date, saved?.status ?? null, saved) : h)) });
      stale.current = false; // nothing to fetch again until the queue is sent
      if (navigator.onLine) void sync();
      return saved;
    },
    [setData, sync],
  );

  /**
   * Sets (body) or clears (null) a habit's day. `optimistic` is what to show until the server
   * answers. `quiet` leaves the error message to the caller (a form shows it by its fields).
   * Resolves to the saved check-in (null when cleared); rejects after rolling back.
   */
  const checkIn = useCallback(
    async (habitId: number, date: string, body: CheckInPut | null, optimistic: Optimistic, quiet = false): Promise<CheckIn | null> => {
      const before: TodayHabit | undefined = current.current?.habits.find((h) => h.habit.id === habitId);
      const todayDate = current.current?.date ?? '';
      setData((prev) =>
        prev && { ...prev, habits: prev.habits.map((h) => (h.habit.id === habitId ? withDay(h, date, prev.date, optimistic) : h)) },
      );
      inFlight.current++;
      generation.current++; // a read already in flight is now stale
      stale.current = true;
      try {
        let saved: CheckIn | null = null;
        // Without a connection (or with changes already waiting, which must go first), queue it.
        if (userId !== null && before && (!navigator.onLine || (await pending(userId)).length > 0)) {
          return await queue(userId, before, date, body);
        }
        if (body) saved = await putCheckIn(habitId, date, body);
        else await deleteCheckIn(habitId, date);
        setData((prev) =>
          prev && { ...prev, habits: prev.habits.map((h) => (h.habit.id === habitId ? withDay(h, date, prev.date, optimistic, saved) : h)) },
        );
        return saved;
      } catch (error) {
        if (userId !== null && before && offline(error)) return await queue(userId, before, date, body);
        const previous = before?.last_7_days.find((d) => d.date === date)?.status ?? null;
        setData((prev) =>
          prev && {
            ...prev,
            habits: prev.habits.map((h) => {
              if (h.habit.id !== habitId || !before) return h;
              const rolled = withDay(h, date, prev.date, previous);
              return date === todayDate ? { ...rolled, today: before.today } : rolled;
            }),
          },
        );
        const name = before?.habit.name ?? 'this habit';
        if (!quiet) say('error', `Couldn't save ${name} for ${shortDay(date)}: ${errorMessage(error)}`);
        throw error;
      } finally {
        inFlight.current--;
        if (inFlight.current === 0 && stale.current) void fetchToday(true);
      }
    },
    [fetchToday, say, setData, userId, queue],
  );

  return {
    payload,
    data,
    load,
    revision,
    notice,
    connection,
    dismiss: () => setNotice(null),
    say,
    reload: () => fetchToday(false),
    refresh: () => fetchToday(true),
    checkIn,
  };
}

/** What a check-in list needs from `useToday` (Today's and Home's rows share it). */
export type CheckIns = Pick<ReturnType<typeof useToday>, 'data' | 'checkIn' | 'reload'>;

/** The request never reached the server (status 0: no connection). */
function offline(error: unknown): boolean {
  return error instanceof ApiError && error.status === 0;
}
