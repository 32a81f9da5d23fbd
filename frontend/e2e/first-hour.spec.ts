// The first hour of a new user: numbers that never contradict each other, and no dead ends.
import { expect, test } from './fixtures';
import { addDays, apiGet, apiSend, createHabit, createSprint, serverToday, signInViaApi } from './sprints.helpers';

test('day 1 of a sprint with one check-in: on pace, not "target reached", the same on board, History and review', async ({ page }) => {
  await signInViaApi(page);
  const today = await serverToday(page);
  const gym = await createHabit(page, 'Gym', today);
  const sprint = await createSprint(page, { title: 'Fortnight 1', start_date: today, habit_ids: [gym] });
  await apiSend(page, 'PUT', `/habits/${gym}/check-ins/${today}`, { status: 'done' });
  const pace = 'On pace for 75%: 1 of 11 days done, 13 left';

  await page.goto(`/sprints/${sprint.id}`);
  const score = page.getByRole('region', { name: 'Score' });
  await expect(score).toContainText('100%');
  await expect(score).toContainText('score so far');
  await expect(score).toContainText(pace);
  await expect(score).not.toContainText('reached');

  await page.goto('/sprints/history');
  await expect(page.getByRole('list', { name: 'Sprints, newest first' })).toContainText(pace);

  const review = await page.request.get(`/api/v1/sprints/${sprint.id}/review`);
  expect(await review.text()).toContain(`**Where it stands:** ${pace}.`);
});

test('a numeric item partly done today is in progress (12/20), not missed', async ({ page }) => {
  await signInViaApi(page);
  const today = await serverToday(page);
  const read = await apiSend(page, 'POST', '/habits', { name: 'Read', kind: 'numeric', target_value: 20, unit: 'pages', start_date: today });
  await apiSend(page, 'PUT', `/habits/${read.id}/check-ins/${today}`, { value: 12 });

  await page.goto('/today');
  const row = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Read', exact: true }) });
  await expect(row).toContainText('In progress: 12/20 pages');
  await expect(row).not.toContainText('Missed today');
  await expect(row).toContainText('— last 14 days'); // no score yet, not 0 %

  // Finish the day's pages: done.
  await row.getByRole('button', { name: /Read: today's value/ }).click();
  await page.getByLabel('Value (pages)').fill('20');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(row).not.toContainText('In progress');
  await expect(row).toContainText('100% last 14 days');
});

test("checking in before an item's start date offers to move the start date back", async ({ page }) => {
  await signInViaApi(page);
  const today = await serverToday(page);
  const gym = await createHabit(page, 'Gym', today);
  const yesterday = addDays(today, -1);

  await page.goto('/today');
  const row = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Gym' }) });
  await row.getByRole('button', { name: /Gym, \w{3} \d+ \w{3}: before the start date/ }).last().click();
  const offer = row.getByRole('group', { name: 'Check in Gym before its start date' });
  await expect(offer).toContainText('Move its start date back');
  await offer.getByRole('button', { name: /Start on/ }).click();
  await expect(offer).toHaveCount(0);
  const habit = await apiGet(page, `/habits/${gym}`);
  expect(habit.start_date).toBe(yesterday);
  // Yesterday now counts: check it in.
  await row.getByRole('button', { name: /Gym, \w{3} \d+ \w{3}: not checked in/ }).last().click();
  await expect(row.getByRole('button', { name: /Gym, \w{3} \d+ \w{3}: done/ })).toHaveCount(1);
});

test('portfolio notes render as Markdown, sanitised in the real browser', async ({ page }) => {
  await signInViaApi(page);
  await apiSend(page, 'POST', '/portfolio-entries', {
    title: 'Torch internals',
    kind: 'blog_post',
    status: 'idea',
    notes: 'A **deep** dive <script>window.__xss = 2</script> [link](javascript:window.__xss=3)',
  });
  await page.goto('/portfolio');
  const notes = page.locator('.pf-notes');
  await expect(notes.locator('strong')).toHaveText('deep');
  await expect(notes.locator('[onmouseover], script, a[href^="javascript"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});
