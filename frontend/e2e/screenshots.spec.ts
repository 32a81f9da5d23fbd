// Screenshots of every page at phone and desktop widths, light and dark, into e2e/screenshots/
// (gitignored) for a person to look at. They also fail on horizontal overflow.
import { expect, test } from './fixtures';
import { signUp } from './helpers';
import { deviceOptions, expectNoOverflow, SCHEMES, shot, snap, VIEWPORTS } from './screenshot.helpers';

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

// Eight pages and the account menu don't fit one header line below ~1100 px: the secondary pages
// live under "More", and nothing in the header is cut off or scrolls, from 720 px (where the phone
// tab bar hands over) to the desktop width.
test('the header navigation fits from 720 px to 1280 px', async ({ page }) => {
  await signUp(page, { name: 'Asha Rao Venkataraman' });
  for (const width of [720, 800, 900, 1000, 1280]) {
    await page.setViewportSize({ width, height: 700 });
    await page.goto('/today');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Today' })).toBeVisible();
    const items = [...(await nav.getByRole('link').all()), nav.getByRole('button', { name: 'More' })];
    expect(items.length).toBeGreaterThanOrEqual(6);
    for (const item of items) {
      await expect(item).toBeVisible();
      const box = (await item.boundingBox())!;
      expect(box.x + box.width, `${await item.textContent()} at ${width} px`).toBeLessThanOrEqual(width);
    }
    // Nothing inside the header is clipped: its content is no wider than the header itself.
    const clipped = await page.locator('.app-header-inner').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(clipped, `header at ${width} px`).toBeLessThanOrEqual(0);
    await expect(page.getByRole('button', { name: /account menu/ })).toBeInViewport();
    await expectNoOverflow(page, `header at ${width} px`);
    if (width === 800 || width === 1280) {
      await nav.getByRole('button', { name: 'More' }).click();
      await expect(nav.getByRole('link', { name: 'Action items' })).toBeVisible();
      await snap(page, `header-more-${width}`);
      await page.keyboard.press('Escape');
      await expect(nav.getByRole('link', { name: 'Action items' })).toBeHidden();
      await snap(page, `header-${width}`);
    }
  }
});
