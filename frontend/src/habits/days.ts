// A day of a Today entry changed: what the page shows while a check-in is on its way (and, offline,
// until it is sent).
import type { CheckIn, TodayHabit } from './api';
import type { Optimistic } from './useToday';

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
