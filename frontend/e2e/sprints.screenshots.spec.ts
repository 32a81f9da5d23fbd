// Screenshots of the sprint pages at phone and desktop widths, light and dark, into
// e2e/screenshots/ (gitignored) for a person to look at. They also fail on horizontal overflow.
import { expect, test } from './fixtures';
import { deviceOptions, SCHEMES, shot, VIEWPORTS } from './screenshot.helpers';
import { apiSend, seedSprint, signInViaApi } from './sprints.helpers';

for (const scheme of SCHEMES) {
  for (const vp of VIEWPORTS) {
    test.describe(`sprints ${vp.name} ${scheme}`, () => {
      test.use(deviceOptions(vp, scheme));

      test('sprint pages', async ({ page }) => {
        const tag = `${vp.name}-${scheme}`;
        await signInViaApi(page);

        await page.goto('/sprints');
        await expect(page.getByRole('heading', { level: 1, name: 'No sprint running' })).toBeVisible();
        await shot(page, `sprints-empty-${tag}`);

        const { sprint } = await seedSprint(page, { previous: true });
        await page.goto('/sprints');
        await expect(page.getByRole('region', { name: 'Score' })).toContainText('61%');
        await shot(page, `sprints-board-${tag}`);

        await page.goto(`/sprints/${sprint.id}/retro`);
        await expect(page.getByRole('region', { name: 'Sprint review' })).toContainText('9/13');
        await page.getByLabel('Your retrospective (Markdown)').fill(
          '#### Start\n\n- gym **before** work\n\n#### Stop\n\n- late-night junk food\n\n#### Continue\n\n- the evening walk',
        );
        await shot(page, `sprints-retro-${tag}`);

        await page.goto('/sprints/history');
        await expect(page.getByRole('list', { name: 'Sprints, newest first' }).getByRole('listitem')).toHaveCount(2);
        await shot(page, `sprints-history-${tag}`);

        const next = await apiSend<{ id: number }>(page, 'POST', `/sprints/${sprint.id}/next`, { target_rate: 0.8 });
        await page.goto(`/sprints/${next.id}`);
        await expect(page.getByRole('region', { name: 'Score' })).toContainText('target 80%');
        await shot(page, `sprints-board-planned-${tag}`);

        await page.goto('/sprints/new');
        await page.getByLabel('Target').fill('120');
        await page.getByRole('button', { name: 'Plan sprint' }).click();
        await expect(page.getByText('The target must be between 0 and 100 %.')).toBeVisible();
        await shot(page, `sprints-plan-errors-${tag}`);
      });
    });
  }
}
