// Helpers for the habits e2e specs: seeded action items with check-ins. The API shortcuts (a
// signed-in account, calls from the page's cookie session) come from api.helpers.ts.
import type { Page } from '@playwright/test';
import { apiSend, serverToday } from './api.helpers';
import { addDays } from './helpers';

export { apiGet, apiSend, serverToday, signInViaApi as signedInUser } from './api.helpers';
export { addDays } from './helpers';

export interface HabitSeed {
  name: string;
  done: number[]; // days ago (1 = yesterday) that were done
  skipped?: number[];
  color?: string;
}

/**
 * The seed post's three action items: 13 days from 13 days ago to yesterday, with 9, 7 and 8
 * days done. Returns their ids in order.
 */
export async function seedHabits(page: Page, habits: HabitSeed[], startDaysAgo = 13): Promise<number[]> {
  const today = await serverToday(page);
  const ids: number[] = [];
  for (const h of habits) {
    const created = await apiSend(page, 'POST', '/habits', { name: h.name, start_date: addDays(today, -startDaysAgo), color: h.color ?? null });
    ids.push(created.id);
    for (const ago of h.done) await apiSend(page, 'PUT', `/habits/${created.id}/check-ins/${addDays(today, -ago)}`, { status: 'done' });
    for (const ago of h.skipped ?? []) await apiSend(page, 'PUT', `/habits/${created.id}/check-ins/${addDays(today, -ago)}`, { status: 'skipped' });
  }
  return ids;
}

export const SEED: HabitSeed[] = [
  { name: 'No regular smoking up', done: [13, 12, 11, 10, 8, 7, 5, 3, 2], color: '#0e7490' },
  { name: 'Gym every day', done: [13, 11, 9, 7, 5, 3, 1], color: '#c2410c' },
  { name: 'No junk food', done: [12, 11, 10, 8, 6, 4, 2, 1], color: '#15803d' },
];
