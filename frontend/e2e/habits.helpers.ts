// Helpers for the habits e2e specs: a signed-in account made through the API, and API calls
// from the page's own cookie session (unsafe ones carry the CSRF header).
import { expect, type Page } from '@playwright/test';
import { registerViaApi, type Account } from './helpers';

export async function signedInUser(page: Page): Promise<Account> {
  const acct = await registerViaApi(page);
  const res = await page.request.post('/api/v1/auth/login', { data: { email: acct.email, password: acct.password } });
  expect(res.status()).toBe(200);
  return acct;
}

async function csrf(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((c) => c.name === 'kaizen_csrf');
  if (!cookie) throw new Error('no CSRF cookie: sign in first');
  return cookie.value;
}

export async function apiSend(page: Page, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, data?: unknown) {
  const res = await page.request.fetch(`/api/v1${path}`, { method, data, headers: { 'X-CSRF-Token': await csrf(page) } });
  expect(res.ok(), `${method} ${path} → ${res.status()} ${await res.text()}`).toBe(true);
  return res.status() === 204 ? null : res.json();
}

export async function apiGet(page: Page, path: string) {
  const res = await page.request.get(`/api/v1${path}`);
  expect(res.ok(), `GET ${path} → ${res.status()}`).toBe(true);
  return res.json();
}

/** Today in the account's timezone, as the server sees it. */
export async function serverToday(page: Page): Promise<string> {
  return (await apiGet(page, '/today')).date as string;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

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
