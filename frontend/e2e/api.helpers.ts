// API shortcuts shared by the e2e specs: sign a browser context in without the form, and call the
// API from the page's own cookie session (unsafe methods carry the CSRF header).
import { expect, type Page } from '@playwright/test';
import { registerViaApi, type Account } from './helpers';

/** Registers (timezone Asia/Kolkata) and signs the browser context in through the API. */
export async function signInViaApi(page: Page): Promise<Account> {
  const acct = await registerViaApi(page);
  const res = await page.request.post('/api/v1/auth/login', { data: { email: acct.email, password: acct.password } });
  expect(res.status()).toBe(200);
  return acct;
}

async function csrf(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((c) => c.name === 'kaizen_csrf');
  if (!cookie) throw new Error('no kaizen_csrf cookie: sign in first');
  return cookie.value;
}

// The response type defaults to `any` so untyped callers can read fields straight off the JSON.

/** An unsafe call; fails the test unless the response is 2xx. A 204 gives null. */
export async function apiSend<T = any>(page: Page, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, data?: unknown): Promise<T> {
  const res = await page.request.fetch(`/api/v1${path}`, { method, data, headers: { 'X-CSRF-Token': await csrf(page) } });
  expect(res.ok(), `${method} ${path} → ${res.status()} ${await res.text()}`).toBe(true);
  return (res.status() === 204 ? null : await res.json()) as T;
}

/** A GET; fails the test unless the response is 2xx. */
export async function apiGet<T = any>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`/api/v1${path}`);
  expect(res.ok(), `GET ${path} → ${res.status()}`).toBe(true);
  return (await res.json()) as T;
}

/** Today in the account's timezone, as the server sees it. */
export async function serverToday(page: Page): Promise<string> {
  return (await apiGet<{ date: string }>(page, '/today')).date;
}
