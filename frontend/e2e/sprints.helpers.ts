// API shortcuts for the sprint e2e tests: sign in without the form, create action items and
// check-ins in the past, plan sprints — so each test sets up its own data quickly.
import type { Page } from '@playwright/test';
import { apiSend, serverToday } from './api.helpers';
import { addDays } from './helpers';

export { apiGet, apiSend, serverToday, signInViaApi } from './api.helpers';
export { addDays } from './helpers';

export async function createHabit(page: Page, name: string, startDate: string): Promise<number> {
  const habit = await apiSend<{ id: number }>(page, 'POST', '/habits', { name, start_date: startDate });
  return habit.id;
}

/** Marks `habitId` done on each of `days` (ISO dates). */
export async function checkIn(page: Page, habitId: number, days: string[], status: 'done' | 'skipped' | 'missed' = 'done') {
  for (const day of days) await apiSend(page, 'PUT', `/habits/${habitId}/check-ins/${day}`, { status });
}

/** `count` consecutive days from `start`. */
export function daysFrom(start: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(start, i));
}

export interface Sprint {
  id: number;
  title: string;
}

export async function createSprint(page: Page, body: Record<string, unknown>): Promise<Sprint> {
  return apiSend<Sprint>(page, 'POST', '/sprints', body);
}

export const SEED_ITEMS = [
  { name: 'No regular smoking up', done: 9 },
  { name: 'Gym every day', done: 7 },
  { name: 'No junk food', done: 8 },
] as const;

/**
 * The seed post, relative to the server's today: a sprint that started 13 days ago (so 13 days
 * are over and today is its 14th), its three items done 9, 7 and 8 of those 13 days.
 */
export async function seedSprint(page: Page, opts: { previous?: boolean } = {}): Promise<{ sprint: Sprint; today: string; start: string }> {
  const today = await serverToday(page);
  const start = addDays(today, -13);
  const habitStart = opts.previous ? addDays(start, -14) : start;
  const ids: number[] = [];
  for (const item of SEED_ITEMS) ids.push(await createHabit(page, item.name, habitStart));
  // One request at a time per item, the three items side by side.
  await Promise.all(SEED_ITEMS.map((item, i) => checkIn(page, ids[i]!, daysFrom(start, item.done))));
  if (opts.previous) {
    // The fortnight before, mostly missed: a history to compare with.
    await createSprint(page, { title: 'Before Diwali', start_date: habitStart, target_rate: 0.5, habit_ids: ids });
    await Promise.all([checkIn(page, ids[0]!, daysFrom(habitStart, 5)), checkIn(page, ids[1]!, daysFrom(habitStart, 2))]);
  }
  const sprint = await createSprint(page, {
    title: 'Back from Diwali',
    theme: 'touching grass',
    start_date: start,
    target_rate: 0.75,
    habit_ids: ids,
    plan: '- **gym** before work\n- no junk food at home\n- one smoke-free evening walk',
  });
  return { sprint, today, start };
}
