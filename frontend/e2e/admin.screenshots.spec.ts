// Screenshots of the admin page and the invited sign-up page at phone and desktop widths, light
// and dark, into e2e/screenshots/ (gitignored). They also fail on sideways overflow.
import { expect, test } from './fixtures';
import { createAdmin, signInAs } from './admin.helpers';
import { apiSend } from './api.helpers';
import { registerViaApi } from './helpers';
import { deviceOptions, shotBothSchemes, VIEWPORTS } from './screenshot.helpers';

for (const vp of VIEWPORTS) {
  test.describe(`admin ${vp.name}`, () => {
    test.use(deviceOptions(vp));

    test('pages', async ({ page, browser }) => {
      test.setTimeout(60_000);
      const admin = createAdmin();
      const member = await registerViaApi(page, { name: 'Ravi Kumar' });
      await signInAs(page, admin);
      const users = await page.request.get('/api/v1/admin/users?limit=200');
      const memberId = (await users.json()).items.find((u: { email: string }) => u.email === member.email).id;
      await apiSend(page, 'PATCH', `/admin/users/${memberId}`, { disabled: true });
      await apiSend(page, 'POST', '/admin/invitations', { note: 'Meera from the lab' });

      await page.goto('/admin');
      await page.getByLabel(/Who is it for/).fill('Priya');
      await page.getByRole('button', { name: 'Create invitation link' }).click();
      const link = await page.getByRole('textbox', { name: 'Invitation link' }).inputValue();
      await expect(page.getByRole('list', { name: 'Accounts' })).toBeVisible();
      await shotBothSchemes(page, 'admin-page', vp.name);

      const guest = await browser.newContext(deviceOptions(vp));
      const invited = await guest.newPage();
      await invited.goto(link);
      await expect(invited.getByText(/You've been invited/)).toBeVisible();
      await shotBothSchemes(invited, 'admin-invited-sign-up', vp.name);
      await guest.close();
    });
  });
}
