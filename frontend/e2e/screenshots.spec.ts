// Screenshots of every page at phone and desktop widths, light and dark, into e2e/screenshots/
// (gitignored) for a person to look at. They also fail on horizontal overflow.
import { expect, test } from './fixtures';
import { signUp } from './helpers';
import { deviceOptions, SCHEMES, shot, snap, VIEWPORTS } from './screenshot.helpers';

for (const scheme of SCHEMES) {
  for (const vp of VIEWPORTS) {
    test.describe(`${vp.name} ${scheme}`, () => {
      test.use(deviceOptions(vp, scheme));

      test('pages', async ({ page }) => {
        const tag = `${vp.name}-${scheme}`;
        await page.goto('/sign-in');
        await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
        await shot(page, `sign-in-${tag}`);

        await page.getByRole('button', { name: 'Sign in' }).click();
        await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
        await shot(page, `sign-in-errors-${tag}`);

        await page.goto('/sign-up');
        await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible();
        await shot(page, `sign-up-${tag}`);

        await signUp(page, { name: 'Asha Rao' });
        await expect(page.getByText('No tokens yet.')).toBeVisible();
        await shot(page, `settings-${tag}`);

        await page.getByLabel('Token name').fill('laptop script');
        await page.getByRole('button', { name: 'Create token' }).click();
        await expect(page.getByLabel('Your new token')).toBeVisible();
        await shot(page, `settings-token-shown-${tag}`);

        await page.getByRole('button', { name: "Done, I've copied it" }).click();
        await page.getByRole('button', { name: 'Revoke token laptop script' }).click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await snap(page, `settings-revoke-dialog-${tag}`);
        await page.keyboard.press('Escape');

        await page.getByRole('button', { name: /account menu/ }).click();
        await snap(page, `user-menu-${tag}`);
      });
    });
  }
}
