import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createAdmin, signInAs } from './admin.helpers';
import { apiSend } from './api.helpers';
import { PASSWORD, registerViaApi, uniqueEmail } from './helpers';

// Sign-up is a server-wide setting: whatever a test does, it is open again afterwards so the
// other specs sharing this database can still sign up.
async function reopenSignup(page: Page) {
  await apiSend(page, 'PATCH', '/admin/settings', { signup_open: true });
}

test('an admin closes sign-up and invites a colleague, who joins with the link signed out', async ({ page, browser }) => {
  test.setTimeout(60_000);
  const admin = createAdmin();
  await signInAs(page, admin);
  try {
    await page.goto('/admin');
    await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeVisible();
    const signup = page.getByRole('switch', { name: /Anyone with the address/ });
    await expect(signup).toBeChecked();
    await signup.uncheck({ force: true });
    await expect(page.getByText(/Sign-up is closed/)).toBeVisible();

    await page.getByLabel(/Who is it for/).fill('Ravi');
    await page.getByRole('button', { name: 'Create invitation link' }).click();
    const link = await page.getByRole('textbox', { name: 'Invitation link' }).inputValue();
    expect(link).toMatch(/\/sign-up\?invitation=kzi_/);

    // A stranger without the link is refused...
    const guest = await browser.newContext();
    const stranger = await guest.newPage();
    await stranger.goto('/sign-up');
    await stranger.getByLabel('Email').fill(uniqueEmail('stranger'));
    await stranger.getByLabel('Password').fill(PASSWORD);
    await stranger.getByRole('button', { name: 'Create account' }).click();
    await expect(stranger.getByText(/Sign-up is closed/)).toBeVisible();

    // ...while the invited person joins and lands on Today, signed in.
    await stranger.goto(link);
    await expect(stranger.getByText(/You've been invited/)).toBeVisible();
    const ravi = uniqueEmail('ravi');
    await stranger.getByLabel('Name (optional)').fill('Ravi');
    await stranger.getByLabel('Email').fill(ravi);
    await stranger.getByLabel('Password').fill(PASSWORD);
    await stranger.getByRole('button', { name: 'Create account' }).click();
    // Two password hashes (register, then sign in): give a busy machine more than 5 s, as signUp does.
    await expect(stranger.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible({ timeout: 15_000 });
    // Not an admin: no Admin entry, and /admin is "not found".
    await expect(stranger.getByRole('link', { name: 'Admin' })).toHaveCount(0);
    await guest.close();

    // The link works once.
    const again = await browser.newContext();
    const second = await again.newPage();
    await second.goto(link);
    await second.getByLabel('Email').fill(uniqueEmail('second'));
    await second.getByLabel('Password').fill(PASSWORD);
    await second.getByRole('button', { name: 'Create account' }).click();
    await expect(second.getByText(/invitation link is invalid, used or expired/)).toBeVisible();
    await again.close();

    await page.reload();
    const invitations = page.getByRole('list', { name: 'Invitations' });
    await expect(invitations.getByText(`by ${ravi}`, { exact: false })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Accounts' }).getByText(ravi)).toBeVisible();
  } finally {
    await reopenSignup(page);
  }
});

test("an admin disables an account: that person's next request fails and they are signed out", async ({ page, browser }) => {
  const admin = createAdmin();
  const userContext = await browser.newContext();
  const userPage = await userContext.newPage();
  const member = await registerViaApi(userPage);
  await signInAs(userPage, member);
  await userPage.goto('/today');
  await expect(userPage.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();

  await signInAs(page, admin);
  await page.goto('/admin');
  await page.getByRole('button', { name: `Disable ${member.email}` }).click();
  const dialog = page.getByRole('dialog', { name: `Disable ${member.email}?` });
  await dialog.getByRole('button', { name: 'Disable account' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('list', { name: 'Accounts' }).getByRole('listitem').filter({ hasText: member.email });
  await expect(row.getByText('Disabled')).toBeVisible();

  // The member's very next request is refused, and the app sends them to sign in.
  expect((await userPage.request.get('/api/v1/me')).status()).toBe(401);
  await userPage.getByRole('link', { name: 'Sprints' }).first().click();
  await expect(userPage).toHaveURL(/\/sign-in/);
  await userPage.getByLabel('Email').fill(member.email);
  await userPage.getByLabel('Password').fill(member.password);
  await userPage.getByRole('button', { name: 'Sign in' }).click();
  await expect(userPage.getByText('Wrong email or password')).toBeVisible({ timeout: 15_000 }); // a password hash on a busy machine
  await userContext.close();

  // An admin page for a non-admin is "not found", with no nav entry.
  await row.getByRole('button', { name: `Enable ${member.email}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Enable account' }).click();
  await expect(row.getByText('Disabled')).toHaveCount(0);
});
