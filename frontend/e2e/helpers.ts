import { expect, type Locator, type Page } from '@playwright/test';

let counter = 0;

/** An email address no other test (or earlier run on the same database) has used. */
export function uniqueEmail(tag = 'user'): string {
  counter += 1;
  return `${tag}-${Date.now().toString(36)}-${counter}@example.com`;
}

export const PASSWORD = 'correct horse battery staple';

export interface Account {
  email: string;
  password: string;
  name: string;
}

/** Signs up through the UI; the app signs the new account in (landing on Home), then opens Settings. */
export async function signUp(page: Page, account: Partial<Account> = {}): Promise<Account> {
  const acct: Account = {
    email: account.email ?? uniqueEmail(),
    password: account.password ?? PASSWORD,
    name: account.name ?? 'Asha Rao',
  };
  await page.goto('/sign-up');
  await page.getByLabel('Name (optional)').fill(acct.name);
  await page.getByLabel('Email').fill(acct.email);
  await page.getByLabel('Password').fill(acct.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  // Two password hashes (register, then sign in): give a busy machine more than the default 5 s.
  await expect(page).toHaveURL(/\/home$/, { timeout: 15_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await page.goto('/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  return acct;
}

/** Creates an account through the API (faster when the sign-up form is not under test). */
export async function registerViaApi(page: Page, account: Partial<Account> = {}): Promise<Account> {
  const acct: Account = {
    email: account.email ?? uniqueEmail(),
    password: account.password ?? PASSWORD,
    name: account.name ?? 'Asha Rao',
  };
  const res = await page.request.post('/api/v1/auth/register', {
    data: { email: acct.email, password: acct.password, display_name: acct.name, timezone: 'Asia/Kolkata' },
  });
  expect(res.status()).toBe(202);
  return acct;
}

export async function signIn(page: Page, acct: Account): Promise<void> {
  await page.getByLabel('Email').fill(acct.email);
  await page.getByLabel('Password').fill(acct.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /account menu/ }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
}

/** An ISO date (YYYY-MM-DD) moved by `days`, in UTC. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The centre of an element on the page, for pointer and touch input. */
export async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = (await locator.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A finger dragging `grip` to just above `target`, with real touch events as a phone sends them. */
export async function touchDrag(page: Page, grip: Locator, target: Locator): Promise<void> {
  const from = await centre(grip);
  const to = await centre(target);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
  const steps = 12;
  for (let i = 1; i <= steps; i++) {
    const y = from.y + ((to.y - 10 - from.y) * i) / steps;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: from.x, y }] });
    await page.waitForTimeout(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}
