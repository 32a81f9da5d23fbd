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
  // A goal made minutes ago has not been left alone for 14 days (the API tests cover old ones).
  await expect(page.locator('[data-section="idle-goals"]')).toBeVisible();
  await expect(page.locator('[data-section="idle-goals"]').getByRole('link', { name: goal.title })).toHaveCount(0);
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

test('every number on Home agrees with Today, the sprint board and the weekly review', async ({ page }) => {
  await signedInUser(page);
  const today = await serverToday(page);
  const day = (n: number) => addDays(today, n);
  // A scripted fortnight: DSA done on 6 of the 7 days so far, Walk done twice and skipped once,
  // Read (outside the sprint) done today; a paper half read, an interview in two days, a
  // follow-up due yesterday, a post published today, one goal with work and one without.
  const fundamentals = await apiSend(page, 'POST', '/goals', { title: 'Fundamentals' });
  await apiSend(page, 'POST', '/goals', { title: 'Open source' });
  const dsa = await apiSend(page, 'POST', '/habits', { name: 'DSA', start_date: day(-6), goal_id: fundamentals.id });
  const walk = await apiSend(page, 'POST', '/habits', { name: 'Walk', start_date: day(-6) });
  const read = await apiSend(page, 'POST', '/habits', { name: 'Read', start_date: day(-6) });
  for (const n of [-6, -5, -4, -2, -1, 0]) await apiSend(page, 'PUT', `/habits/${dsa.id}/check-ins/${day(n)}`, { status: 'done' });
  for (const n of [-4, -2]) await apiSend(page, 'PUT', `/habits/${walk.id}/check-ins/${day(n)}`, { status: 'done' });
  await apiSend(page, 'PUT', `/habits/${walk.id}/check-ins/${day(-5)}`, { status: 'skipped' });
  await apiSend(page, 'PUT', `/habits/${read.id}/check-ins/${today}`, { status: 'done' });
  const sprint = await apiSend(page, 'POST', '/sprints', { title: 'Torch inside out', start_date: day(-6), target_rate: 0.75, habit_ids: [dsa.id, walk.id] });
  const paper = await apiSend(page, 'POST', '/reading-items', { title: 'Deep Residual Learning', status: 'reading', progress_total: 12, progress_unit: 'pages' });
  await apiSend(page, 'PATCH', `/reading-items/${paper.id}`, { progress_current: 4 });
  const org = await apiSend(page, 'POST', '/organizations', { name: 'Sarvam AI' });
  const app = await apiSend(page, 'POST', '/applications', { organization_id: org.id, role: 'ML Engineer', stage: 'applied', follow_up_on: day(-1) });
  await apiSend(page, 'POST', `/applications/${app.id}/events`, { starts_at: `${day(2)}T15:00:00`, title: 'Technical interview' });
  await apiSend(page, 'POST', '/portfolio-entries', { title: 'ResNets, explained', status: 'published', published_on: today, kind: 'blog_post' });

  // Home, read off the page.
  await page.goto('/home');
  const sprintCard = page.locator('[data-section="sprint"]');
  await expect(sprintCard.getByRole('heading', { name: 'Torch inside out' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Today · 2 of 3 done' })).toBeVisible();
  const rates = async () => Object.fromEntries(await page.locator('.today-row').evaluateAll((rows) => rows.map((r) => [r.querySelector('.today-name')!.textContent, r.querySelector('.today-rate')!.textContent])));
  const homeRates = await rates();
  const homeScore = (await sprintCard.locator('.home-sprint-score strong').textContent())!;
  const homeLine = (await sprintCard.locator('p.muted').first().textContent())!;
  const homeItems = Object.fromEntries(
    await sprintCard.locator('.home-list li').evaluateAll((lis) => lis.map((li) => [li.children[0]!.textContent, li.children[1]!.textContent])),
  );
  // The scripted numbers: DSA 6 of 7 days (a 14-day sprint at 75% needs 11), Walk 2 of 5 that
  // counted (skipped once: 13 countable days, 10 needed).
  expect(homeItems).toEqual({ DSA: '6/11 days, 5 more needed', Walk: expect.stringMatching(/^2\/10 days, 8 more needed/) });
  expect(homeScore).toBe('62%'); // (6/7 + 2/5) / 2 = 0.628, floored
  const [, daysLeft] = /^13 check-in days still needed · (\d+ days) left · target still reachable$/.exec(homeLine.trim()) ?? [];
  expect(daysLeft, homeLine).toBeDefined();
  await expect(page.locator('[data-section="reading"]')).toContainText('4 of 12 pages');
  await expect(page.locator('[data-section="events"]')).toContainText('Technical interview · ML Engineer at Sarvam AI');
  // Its time reads as it does on the board and in follow-ups ("Wed 2 Dec, 15:00"), in the user's timezone.
  await expect(page.locator('[data-section="events"]')).toContainText(/[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2,3}, 15:00/);
  await expect(page.locator('[data-section="follow-ups"]')).toContainText('1 day overdue');
  // Both goals were made today, so neither has been left alone for Home's 14 days.
  await expect(page.locator('[data-section="idle-goals"] .home-list')).toHaveCount(0);
  await expect(page.locator('[data-section="idle-goals"]')).toContainText('None of your 2 active goals has gone 14 days without work');
  await expect(page.locator('[data-section="published"]').getByRole('listitem')).toHaveText([/ResNets, explained/]);

  // Today: the same count and the same 14-day rates.
  await page.getByRole('link', { name: 'Open Today' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(page.locator('.today-count')).toHaveText(' · 2 of 3 done');
  await expect.poll(rates).toEqual(homeRates);

  // The sprint board: the same score, days left, and per item done / required / still needed.
  await page.goto(`/sprints/${sprint.id}`);
  await expect(page.locator('.sp-score-value')).toHaveText(homeScore);
  await expect(page.locator('.sp-days-left')).toHaveText(`${daysLeft} left`);
  for (const [name, line] of Object.entries(homeItems)) {
    const [, done, required, needed] = /^(\d+)\/(\d+) days, (\d+) more needed/.exec(line as string)!;
    const item = page.locator('.sp-item', { has: page.getByRole('heading', { name: name, exact: true }) });
    await expect(item.locator('.sp-item-count strong')).toHaveText(new RegExp(`^${done}/`));
    await expect(item.locator('.sp-item-meta')).toHaveText(new RegExp(`^${required} of \\d+ needed`));
    await expect(item.locator('.sp-verdict-detail')).toHaveText(new RegExp(`^${needed} more of `));
  }

  // What the sprint produced in its dates: the post published today and the 4 pages read, on the
  // board and in the retrospective's review.
  const produced = page.getByRole('region', { name: 'What it produced' });
  await expect(produced).toContainText('Posts published: 1');
  await page.getByRole('link', { name: 'Retrospective' }).click();
  await expect(page.getByRole('heading', { name: 'What this sprint produced' })).toBeVisible();
  await expect(page.locator('main')).toContainText('Posts published: 1');

  // The weekly review (this week): the sprint's running score, days left and needs, and the post.
  await page.goto('/reviews/weekly');
  const review = page.locator('.wr-markdown');
  await expect(review).toContainText(`Running score ${homeScore} against a target of 75%; ${daysLeft} left.`);
  await expect(review).toContainText('DSA: 6/11 days; 5 more needed');
  await expect(review).toContainText(`Walk: ${homeItems.Walk!.replace(/^(\d+\/\d+) days, (\d+) more needed.*$/, '$1 days; $2 more needed')}`);
  await expect(review.getByRole('row', { name: /Posts published/ })).toHaveText(/^\s*Posts published\s*1\s*0\s*$/);
  // The review's window is this week: a goal made today counts there only when today is Monday
  // (it existed on the week's first day), while Home's 14 days began long before it.
  const monday = new Date(`${today}T00:00:00Z`).getUTCDay() === 1;
  await expect(review).toContainText(monday ? 'Left alone: Open source' : 'Left alone: none');
});
