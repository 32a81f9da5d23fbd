// Helpers for the goals, portfolio, public-profile and onboarding specs.
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { PASSWORD, registerViaApi, signIn, uniqueEmail, type Account } from './helpers';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Calls the API as the page's signed-in user (cookie session + the CSRF header). */
export async function api<T = unknown>(page: Page, method: Method, path: string, data?: unknown): Promise<T> {
  const cookies = await page.context().cookies();
  const csrf = decodeURIComponent(cookies.find((c) => c.name === 'kaizen_csrf')?.value ?? '');
  const res = await page.request.fetch(`/api/v1${path}`, { method, data, headers: { 'X-CSRF-Token': csrf } });
  expect(res.ok(), `${method} ${path} → ${res.status()} ${await res.text()}`).toBe(true);
  return (res.status() === 204 ? null : await res.json()) as T;
}

/** A new account, signed in through the sign-in form; waits until the app has loaded as that user. */
export async function newUser(page: Page, name = 'Asha Rao'): Promise<Account> {
  const acct = await registerViaApi(page, { name });
  await page.goto('/sign-in');
  await signIn(page, acct);
  await expect(page.getByRole('button', { name: /account menu/ })).toBeVisible();
  return acct;
}

/** Another person, entirely through the API on a separate request context (its own cookies). */
export async function otherUserWithToken(request: APIRequestContext): Promise<{ token: string; email: string }> {
  const email = uniqueEmail('other');
  expect((await request.post('/api/v1/auth/register', { data: { email, password: PASSWORD, display_name: 'Someone Else', timezone: 'UTC' } })).status()).toBe(202);
  const login = await request.post('/api/v1/auth/token', { form: { username: email, password: PASSWORD } });
  expect(login.ok(), `token login → ${login.status()}`).toBe(true);
  const body = (await login.json()) as { access_token: string };
  return { token: body.access_token, email };
}
