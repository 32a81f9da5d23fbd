// The Today page's data: GET /today, plus check-ins applied optimistically. A change shows at
// once; if the server refuses it, the day goes back to what it was and `notice` says why. Once
// every write has settled, /today is fetched again quietly so streaks and rates follow.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '../api/errors';
import { deleteCheckIn, getToday, putCheckIn, type CheckIn, type CheckInPut, type CheckInStatus, type TodayHabit, type TodayRead } from './api';
import { shortDay } from '../ui/dates';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

export type LoadState = { status: 'loading' } | { status: 'ready' } | { status: 'error'; error: unknown };

/** `undefined` keeps the day's status as it is (a numeric value whose verdict the server gives). */
export type Optimistic = CheckInStatus | null | undefined;

export function withDay(entry: TodayHabit, date: string, todayDate: string, status: Optimistic, saved?: CheckIn | null): TodayHabit {
  const next = saved === undefined ? status : saved === null ? null : saved.status;
  if (next === undefined) return entry;
  // What the server saved (or cleared) replaces the day's value and note too; an optimistic
  // change only touches the status until then.
  const last_7_days = entry.last_7_days.map((d) => {
    if (d.date !== date) return d;
    if (saved) return { ...d, status: saved.status, value: saved.value, note: saved.note };
    if (saved === null) return { ...d, status: null, value: null, note: '' };
    return { ...d, status: next };
  });
  let today = entry.today;
  if (date === todayDate) {
    if (saved) today = saved;
    else if (next === null) today = null;
    else today = { habit_id: entry.habit.id, date, status: next, value: entry.today?.value ?? null, note: entry.today?.note ?? '' };
  }
  return { ...entry, last_7_days, today };
}

/** The next status when a day is tapped: anything but done becomes done; done clears. */
export function toggled(status: CheckInStatus | null | undefined): CheckInStatus | null {
  return status === 'done' ? null : 'done';
}

let noticeId = 0;

/**
 * `fetcher` gives the list (default: GET /today); the home page passes its own request, so its
 * check-ins work the same way and a refresh brings the rest of the home screen along.
 */
export function useToday(fetcher: () => Promise<TodayRead> = getToday) {
  const loader = useRef(fetcher);
  loader.current = fetcher;
  const [data, setState] = useState<TodayRead | null>(null);
  // The latest data, readable synchronously by the handlers below.
  const current = useRef<TodayRead | null>(null);
  const setData = useCallback((next: TodayRead | null | ((prev: TodayRead | null) => TodayRead | null)) => {
    current.current = typeof next === 'function' ? next(current.current) : next;
    setState(current.current);
  }, []);
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const [notice, setNotice] = useState<Notice | null>(null);
  const inFlight = useRef(0);
  const generation = useRef(0);
  const stale = useRef(false);

  const fetchToday = useCallback(async (quiet: boolean) => {
    const mine = ++generation.current;
    if (!quiet) setLoad({ status: 'loading' });
    try {
      const fresh = await loader.current();
      // A write started since: its optimistic state wins; fetch again when it settles.
      if (mine !== generation.current || inFlight.current > 0) return;
      stale.current = false;
      setData(fresh);
      setLoad({ status: 'ready' });
    } catch (error) {
      if (mine !== generation.current) return;
      if (quiet) return; // the page still shows the last good data; the next write retries
      setLoad({ status: 'error', error });
    }
  }, [setData]);

  useEffect(() => {
    void fetchToday(false);
    return () => {
      generation.current++;
    };
  }, [fetchToday]);

  const say = useCallback((kind: Notice['kind'], text: string) => setNotice({ id: ++noticeId, kind, text }), []);

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
        if (body) saved = await putCheckIn(habitId, date, body);
        else await deleteCheckIn(habitId, date);
        setData((prev) =>
          prev && { ...prev, habits: prev.habits.map((h) => (h.habit.id === habitId ? withDay(h, date, prev.date, optimistic, saved) : h)) },
        );
        return saved;
      } catch (error) {
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
    [fetchToday, say, setData],
  );

  return {
    data,
    load,
    notice,
    dismiss: () => setNotice(null),
    say,
    reload: () => fetchToday(false),
    refresh: () => fetchToday(true),
    checkIn,
  };
}
