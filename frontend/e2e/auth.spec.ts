import { expect, test } from './fixtures';
import { registerViaApi, signIn, signOut, signUp, uniqueEmail } from './helpers';

test('sign up, sign out, sign in, reload a deep link', async ({ page }) => {
  const acct = await signUp(page, { name: 'Asha Rao' });
  await expect(page.getByRole('button', { name: /account menu/ })).toContainText('Asha Rao');
  // The browser's timezone was sent with the sign-up.
  const tz = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  await expect(page.getByLabel('Timezone')).toHaveValue(tz);

  await signOut(page);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  // The session is really gone on the server, not just in the page.
  expect((await page.request.get('/api/v1/me')).status()).toBe(401);

  await signIn(page, acct);
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await page.goto('/settings');

  // A full reload of a client route is served index.html and stays signed in.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Asha Rao');
  await expect(page).toHaveTitle('Settings · Kaizen');
  const csp = await page.request.get('/settings');
  expect(csp.headers()['content-security-policy']).toContain("default-src 'self'");
});

test('a signed-out visit to /settings goes to sign-in and comes back after', async ({ page }) => {
  const acct = await registerViaApi(page);
  await page.goto('/settings');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings$/);
  await expect(page.getByText('Sign in to continue where you were.')).toBeVisible();
  await signIn(page, acct);
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});

test('/ leads to the home page, unknown paths say not found', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fhome$/);
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('wrong password shows a readable error and keeps the email', async ({ page }) => {
  const acct = await registerViaApi(page);
  await page.goto('/sign-in');
  await signIn(page, { ...acct, password: 'not the password' });
  await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');
  await expect(page.getByLabel('Email')).toHaveValue(acct.email);
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('sign-up validates in the browser, then shows the server’s field errors', async ({ page }) => {
  const existing = await registerViaApi(page);
  await page.goto('/sign-up');

  // Client-side checks: nothing is sent while the form is invalid.
  let posted = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/api/v1/auth/register')) posted += 1;
  });
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Email')).toBeFocused();
  await expect(page.getByText('Use at least 10 characters.')).toBeVisible();
  expect(posted).toBe(0);

  // An email that has an account: sign-up answers as for any email, then signing in with a
  // different password fails, and the form says to sign in instead.
  await page.getByLabel('Email').fill(existing.email);
  await page.getByLabel('Password').fill('a different password');
  await page.getByRole('button', { name: 'Create account' }).click();
  const email = page.getByLabel('Email');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(/already have an account/);
  expect(posted).toBe(1);

  // A 422 from the server (an address the browser check lets through) lands on the field too.
  await email.fill(`${uniqueEmail('x').replace('@example.com', '')}@localhost.invalid`);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(/.+/);
  expect(posted).toBe(2);
});

test('the session ending mid-visit sends the person to sign in and back', async ({ page, context }) => {
  const acct = await signUp(page);
  // Another tab signs out: this tab's next request gets a 401.
  await context.clearCookies();
  await page.getByLabel('Name', { exact: true }).fill('Someone Else');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings$/);
  await signIn(page, acct);
  await expect(page).toHaveURL(/\/settings$/);
});
