// Screenshots of the home page at phone and desktop widths, light and dark, into e2e/screenshots/.
// They also fail on horizontal overflow.
import { expect, test } from './fixtures';
import { addDays, apiSend, serverToday, signedInUser } from './habits.helpers';
import { deviceOptions, SCHEMES, shot, VIEWPORTS } from './screenshot.helpers';

for (const scheme of SCHEMES) {
  for (const vp of VIEWPORTS) {
    test(`home page, ${vp.name} ${scheme}`, async ({ browser }) => {
      const context = await browser.newContext(deviceOptions(vp, scheme));
      const page = await context.newPage();
      const tag = `${vp.name}-${scheme}`;
      await signedInUser(page);
      await page.goto('/home');
      await expect(page.getByRole('link', { name: 'Add an action item' })).toBeVisible();
      await shot(page, `home-empty-${tag}`);

      const today = await serverToday(page);
      const start = addDays(today, -5);
      const dsa = await apiSend(page, 'POST', '/habits', { name: 'DSA', start_date: start });
      const walk = await apiSend(page, 'POST', '/habits', { name: 'Walk', start_date: start });
      for (const ago of [1, 2, 4]) await apiSend(page, 'PUT', `/habits/${dsa.id}/check-ins/${addDays(today, -ago)}`, { status: 'done' });
      await apiSend(page, 'POST', '/sprints', { title: 'Torch inside out', start_date: start, target_rate: 0.8, habit_ids: [dsa.id, walk.id] });
      await apiSend(page, 'POST', '/goals', { title: 'Contribute to open source' });
      await apiSend(page, 'POST', '/reading-items', { title: 'Attention Is All You Need', status: 'reading', progress_total: 15 });
      await apiSend(page, 'POST', '/reading-items', { title: 'Deep Learning (Goodfellow et al.)', kind: 'book' });
      const org = await apiSend(page, 'POST', '/organizations', { name: 'Sarvam AI' });
      const app = await apiSend(page, 'POST', '/applications', { organization_id: org.id, role: 'ML Engineer', stage: 'applied', follow_up_on: addDays(today, -1) });
      await apiSend(page, 'POST', `/applications/${app.id}/events`, { starts_at: `${addDays(today, 2)}T15:00:00`, title: 'Technical interview' });
      await apiSend(page, 'POST', '/portfolio-entries', { title: 'Attention, explained', status: 'published', published_on: today });

      await page.reload();
      await expect(page.getByRole('heading', { name: 'Torch inside out' })).toBeVisible();
      await shot(page, `home-${tag}`);

      await apiSend(page, 'PUT', `/reviews/weekly/${(await (await page.request.get('/api/v1/reviews/weekly')).json()).week}`, {
        reflection: 'Good week for DSA; the walk slipped.\n\n- Walk after lunch, not in the evening.',
      });
      await page.goto('/reviews/weekly');
      await expect(page.getByRole('heading', { name: 'Your week in numbers' })).toBeVisible();
      await shot(page, `weekly-review-${tag}`);
      await context.close();
    });
  }
}
