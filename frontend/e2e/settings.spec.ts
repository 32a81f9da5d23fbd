import { expect, test } from './fixtures';
import { PASSWORD, signIn, signOut, signUp } from './helpers';

test('create a token: the secret is shown once, works, and can be revoked', async ({ page, context, baseURL }) => {
  await signUp(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);

  await page.getByLabel('Token name').fill('laptop script');
  await page.getByRole('button', { name: 'Create token' }).click();

  const secretBox = page.getByLabel('Your new token');
  await expect(secretBox).toBeVisible();
  const secret = await secretBox.inputValue();
  expect(secret.length).toBeGreaterThan(20);
  await expect(page.getByText(`http ${baseURL}/api/v1/me "Authorization:Bearer ${secret}"`)).toBeVisible();

  await page.getByRole('button', { name: 'Copy token' }).click();
  await expect(page.getByRole('button', { name: 'Copy token' })).toContainText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

  // The token works as a bearer token.
  const me = await page.request.get('/api/v1/me', { headers: { Authorization: `Bearer ${secret}` } });
  expect(me.status()).toBe(200);

  // Listed with its prefix; the secret itself is never shown again.
  const list = page.getByRole('list', { name: 'Your API tokens' });
  const item = list.getByRole('listitem').filter({ hasText: 'laptop script' });
  await expect(item).toBeVisible();
  await page.getByRole('button', { name: "Done, I've copied it" }).click();
  await expect(page.getByLabel('Your new token')).toHaveCount(0);
  await expect(page.getByText(secret)).toHaveCount(0);
  await page.reload();
  await expect(item).toBeVisible();
  await expect(page.getByText(secret)).toHaveCount(0);
  const prefix = (await item.locator('code').textContent())?.replace('…', '') ?? '';
  expect(secret.startsWith(prefix)).toBe(true);

  // Revoke needs a confirmation; cancelling keeps it.
  await item.getByRole('button', { name: 'Revoke token laptop script' }).click();
  const dialog = page.getByRole('dialog', { name: 'Revoke “laptop script”?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(item).toBeVisible();

  await item.getByRole('button', { name: 'Revoke token laptop script' }).click();
  await dialog.getByRole('button', { name: 'Revoke token' }).click();
  await expect(dialog).toBeHidden();
  await expect(item).toHaveCount(0);
  await expect(page.getByText('No tokens yet.')).toBeVisible();
  const after = await page.request.get('/api/v1/me', { headers: { Authorization: `Bearer ${secret}` } });
  expect(after.status()).toBe(401);
});

test('profile and password changes', async ({ page }) => {
  const acct = await signUp(page);

  await page.getByLabel('Name', { exact: true }).fill('Asha R.');
  await page.getByLabel('Timezone').selectOption('Asia/Kolkata');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Profile saved.')).toBeVisible();
  await expect(page.getByRole('button', { name: /account menu/ })).toContainText('Asha R.');
  await page.reload();
  await expect(page.getByLabel('Timezone')).toHaveValue('Asia/Kolkata');

  // Wrong current password: the server's 422 is shown next to that field.
  const current = page.getByLabel('Current password');
  await current.fill('definitely wrong');
  await page.getByLabel('New password', { exact: true }).fill('a brand new passphrase');
  await page.getByLabel('Repeat new password').fill('a brand new passphrase');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(current).toHaveAttribute('aria-invalid', 'true');
  await expect(current).toHaveAccessibleDescription(/.+/);

  await current.fill(PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Password changed.')).toBeVisible();

  await signOut(page);
  await signIn(page, acct);
  await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');
  await signIn(page, { ...acct, password: 'a brand new passphrase' });
  await expect(page).toHaveURL(/\/home$/);
});

test('everything works from the keyboard', async ({ page }) => {
  await signUp(page);
  await page.goto('/settings');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Kaizen' })).toBeFocused();
  // Every page in the header navigation, in order, then "More" with the secondary pages.
  const nav = page.getByRole('navigation', { name: 'Main' });
  // allTextContents() does not wait: wait for the navigation to be drawn first.
  await expect(nav.getByRole('link', { name: 'Today', exact: true })).toBeVisible();
  const navLinks = await nav.getByRole('link').allTextContents();
  expect(navLinks).toContain('Today');
  for (const name of navLinks) {
    await page.keyboard.press('Tab');
    await expect(nav.getByRole('link', { name, exact: true })).toBeFocused();
  }
  await page.keyboard.press('Tab');
  const more = nav.getByRole('button', { name: 'More' });
  await expect(more).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  const moreLinks = await nav.getByRole('link').allTextContents();
  expect(moreLinks.slice(navLinks.length)).toContain('Settings');
  for (const name of moreLinks.slice(navLinks.length)) {
    await page.keyboard.press('Tab');
    await expect(nav.getByRole('link', { name, exact: true })).toBeFocused();
  }
  await page.keyboard.press('Escape');
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await expect(more).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /Switch to/ })).toBeFocused();
  await page.keyboard.press('Tab');
  const menu = page.getByRole('button', { name: /account menu/ });
  await expect(menu).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();
});

test('theme toggle persists across reloads', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/sign-in');
  const toggle = page.getByRole('button', { name: 'Switch to dark theme' });
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(17, 18, 20)');
});
