// Screenshots of what issue #16 added, at phone and desktop widths, light and dark, into
// e2e/screenshots/ (gitignored): Today offline with changes waiting, then synced; the action items
// list with its drag grips; Settings → Reminders. They also fail on sideways scrolling.
import { expect, test } from './fixtures';
import { seedHabits, SEED, signedInUser } from './habits.helpers';
import { deviceOptions, SCHEMES, shot, VIEWPORTS } from './screenshot.helpers';

// Offline, the app's requests fail by design (it then shows the cached day): Chromium logs those.
test.use({ allowedConsoleErrors: [/net::ERR_INTERNET_DISCONNECTED/] });

for (const scheme of SCHEMES) {
  for (const vp of VIEWPORTS) {
    test(`offline, reorder and reminders, ${vp.name} ${scheme}`, async ({ browser }) => {
      const context = await browser.newContext({ ...deviceOptions(vp, scheme), serviceWorkers: 'block' });
      const page = await context.newPage();
      const tag = `${vp.name}-${scheme}`;
      await signedInUser(page);
      await seedHabits(page, SEED);

      await page.goto('/today');
      await expect(page.getByRole('button', { name: 'Gym every day done today' })).toBeVisible();
      await context.setOffline(true);
      await page.getByRole('button', { name: 'Gym every day done today' }).click();
      await page.getByRole('button', { name: 'No junk food done today' }).click();
      await expect(page.getByText('Offline — 2 changes waiting')).toBeVisible();
      await shot(page, `pwa-today-offline-${tag}`);
      await context.setOffline(false);
      await expect(page.getByText('Synced')).toBeVisible();
      await shot(page, `pwa-today-synced-${tag}`);

      await page.goto('/habits');
      await expect(page.getByRole('list', { name: 'Active action items' }).getByRole('listitem')).toHaveCount(3);
      await shot(page, `pwa-habits-grips-${tag}`);

      await page.goto('/settings');
      await page.getByRole('heading', { name: 'Reminders on this device' }).scrollIntoViewIfNeeded();
      await shot(page, `pwa-settings-reminders-${tag}`, { fullPage: false, scrollToTop: false });
      await context.close();
    });
  }
}
