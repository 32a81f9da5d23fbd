// Screenshots of what issue #16 added, at phone and desktop widths, light and dark, into
// e2e/screenshots/ (gitignored): Today offline with changes waiting, then synced; the action items
// list with its drag grips; Settings → Reminders; Home offline; and Today, Home and the sprint
// board at 200 % zoom. They also fail on sideways scrolling.
import { expect, test } from './fixtures';
import { seedHabits, SEED, signedInUser } from './habits.helpers';
import { deviceOptions, SCHEMES, shot, VIEWPORTS } from './screenshot.helpers';
import { seedSprint } from './sprints.helpers';

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

      // Home, offline, from what it kept: its check-ins queue the same way.
      await page.goto('/home');
      await expect(page.getByRole('button', { name: 'No regular smoking up done today' })).toBeVisible();
      await context.setOffline(true);
      await page.getByRole('button', { name: 'No regular smoking up done today' }).click();
      await expect(page.getByText('Offline — 1 change waiting')).toBeVisible();
      await shot(page, `pwa-home-offline-${tag}`);
      await context.setOffline(false);
      await expect(page.getByText('Synced')).toBeVisible();

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

// Browser zoom at 200 % on a 1280×800 window: a 640×400 CSS viewport at twice the pixel density.
// Text must stay readable: nothing clipped, no sideways scrolling.
for (const scheme of SCHEMES) {
  test(`200 % zoom: Today, Home and the sprint board, ${scheme}`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2, colorScheme: scheme, serviceWorkers: 'block' });
    const page = await context.newPage();
    await signedInUser(page);
    const { sprint } = await seedSprint(page);
    await page.goto('/today');
    await expect(page.getByRole('button', { name: 'Gym every day done today' })).toBeVisible();
    await shot(page, `zoom200-today-${scheme}`);
    await page.goto('/home');
    await expect(page.getByRole('heading', { name: 'Back from Diwali' })).toBeVisible();
    await shot(page, `zoom200-home-${scheme}`);
    await page.goto(`/sprints/${sprint.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Back from Diwali' })).toBeVisible();
    await shot(page, `zoom200-board-${scheme}`);
    await context.close();
  });
}
