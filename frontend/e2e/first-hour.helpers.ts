// Data for the first-hour specs.
import type { Page } from '@playwright/test';
import { addDays, checkIn, createHabit, createSprint, daysFrom, type Sprint } from './sprints.helpers';

/** A sprint twelve days in ("Fortnight 0"): Run done 11 of 11 days, DSA 3 of 11, so DSA can no longer reach 75%. */
export async function sprintWithAnItemOutOfReach(page: Page, today: string): Promise<Sprint> {
  const start = addDays(today, -11);
  const run = await createHabit(page, 'Run', start);
  const dsa = await createHabit(page, 'DSA', start);
  await checkIn(page, run, daysFrom(start, 11));
  await checkIn(page, dsa, daysFrom(start, 3));
  return createSprint(page, { title: 'Fortnight 0', start_date: start, habit_ids: [run, dsa] });
}
