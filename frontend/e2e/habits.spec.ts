import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addDays, apiGet, apiSend, seedHabits, SEED, serverToday, signedInUser } from './habits.helpers';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

function row(page: Page, name: string) {
  return page.getByRole('list', { name: 'Action items for today' }).getByRole('listitem').filter({ has: page.getByRole('link', { name, exact: true }) });
}

test.describe('on a phone', () => {
  test.use(PHONE);

  test('a new user creates three habits, checks in, backfills, skips, and the numbers follow', async ({ page }) => {
    await signedInUser(page);
    const today = await serverToday(page);
    await page.goto('/today');
    await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();

    // Empty state: the first action item is created right there.
    await page.getByRole('button', { name: 'Add' }).click();
    await expect(page.getByText('Give it a name, e.g. "Gym".')).toBeVisible();
    await page.getByLabel('Your first action item').fill('No regular smoking up');
    await page.getByRole('button', { name: 'Add' }).click();
    await expect(row(page, 'No regular smoking up')).toBeVisible();

    // Two more on the Action items page (reached through "More" on a phone), starting a week ago.
    await page.getByRole('button', { name: 'More', exact: true }).click();
    await page.getByRole('link', { name: 'Action items', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Action items' })).toBeVisible();
    for (const [name, color] of [['Gym every day', 'Orange'], ['No junk food', 'Green']] as const) {
      await page.getByRole('button', { name: 'New action item' }).click();
      await page.getByLabel('Name', { exact: true }).fill(name);
      await page.getByLabel('Start date').fill(addDays(today, -6));
      await page.getByLabel(color).check({ force: true });
      await page.getByRole('button', { name: 'Create action item' }).click();
      await expect(page.getByText(`Created ${name}.`)).toBeVisible();
    }
    await expect(page.getByRole('list', { name: 'Active action items' }).getByRole('listitem')).toHaveCount(3);

    await page.getByRole('link', { name: 'Today' }).click();
    await expect(page.getByRole('list', { name: 'Action items for today' }).getByRole('listitem').filter({ has: page.locator('.today-toggle') })).toHaveCount(3);
    await expect(page.getByText('0 of 3 done')).toBeVisible();

    // One tap: done today.
    const gym = row(page, 'Gym every day');
    const gymToday = gym.getByRole('button', { name: 'Gym every day done today' });
    await gymToday.tap();
    await expect(gymToday).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByText('1 of 3 done')).toBeVisible();
    // Streak and 14-day rate follow once the server has the check-in: 1 done of 7 eligible days.
    await expect(gym.locator('.today-streak-value')).toHaveText('1 day');
    await expect(gym.locator('.today-rate')).toHaveText('14%');

    // Backfill yesterday by tapping it in the 7-day strip: 2 of 7 → 28% (floored, not 29%).
    const yesterday = gym.getByRole('button', { name: new RegExp(`^Gym every day, .*${Number(addDays(today, -1).slice(8))} .*: not checked in$`) });
    await yesterday.tap();
    await expect(gym.locator('.today-rate')).toHaveText('28%');
    await expect(gym.locator('.today-streak-value')).toHaveText('2 days');

    // Skip "No junk food" today from its menu.
    const junk = row(page, 'No junk food');
    await junk.getByRole('button', { name: 'More for No junk food: skip, value, note' }).tap();
    await junk.getByRole('radio', { name: 'Skip' }).tap();
    await junk.getByRole('textbox', { name: 'Note (optional)' }).fill('Birthday dinner');
    await junk.getByRole('button', { name: 'Save' }).tap();
    await expect(junk.getByText('Skipped today')).toBeVisible();

    // It all survives a reload (it is on the server, not only on screen).
    await page.reload();
    await expect(row(page, 'Gym every day').getByRole('button', { name: 'Gym every day done today' })).toHaveAttribute('aria-pressed', 'true');
    await expect(row(page, 'No junk food').getByText('Skipped today')).toBeVisible();

    // The detail page shows the same numbers…
    await row(page, 'Gym every day').getByRole('link', { name: 'Gym every day' }).tap();
    await expect(page.getByRole('heading', { level: 1, name: 'Gym every day' })).toBeVisible();
    await expect(page.getByTestId('rate')).toHaveText('28%');
    await expect(page.getByText('done 2 of 7 eligible days', { exact: true })).toBeVisible();
    await expect(page.getByTestId('current-streak')).toHaveText('2 days');
    await expect(page.getByText('Strength (Loop-style score)').first()).toBeVisible();
    await expect(page.locator(`[data-date="${today}"]`)).toHaveAttribute('data-state', 'done');

    // …and they change after another backfill.
    await page.goBack();
    const twoDaysAgo = row(page, 'Gym every day').getByRole('button', { name: new RegExp(`^Gym every day, .*${Number(addDays(today, -2).slice(8))} .*: not checked in$`) });
    await twoDaysAgo.tap();
    await expect(row(page, 'Gym every day').locator('.today-streak-value')).toHaveText('3 days');
    await row(page, 'Gym every day').getByRole('link', { name: 'Gym every day' }).tap();
    await expect(page.getByTestId('rate')).toHaveText('42%');
    await expect(page.getByTestId('current-streak')).toHaveText('3 days');
    await expect(page.getByTestId('best-streak')).toHaveText('3 days');

    // The skipped day's note shows on No junk food's page, and the day is not eligible.
    await page.goto('/today');
    await row(page, 'No junk food').getByRole('link', { name: 'No junk food' }).tap();
    await expect(page.getByText('Birthday dinner')).toBeVisible();
    await expect(page.getByText('done 0 of 6 eligible days, 1 skipped', { exact: true })).toBeVisible();
    await expect(page.getByTestId('rate')).toHaveText('0%');
  });
});

test('the seed numbers: 9/13, 7/13 and 8/13 read as 69%, 53% and 61%', async ({ page }) => {
  await signedInUser(page);
  const ids = await seedHabits(page, SEED);
  await page.goto(`/habits/${ids[2]}`);
  await expect(page.getByTestId('rate')).toHaveText('61%');
  await expect(page.getByText('done 8 of 13 eligible days', { exact: true })).toBeVisible();
  await page.goto(`/habits/${ids[0]}`);
  await expect(page.getByTestId('rate')).toHaveText('69%');
  await page.goto(`/habits/${ids[1]}`);
  await expect(page.getByTestId('rate')).toHaveText('53%');
  // Strength is its own number, shown on its own scale and never as the rate.
  const stats = await apiGet(page, `/habits/${ids[1]}/stats`);
  await expect(page.getByTestId('strength')).toHaveText(`${Math.floor(stats.strength * 100 + 1e-9)} / 100`);
  await expect(page.getByRole('img', { name: /^Last 365 days/ })).toHaveAttribute('aria-label', /Done: 7/);
});

/** True on Saturdays and Sundays ('YYYY-MM-DD', a calendar date). */
function weekend(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number);
  return [0, 6].includes(new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay());
}

test('a weekdays habit: weekend days in the strip are not due, can still be filled in, and do not count', async ({ page }) => {
  await signedInUser(page);
  const today = await serverToday(page);
  const week = Array.from({ length: 7 }, (_, i) => addDays(today, i - 6));
  const off = week.filter(weekend);
  const workday = week.slice(0, 6).filter((d) => !weekend(d))[0]!;
  const standup = await apiSend(page, 'POST', '/habits', {
    name: 'Standup notes',
    schedule: { type: 'weekdays', days: [1, 2, 3, 4, 5] },
    start_date: addDays(today, -13),
  });
  await apiSend(page, 'PUT', `/habits/${standup.id}/check-ins/${workday}`, { status: 'done', note: 'Demo prep' });
  // A habit that began two days ago: the four days before cannot be filled in.
  await apiSend(page, 'POST', '/habits', { name: 'Stretch', start_date: addDays(today, -2) });
  const extraReads: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'GET' && r.url().includes('/check-ins')) extraReads.push(r.url());
  });

  await page.goto('/today');
  const strip = row(page, 'Standup notes').getByRole('list', { name: 'Standup notes, last 7 days' });
  await expect(strip.getByRole('button')).toHaveCount(7);
  const notDue = strip.getByRole('button', { name: /: not scheduled$/ });
  await expect(notDue).toHaveCount(off.length);
  expect(off).toHaveLength(2); // any 7 days in a row hold one weekend
  for (let i = 0; i < off.length; i += 1) {
    await expect(notDue.nth(i)).toHaveAttribute('data-due', 'false');
    await expect(notDue.nth(i)).toBeEnabled();
  }
  await expect(strip.getByRole('button', { name: /: (not checked in|done)$/ })).toHaveCount(5);
  if (weekend(today)) await expect(row(page, 'Standup notes').getByText('Not scheduled today')).toBeVisible();
  const stretch = row(page, 'Stretch').getByRole('button', { name: /^Stretch, .*: before the start date$/ });
  await expect(stretch).toHaveCount(4);
  // A day before the start checks nothing in: it offers to move the start date back.
  await stretch.nth(3).click();
  const offer = row(page, 'Stretch').getByRole('group', { name: 'Check in Stretch before its start date' });
  await expect(offer).toContainText('Move its start date back');
  await offer.getByRole('button', { name: 'Cancel' }).click();
  await expect(offer).toHaveCount(0);

  // Filling in a weekend day is kept, shown as done but not due, and leaves the rate alone.
  const rate = await row(page, 'Standup notes').locator('.today-rate').textContent();
  const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes(`/check-ins/${off[0]}`));
  await notDue.first().click();
  expect((await saved).status()).toBe(200);
  const filled = strip.getByRole('button', { name: /: done, not scheduled$/ });
  await expect(filled).toHaveCount(1);
  await expect(filled).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await expect(strip.getByRole('button', { name: /: done, not scheduled$/ })).toHaveCount(1);
  await expect(row(page, 'Standup notes').locator('.today-rate')).toHaveText(rate!);

  // The ⋯ menu has each day's note from /today (no extra request) and marks the weekend days.
  await row(page, 'Standup notes').getByRole('button', { name: 'More for Standup notes: skip, value, note' }).click();
  const form = page.getByRole('form', { name: 'Check in Standup notes' });
  await expect(form.getByLabel('Day').locator('option', { hasText: '(not due)' })).toHaveCount(2);
  await form.getByLabel('Day').selectOption(workday);
  await expect(form.getByRole('textbox', { name: 'Note (optional)' })).toHaveValue('Demo prep');
  await expect(form.getByRole('radio', { name: 'Done' })).toHaveAttribute('aria-checked', 'true');
  expect(extraReads).toEqual([]);
});

test('keyboard: move with j/k, toggle with x, skip with s; a refused change rolls back with a message', async ({ page, consoleGuard }) => {
  consoleGuard.allow(/status of 503/); // the refusal below is faked as a 503
  await signedInUser(page);
  await seedHabits(page, SEED.map((h) => ({ ...h, done: [] })));
  await page.goto('/today');
  await expect(page.getByText('0 of 3 done')).toBeVisible();

  await page.keyboard.press('j');
  await expect(page.getByRole('button', { name: 'No regular smoking up done today' })).toBeFocused();
  await page.keyboard.press('j');
  await expect(page.getByRole('button', { name: 'Gym every day done today' })).toBeFocused();
  await page.keyboard.press('x');
  await expect(page.getByRole('button', { name: 'Gym every day done today' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('k');
  await expect(page.getByRole('button', { name: 'No regular smoking up done today' })).toBeFocused();
  await page.keyboard.press('s');
  await expect(row(page, 'No regular smoking up').getByText('Skipped today')).toBeVisible();
  await page.keyboard.press('?');
  await expect(page.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeVisible();

  // The server refuses the next change: the screen goes back and says why.
  await page.route('**/api/v1/habits/*/check-ins/*', (route) =>
    route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ detail: 'Database is busy' }) }),
  );
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(page.getByRole('button', { name: 'No junk food done today' })).toBeFocused();
  await page.keyboard.press('x');
  await expect(page.getByRole('alert')).toContainText("Couldn't save No junk food");
  await expect(page.getByRole('alert')).toContainText('Database is busy');
  await expect(page.getByRole('button', { name: 'No junk food done today' })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByText('1 of 3 done')).toBeVisible();
});

test('habits: edit, reorder by keyboard, archive, restore, delete with confirmation', async ({ page }) => {
  await signedInUser(page);
  const ids = await seedHabits(page, SEED.map((h) => ({ ...h, done: [] })));
  await page.goto('/habits');
  const list = page.getByRole('list', { name: 'Active action items' });
  await expect(list.getByRole('listitem')).toHaveCount(3);

  // Edit: a numeric target, on chosen weekdays; the client checks first.
  await page.getByRole('button', { name: 'Edit Gym every day' }).click();
  await page.getByLabel('Name', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Give it a name, e.g. "Gym".')).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill('Gym');
  await page.getByLabel('A number (e.g. minutes, pages)').check();
  await page.getByLabel('Target').fill('45');
  await page.getByLabel('Unit').fill('minutes');
  await page.getByLabel('On chosen days').check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Saved Gym.')).toBeVisible();
  await expect(list.getByText('Weekdays · at least 45 minutes')).toBeVisible();
  const gym = await apiGet(page, `/habits/${ids[1]}`);
  expect(gym.schedule).toEqual({ type: 'weekdays', days: [1, 2, 3, 4, 5] });
  expect(gym.target_value).toBe(45);

  // Reorder with the keyboard: focus follows the moved item; the order is saved.
  await page.getByRole('button', { name: 'Move No junk food up' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Move No junk food up' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(list.getByRole('link')).toHaveText(['No junk food', 'No regular smoking up', 'Gym']);
  await expect.poll(async () => (await apiGet(page, '/habits?archived=false')).items.map((h: { name: string }) => h.name)).toEqual([
    'No junk food',
    'No regular smoking up',
    'Gym',
  ]);

  // Archive, restore, and delete (with a confirmation) from the archive.
  await page.getByRole('button', { name: 'Archive No regular smoking up' }).click();
  const archived = page.getByRole('list', { name: 'Archived action items' });
  await expect(archived.getByRole('link', { name: 'No regular smoking up' })).toBeVisible();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'Restore No regular smoking up' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await page.getByRole('button', { name: 'Archive No regular smoking up' }).click();
  await page.getByRole('button', { name: 'Delete No regular smoking up' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete No regular smoking up?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(archived.getByRole('link', { name: 'No regular smoking up' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete No regular smoking up' }).click();
  await dialog.getByRole('button', { name: 'Delete for good' }).click();
  await expect(page.getByText('Deleted No regular smoking up and its check-ins.')).toBeVisible();
  const res = await page.request.get(`/api/v1/habits/${ids[0]}`);
  expect(res.status()).toBe(404);
});

test("another user's habit shows not found", async ({ page, browser }) => {
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signedInUser(otherPage);
  const [theirs] = await seedHabits(otherPage, [{ name: 'Secret habit', done: [1] }]);
  await other.close();

  await signedInUser(page);
  await page.goto(`/habits/${theirs}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Action item not found' })).toBeVisible();
  await expect(page.getByText('Secret habit')).toHaveCount(0);
  await page.goto('/habits/not-a-number');
  await expect(page.getByRole('heading', { level: 1, name: 'Action item not found' })).toBeVisible();
  // And the server says the same to a direct request.
  expect((await page.request.get(`/api/v1/habits/${theirs}/stats`)).status()).toBe(404);
  void apiSend;
});
