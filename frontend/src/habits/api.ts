// Every request of the habits domain (action items, check-ins, stats, the Today list), typed
// from the generated schema. Pages and components call these, never the raw client.
import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/errors';

export type Habit = Schemas['HabitRead'];
export type HabitCreate = Schemas['HabitCreate'];
export type HabitUpdate = Schemas['HabitUpdate'];
export type TodayRead = Schemas['TodayRead'];
export type TodayHabit = Schemas['TodayHabit'];
export type DayState = Schemas['DayState'];
export type CheckIn = Schemas['CheckInRead'];
export type CheckInPut = Schemas['CheckInPut'];
export type CheckInStatus = Schemas['Status'];
export type HabitStats = Schemas['HabitStatsRead'];
export type Schedule = Habit['schedule'];
export type StreakUnit = Schemas['StreakUnit'];

/** The biggest page the API hands out; a person has far fewer action items. */
export const HABITS_LIMIT = 200;

export function listHabits(): Promise<Schemas['Page_HabitRead_']> {
  return unwrap(api.GET('/api/v1/habits', { params: { query: { limit: HABITS_LIMIT } } }));
}

export function getHabit(id: number): Promise<Habit> {
  return unwrap(api.GET('/api/v1/habits/{habit_id}', { params: { path: { habit_id: id } } }));
}

/** A habit's stats over `from`..`to` (both optional: the server's default window). */
export function getHabitStats(id: number, window: { from?: string | undefined; to?: string | undefined } = {}): Promise<HabitStats> {
  return unwrap(
    api.GET('/api/v1/habits/{habit_id}/stats', {
      params: { path: { habit_id: id }, query: { from: window.from ?? null, to: window.to ?? null } },
    }),
  );
}

export function createHabit(body: HabitCreate): Promise<Habit> {
  return unwrap(api.POST('/api/v1/habits', { body }));
}

export function updateHabit(id: number, body: HabitUpdate): Promise<Habit> {
  return unwrap(api.PATCH('/api/v1/habits/{habit_id}', { params: { path: { habit_id: id } }, body }));
}

export async function deleteHabit(id: number): Promise<void> {
  await unwrap(api.DELETE('/api/v1/habits/{habit_id}', { params: { path: { habit_id: id } } }));
}

/** Saves the order of the action items (ids, first to last). */
export async function reorderHabits(ids: number[]): Promise<void> {
  await unwrap(api.POST('/api/v1/habits/reorder', { body: { habit_ids: ids } }));
}

/** Today's date in the person's timezone, with every active item and its last days. */
export function getToday(): Promise<TodayRead> {
  return unwrap(api.GET('/api/v1/today'));
}

/** Today's date in the person's timezone ('YYYY-MM-DD'). */
export async function getTodayDate(): Promise<string> {
  return (await getToday()).date;
}

export function putCheckIn(habitId: number, date: string, body: CheckInPut): Promise<CheckIn> {
  return unwrap(api.PUT('/api/v1/habits/{habit_id}/check-ins/{date}', { params: { path: { habit_id: habitId, date } }, body }));
}

export async function deleteCheckIn(habitId: number, date: string): Promise<void> {
  await unwrap(api.DELETE('/api/v1/habits/{habit_id}/check-ins/{date}', { params: { path: { habit_id: habitId, date } } }));
}
