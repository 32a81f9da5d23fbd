// Requests of the habits pages that are not part of the Today list's own state (useToday).
import { api } from '../api/client';
import { unwrap } from '../api/errors';

/** Moves an action item's start date (e.g. back a day, to backfill yesterday's check-in). */
export const moveStartDate = (habitId: number, startDate: string) =>
  unwrap(api.PATCH('/api/v1/habits/{habit_id}', { params: { path: { habit_id: habitId } }, body: { start_date: startDate } }));
