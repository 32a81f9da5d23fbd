// Screenshots of the opportunities pages and the calendar settings at phone and desktop widths,
// light and dark, into e2e/screenshots/ (gitignored). They also fail on sideways overflow.
import { expect, test } from './fixtures';
import { newUser } from './goals.helpers';
import { seedSearch } from './opportunities.helpers';
import { deviceOptions, shotBothSchemes, VIEWPORTS } from './screenshot.helpers';

for (const vp of VIEWPORTS) {
  test.describe(`opportunities ${vp.name}`, () => {
    test.use(deviceOptions(vp));

    test('pages', async ({ page }) => {
      test.setTimeout(90_000);
      const tag = vp.name;
      await newUser(page, 'Asha Rao');

      await page.goto('/opportunities');
      await expect(page.getByText('No applications yet.', { exact: false })).toBeVisible();
      await shotBothSchemes(page, 'opportunities-empty', tag);

      const { sarvam } = await seedSearch(page);
      await page.goto('/opportunities');
      await expect(page.locator('.opp-card[aria-label="ML Engineer at Sarvam AI"]')).toBeAttached();
      if (vp.mobile) await page.getByRole('tab', { name: /Interviewing/ }).click();
      await shotBothSchemes(page, 'opportunities-board', tag);
      await page.getByRole('button', { name: 'Quick add' }).click();
      await page.getByLabel('Organization').fill('Sarvam AI');
      await page.getByLabel('Role').fill('ML Engineer');
      await page.getByRole('button', { name: 'Add application' }).click();
      await expect(page.getByText('You already have', { exact: false })).toBeVisible();
      await shotBothSchemes(page, 'opportunities-quick-add-warning', tag);

      await page.goto(`/opportunities/${sarvam}`);
      await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
      await expect(page.getByText('Technical round')).toBeVisible();
      await shotBothSchemes(page, 'opportunities-application', tag);

      await page.goto('/opportunities/organizations');
      await expect(page.getByRole('heading', { name: /Big tech/ })).toBeVisible();
      await shotBothSchemes(page, 'opportunities-organizations', tag);
      await page.getByRole('link', { name: 'Google' }).click();
      await expect(page.getByRole('heading', { name: 'Readiness' })).toBeVisible();
      await shotBothSchemes(page, 'opportunities-organization', tag);
      // The goal it demands lists it, with the application that demands the goal too.
      await page.locator('.opp-readiness').getByRole('link', { name: 'DSA' }).click();
      const opportunities = page.getByRole('region', { name: 'Opportunities' });
      await expect(opportunities.getByRole('link', { name: 'Google', exact: true })).toBeVisible();
      await expect(opportunities.getByRole('link', { name: 'Software Engineer at Google' })).toBeVisible();
      await opportunities.scrollIntoViewIfNeeded();
      await shotBothSchemes(page, 'goal-opportunities', tag, false);

      await page.goto('/opportunities/follow-ups');
      await expect(page.getByRole('heading', { name: 'Due now' })).toBeVisible();
      await expect(page.getByText('Technical round')).toBeVisible();
      await shotBothSchemes(page, 'opportunities-follow-ups', tag);

      await page.goto('/opportunities/funnel');
      await expect(page.getByText('Response rate')).toBeVisible();
      await shotBothSchemes(page, 'opportunities-funnel', tag);

      await page.goto('/settings');
      const section = page.getByRole('region', { name: 'Calendar feed' });
      await section.getByRole('button', { name: 'Create feed link' }).click();
      await expect(section.getByTestId('feed-url')).toBeVisible();
      await section.scrollIntoViewIfNeeded();
      await shotBothSchemes(page, 'settings-calendar', tag, false);
    });
  });
}
