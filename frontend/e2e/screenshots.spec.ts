// Screenshots of every page at phone and desktop widths, light and dark, into e2e/screenshots/
// (gitignored) for a person to look at. They also fail on horizontal overflow.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signUp } from './helpers';

const OUT = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
mkdirSync(OUT, { recursive: true });

const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844, mobile: true },
  { name: 'desktop', width: 1280, height: 800, mobile: false },
] as const;

async function shot(page: Page, name: string) {
  // No sideways scrolling at any width.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} overflows horizontally`).toBeLessThanOrEqual(0);
  // Full-page shots from the top, so the sticky header sits where a person sees it.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
}

for (const scheme of ['light', 'dark'] as const) {
  for (const vp of VIEWPORTS) {
    test.describe(`${vp.name} ${scheme}`, () => {
      test.use({
        viewport: { width: vp.width, height: vp.height },
        colorScheme: scheme,
        isMobile: vp.mobile,
        hasTouch: vp.mobile,
      });

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
        await page.screenshot({ path: join(OUT, `settings-revoke-dialog-${tag}.png`) });
        await page.keyboard.press('Escape');

        await page.getByRole('button', { name: /account menu/ }).click();
        await page.screenshot({ path: join(OUT, `user-menu-${tag}.png`) });
      });
    });
  }
}
