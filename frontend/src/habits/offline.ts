// Today's offline mode: what a queued check-in looks like on the page before the server has it.
import type { QueuedCheckIn } from '../offline/queue';
import type { CheckIn, CheckInPut, CheckInStatus, Habit, TodayRead } from './api';
import { withDay } from './days';

/** The status the server will give `body` (its rule in habits/service.py `_status_for`). */
export function expectedStatus(habit: Pick<Habit, 'kind' | 'target_type' | 'target_value'>, body: CheckInPut): CheckInStatus {
  if (body.status === 'skipped') return 'skipped';
  if (habit.kind === 'numeric' && body.value != null) {
    const target = habit.target_value ?? 0;
    const met = habit.target_type === 'at_most' ? body.value <= target : body.value >= target;
    return met ? 'done' : 'missed';
  }
  return body.status ?? 'done';
}

/** The check-in a queued PUT will create (shown until the server says otherwise). */
export function pendingCheckIn(habit: Habit, date: string, body: CheckInPut): CheckIn {
  return { habit_id: habit.id, date, status: expectedStatus(habit, body), value: body.value ?? null, note: body.note ?? '' };
}

/** `data` with the waiting changes laid over it, in order (changes for unknown habits are left out). */
export function withQueued(data: TodayRead, changes: QueuedCheckIn[]): TodayRead {
  if (changes.length === 0) return data;
  return {
    ...data,
    habits: data.habits.map((h) => {
      let entry = h;
      for (const c of changes) {
        if (c.habitId !== h.habit.id) continue;
        const saved = c.body ? pendingCheckIn(h.habit, c.date, c.body) : null;
        entry = withDay(entry, c.date, data.date, saved ? saved.status : null, saved);
      }
      return entry;
    }),
  };
}
