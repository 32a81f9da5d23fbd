// Screenshots of the first-hour screens — the welcome page with one action item unticked, a day-1 sprint board, a board offering the next step,
// Today with a partly done numeric item and the backfill offer — at phone and desktop widths,
// light and dark, into e2e/screenshots/ (gitignored). They also fail on sideways overflow.
import { expect, test } from './fixtures';
import { apiSend, createHabit, createSprint, serverToday, signInViaApi } from './sprints.helpers';
import { sprintWithAnItemOutOfReach } from './first-hour.helpers';
import { deviceOptions, shotBothSchemes, VIEWPORTS } from './screenshot.helpers';

for (const vp of VIEWPORTS) {
  test.describe(`first hour ${vp.name}`, () => {
    test.use(deviceOptions(vp));

    test('pages', async ({ page }) => {
      test.setTimeout(60_000);
      await signInViaApi(page);
      await page.goto('/welcome');
      await page.getByRole('checkbox', { name: 'Keep writing' }).uncheck();
      await expect(page.getByText(/The six chosen action items are in it/)).toBeVisible();
      await shotBothSchemes(page, 'first-hour-welcome', vp.name);

      const today = await serverToday(page);
      const gym = await createHabit(page, 'Gym', today);
      const day1 = await createSprint(page, { title: 'Fortnight 1', start_date: today, habit_ids: [gym] });
      await apiSend(page, 'PUT', `/habits/${gym}/check-ins/${today}`, { status: 'done' });
      await page.goto(`/sprints/${day1.id}`);
      await expect(page.getByText('On pace for 75%', { exact: false })).toBeVisible();
      await shotBothSchemes(page, 'first-hour-board-day1', vp.name);

      // Twelve days in, one item far behind: the board offers the next step.
      const late = await sprintWithAnItemOutOfReach(page, today);
      await page.goto(`/sprints/${late.id}`);
      await expect(page.getByRole('region', { name: 'Next step' })).toBeVisible();
      await shotBothSchemes(page, 'first-hour-board-next-step', vp.name);

      const read = await apiSend(page, 'POST', '/habits', { name: 'Read', kind: 'numeric', target_value: 20, unit: 'pages', start_date: today });
      await apiSend(page, 'PUT', `/habits/${read.id}/check-ins/${today}`, { value: 12 });
      await page.goto('/today');
      const row = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Gym' }) });
      await row.getByRole('button', { name: /before the start date/ }).last().click();
      await expect(page.getByText('In progress: 12/20 pages')).toBeVisible();
      await shotBothSchemes(page, 'first-hour-today', vp.name);
    });
  });
}
