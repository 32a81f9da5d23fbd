import { expect, test } from './fixtures';
import { readFile } from 'node:fs/promises';
import { addDays, apiGet, checkIn, createHabit, daysFrom, seedSprint, serverToday, signInViaApi } from './sprints.helpers';

test('plan a sprint, watch the board move with check-ins, write the retro, export it, plan the next', async ({ page, context }) => {
  await page.clock.install(); // time runs as usual; the focus check below moves it on instead of waiting
  await signInViaApi(page);
  const today = await serverToday(page);
  const start = addDays(today, -3);
  const names = ['Read a paper', 'DSA problem', 'Write 300 words'] as const;
  const [read, dsa, write] = [
    await createHabit(page, names[0], start),
    await createHabit(page, names[1], start),
    await createHabit(page, names[2], start),
  ];
  await checkIn(page, read, daysFrom(start, 3));
  await checkIn(page, dsa, [start]);

  // No sprint yet: the page offers to plan one.
  await page.goto('/sprints');
  await expect(page.getByRole('heading', { level: 1, name: 'No sprint running' })).toBeVisible();
  await page.getByRole('link', { name: 'Plan a sprint' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Plan a sprint' })).toBeVisible();

  // The end follows the start (+13 days); bad dates and targets are caught before sending.
  await page.getByLabel('Start date').fill(start);
  await expect(page.getByLabel('End date')).toHaveValue(addDays(start, 13));
  await page.getByLabel('End date').fill(addDays(start, -1));
  await page.getByLabel('Target').fill('150');
  let posted = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/v1/sprints')) posted += 1;
  });
  await page.getByRole('button', { name: 'Plan sprint' }).click();
  await expect(page.getByText('Give the sprint a title')).toBeVisible();
  await expect(page.getByLabel('End date')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('The end date can’t be before the start date.')).toBeVisible();
  await expect(page.getByText('The target must be between 0 and 100 %.')).toBeVisible();
  expect(posted).toBe(0);

  await page.getByLabel('Title').fill('Fortnight 1: fundamentals');
  await page.getByLabel('End date').fill(addDays(start, 13));
  await page.getByLabel('Target').fill('80');
  await expect(page.getByText('A daily item then needs 12 of its 14 days.')).toBeVisible();
  for (const name of names) await page.getByLabel(name).check();
  await page.getByLabel('Plan (Markdown)').fill('Mornings: **one paper**, one problem.');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('region', { name: 'Plan preview' }).locator('strong')).toHaveText('one paper');
  await page.getByRole('button', { name: 'Plan sprint' }).click();

  // The board: 3/3, 1/3, 0/3 → (1 + 0.33 + 0) / 3 = 44%; each item's 12 days against 11 left.
  await expect(page).toHaveURL(/\/sprints\/\d+$/);
  const sprintUrl = page.url();
  await expect(page.getByRole('heading', { level: 1, name: 'Fortnight 1: fundamentals' })).toBeVisible();
  const score = page.getByRole('region', { name: 'Score' });
  await expect(score).toContainText('44%');
  await expect(score).toContainText('target 80%');
  await expect(score).toContainText('from 0%');
  await expect(score).toContainText('11 days left');
  const items = page.getByRole('list', { name: 'Action items' }).getByRole('listitem');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText('3/3');
  await expect(items.nth(0)).toContainText('On track');
  await expect(items.nth(0)).toContainText('9 more of 11 days left');
  await expect(items.nth(1)).toContainText('1/3');
  await expect(items.nth(1)).toContainText('Every day counts');
  await expect(items.nth(1)).toContainText('11 more of 11 days left');
  await expect(items.nth(2)).toContainText('0/3');
  await expect(items.nth(2)).toContainText('Out of reach');
  await expect(items.nth(2)).toContainText('12 more of 11 days left');
  await expect(page.getByText('Mornings:')).toBeVisible();

  // A check-in elsewhere (the API here) shows up when the person comes back to the tab.
  await checkIn(page, dsa, [today]);
  await page.clock.fastForward(5_000); // a focus right after a load is ignored
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(items.nth(1)).toContainText('2/4');
  await expect(items.nth(1)).toContainText('10 more of 10 days left');
  await expect(score).toContainText('50%');
  // …and after a reload.
  await checkIn(page, write, [today]);
  await page.reload();
  await expect(items.nth(2)).toContainText('1/4');
  await expect(items.nth(2)).toContainText('11 more of 10 days left');
  await expect(score).toContainText('58%');

  // Retrospective: write, preview, save.
  await page.getByRole('link', { name: 'Retrospective' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Retrospective' })).toBeVisible();
  await page.getByRole('button', { name: 'Add start / stop / continue' }).click();
  const retro = page.getByLabel('Your retrospective (Markdown)');
  await expect(retro).toHaveValue(/#### Start/);
  await retro.fill('#### Start\n\n- papers before email\n\n#### Stop\n\n- doomscrolling\n\n#### Continue\n\n- DSA at lunch');
  await page.getByRole('button', { name: 'Save retrospective' }).click();
  await expect(page.getByText('Retrospective saved.')).toBeVisible();
  const review = page.getByRole('region', { name: 'Sprint review' });
  await expect(review.getByRole('heading', { name: 'Retrospective' })).toBeVisible();
  await expect(review).toContainText('Read a paper: 3/3');
  await expect(review).toContainText('DSA problem: 2/4');

  // Export: copy and download.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(page.getByRole('button', { name: /Copied/ })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('## Fortnight 1: fundamentals');
  expect(copied).toContain('1. Read a paper: 3/3');
  expect(copied).toContain('- doomscrolling');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download .md' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`sprint-${start}.md`);
  const file = await readFile((await download.path())!, 'utf8');
  expect(file).toBe(copied);
  expect(file).toMatch(/^2\. DSA problem: 2\/4$/m);
  expect(file).toMatch(/^3\. Write 300 words: 1\/4$/m);
  expect(file).toContain("That's a 58% score");

  await page.getByRole('button', { name: 'Markdown' }).click();
  await expect(page.getByLabel('Review as Markdown')).toContainText('1. Read a paper: 3/3');

  // Plan the next sprint from here.
  await page.getByRole('region', { name: 'Plan the next sprint' }).getByLabel('Target').fill('85');
  await page.getByRole('button', { name: 'Plan the next sprint' }).click();
  await expect(page).not.toHaveURL(sprintUrl);
  await expect(page).toHaveURL(/\/sprints\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'After Fortnight 1: fundamentals' })).toBeVisible();
  await expect(page.getByText('Planned', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Score' })).toContainText('target 85%');
  await expect(page.getByRole('list', { name: 'Action items' }).getByRole('listitem')).toHaveCount(3);

  // History lists both, newest first.
  await page.getByRole('link', { name: 'History' }).click();
  const history = page.getByRole('list', { name: 'Sprints, newest first' }).getByRole('listitem');
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText('After Fortnight 1: fundamentals');
  await expect(history.nth(1)).toContainText('58%');
  await expect(history.nth(1)).toContainText('80%');
});

test('the seed post through the browser: 9/13, 7/13, 8/13 is a 61% score, next target ≈11 days', async ({ page }) => {
  await signInViaApi(page);
  const { sprint } = await seedSprint(page);
  const me = await apiGet<{ timezone: string }>(page, '/me');
  expect(me.timezone).toBe('Asia/Kolkata');

  // The smallest phone we support: nothing may scroll sideways.
  await page.setViewportSize({ width: 360, height: 740 });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  await page.goto('/sprints');
  await expect(page.getByRole('heading', { level: 1, name: 'Back from Diwali' })).toBeVisible();
  await expect(page).toHaveTitle('Back from Diwali · Kaizen');
  const score = page.getByRole('region', { name: 'Score' });
  await expect(score).toContainText('61%');
  expect(await overflow()).toBeLessThanOrEqual(0);
  await expect(score).toContainText('target 75%');
  await expect(score).toContainText('from 0%');
  await expect(score).toContainText('1 day left');
  const items = page.getByRole('list', { name: 'Action items' }).getByRole('listitem');
  await expect(items.nth(0)).toContainText('9/13');
  await expect(items.nth(1)).toContainText('7/13');
  await expect(items.nth(2)).toContainText('8/13');
  await expect(items.nth(1)).toContainText('4 more of 1 day left');

  await page.getByRole('link', { name: 'Retrospective' }).click();
  await expect(page).toHaveURL(new RegExp(`/sprints/${sprint.id}/retro$`));
  const review = page.getByRole('region', { name: 'Sprint review' });
  await expect(review).toContainText('No regular smoking up: 9/13');
  await expect(review).toContainText('Gym every day: 7/13');
  await expect(review).toContainText('No junk food: 8/13');
  await expect(review).toContainText("That's a 61% score");
  await expect(review).toContainText('We came here from 0%');
  await expect(review).toContainText('The target for the next fortnight is >75%, so ≈11 days.');
  expect(await overflow()).toBeLessThanOrEqual(0);
});

test('an unknown sprint says so, and the edit form can delete a sprint', async ({ page }) => {
  await signInViaApi(page);
  await page.goto('/sprints/999999');
  await expect(page.getByText("Couldn't load the sprint")).toBeVisible();
  await expect(page.getByText(/not found/i)).toBeVisible();

  const { sprint } = await seedSprint(page);
  await page.goto(`/sprints/${sprint.id}/edit`);
  await expect(page.getByLabel('Title')).toHaveValue('Back from Diwali');
  await expect(page.getByLabel('Target')).toHaveValue('75');
  await page.getByRole('button', { name: 'Delete sprint' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete “Back from Diwali”?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Delete sprint' }).click();
  await expect(page).toHaveURL(/\/sprints\/history$/);
  await expect(page.getByText(/No sprints yet/)).toBeVisible();
});
