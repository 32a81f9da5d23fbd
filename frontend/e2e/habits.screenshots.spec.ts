// Screenshots of the habits pages at phone and desktop widths, light and dark, into
// e2e/screenshots/ (gitignored) for a person to look at. They also fail on horizontal overflow.
import { expect, test } from './fixtures';
import { apiSend, seedHabits, SEED, serverToday, signedInUser, addDays } from './habits.helpers';
import { deviceOptions, SCHEMES, shot, snap, VIEWPORTS } from './screenshot.helpers';

for (const scheme of SCHEMES) {
  for (const vp of VIEWPORTS) {
    test(`habits pages, ${vp.name} ${scheme}`, async ({ browser }) => {
      const context = await browser.newContext(deviceOptions(vp, scheme));
      const page = await context.newPage();
      const tag = `${vp.name}-${scheme}`;
      await signedInUser(page);

      await page.goto('/today');
      await expect(page.getByRole('heading', { name: 'Start with one action item' })).toBeVisible();
      await shot(page, `today-empty-${tag}`);

      // The seed's three items with 13 days of history, plus a numeric one; a long history for the heatmap.
      const ids = await seedHabits(page, SEED);
      const today = await serverToday(page);
      const pages = await apiSend(page, 'POST', '/habits', {
        name: 'Read papers',
        kind: 'numeric',
        target_value: 20,
        unit: 'pages',
        target_type: 'at_least',
        schedule: { type: 'times_per_week', times: 3 },
        start_date: addDays(today, -120),
      });
      for (let ago = 1; ago <= 120; ago += 1) {
        if (ago % 3 === 0) continue;
        await apiSend(page, 'PUT', `/habits/${pages.id}/check-ins/${addDays(today, -ago)}`, { value: ago % 5 === 0 ? 8 : 25, note: ago === 2 ? 'Attention is all you need, section 3' : '' });
      }
      await apiSend(page, 'PUT', `/habits/${ids[0]}/check-ins/${today}`, { status: 'done' });
      await apiSend(page, 'PUT', `/habits/${ids[2]}/check-ins/${today}`, { status: 'skipped', note: 'Birthday dinner' });

      await page.goto('/today');
      await expect(page.getByText('1 of 4 done')).toBeVisible();
      await shot(page, `today-${tag}`);
      if (vp.mobile) {
        // The narrowest phone we support.
        await page.setViewportSize({ width: 360, height: 740 });
        await shot(page, `today-360-${scheme}`, { fullPage: false });
        await page.setViewportSize({ width: vp.width, height: vp.height });
      }

      await page.getByRole('button', { name: 'More for Gym every day: skip, value, note' }).click();
      await expect(page.getByRole('form', { name: 'Check in Gym every day' })).toBeVisible();
      await shot(page, `today-panel-${tag}`);
      if (!vp.mobile) {
        await page.keyboard.press('Escape');
        await page.keyboard.press('?');
        await expect(page.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeVisible();
        await shot(page, `today-shortcuts-${tag}`, { fullPage: false });
      } else {
        await page.getByRole('button', { name: 'More', exact: true }).click();
        await snap(page, `tabbar-more-${tag}`);
      }

      await page.goto('/habits');
      await expect(page.getByRole('list', { name: 'Active action items' }).getByRole('listitem')).toHaveCount(4);
      await page.getByRole('button', { name: 'Archive No regular smoking up' }).click();
      await expect(page.getByRole('list', { name: 'Archived action items' })).toBeVisible();
      await shot(page, `habits-${tag}`);
      await page.getByRole('button', { name: 'New action item' }).click();
      await page.getByLabel('A number (e.g. minutes, pages)').check();
      await page.getByLabel('On chosen days').check();
      await shot(page, `habits-form-${tag}`);

      await page.goto(`/habits/${pages.id}`);
      await expect(page.getByRole('heading', { level: 1, name: 'Read papers' })).toBeVisible();
      await shot(page, `habit-detail-${tag}`);
      await page.goto(`/habits/${ids[1]}`);
      await expect(page.getByTestId('rate')).toHaveText('53%');
      await shot(page, `habit-detail-seed-${tag}`);
      await context.close();
    });
  }
}
