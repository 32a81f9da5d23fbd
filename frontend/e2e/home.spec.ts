import { expect, test } from './fixtures';
import { addDays, apiSend, serverToday, signedInUser } from './habits.helpers';

test('home: a new user is taught what to do first; check-ins work in place and move the sprint', async ({ page }) => {
  await signedInUser(page);
  await page.goto('/');
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Add an action item' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Plan a sprint' })).toBeVisible();

  const today = await serverToday(page);
  const dsa = await apiSend(page, 'POST', '/habits', { name: 'DSA', start_date: addDays(today, -2) });
  await apiSend(page, 'POST', '/sprints', { title: 'Torch inside out', start_date: addDays(today, -2), target_rate: 0.5, habit_ids: [dsa.id] });
  const goal = await apiSend(page, 'POST', '/goals', { title: 'Open source' });
  await apiSend(page, 'POST', '/reading-items', { title: 'Attention Is All You Need', status: 'reading', progress_total: 15 });
  await page.reload();

  const sprint = page.locator('[data-section="sprint"]');
  await expect(sprint.getByRole('heading', { name: 'Torch inside out' })).toBeVisible();
  await expect(sprint.getByText('0/7 days, 7 more needed')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open source' })).toHaveAttribute('href', `/goals/${goal.id}`);
  await expect(page.getByRole('link', { name: 'Attention Is All You Need' })).toBeVisible();

  // One tap checks in; the sprint card follows after the quiet reload.
  await page.getByRole('button', { name: 'DSA done today' }).click();
  await expect(page.getByRole('heading', { name: 'Today · 1 of 1 done' })).toBeVisible();
  await expect(sprint.getByText('1/7 days, 6 more needed')).toBeVisible();

  // Today stays one tap away.
  await page.getByRole('link', { name: 'Open Today' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
});

test('weekly review: the week in numbers, notes saved beside it, in the history, as Markdown', async ({ page }) => {
  await signedInUser(page);
  const today = await serverToday(page);
  const dsa = await apiSend(page, 'POST', '/habits', { name: 'DSA', start_date: today });
  await apiSend(page, 'PUT', `/habits/${dsa.id}/check-ins/${today}`, { status: 'done' });
  await page.goto('/home');
  await page.getByRole('link', { name: 'Weekly review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Weekly review' })).toBeVisible();
  await expect(page.getByText('DSA: 1/1 days (week before: 0)')).toBeVisible();
  await expect(page.getByText(/Reviews you save notes on are listed here/)).toBeVisible();

  await page.getByRole('textbox', { name: /Reflection/ }).fill('Kept DSA going.');
  await page.getByRole('button', { name: 'Save notes' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  const history = page.getByRole('region', { name: 'Past reviews' });
  await expect(history.getByText('Kept DSA going.')).toBeVisible();
  await expect(page.locator('.wr-markdown').getByText('Kept DSA going.')).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download .md' }).click();
  expect((await download).suggestedFilename()).toMatch(/^review-\d{4}-W\d{2}\.md$/);

  await page.getByRole('button', { name: '← Week before' }).click();
  await expect(page).toHaveURL(/week=\d{4}-W\d{2}$/);
  await expect(page.getByRole('textbox', { name: /Reflection/ })).toHaveValue('');
});
