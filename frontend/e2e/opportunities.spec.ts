// The seed's job search end to end in the browser: assess companies of three kinds, apply, move
// stages (menu, keyboard, drag), log an interview at 18:00 Kolkata time, see follow-ups and the
// funnel, copy the calendar feed URL (and read the feed), export the CSV.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { apiGet, serverToday } from './api.helpers';
import { newUser } from './goals.helpers';
import { addDays } from './helpers';
import { seedSearch } from './opportunities.helpers';

async function addOrganization(page: Page, name: string, type: string, interest: string) {
  await page.getByRole('button', { name: 'New organization' }).click();
  const form = page.getByRole('form', { name: 'New organization' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Type').selectOption({ label: type });
  await form.getByLabel('Interest').selectOption({ label: interest });
  await form.getByLabel('Growth').selectOption('4');
  await form.getByRole('button', { name: 'Add organization' }).click();
  await expect(page.getByText(`Added ${name}.`)).toBeVisible();
}

async function quickAdd(page: Page, organization: string, role: string, stage = 'Wishlist') {
  const form = page.getByRole('form', { name: 'Quick add an application' });
  await form.getByLabel('Organization').fill(organization);
  await form.getByLabel('Role').fill(role);
  await form.getByLabel('Stage').selectOption({ label: stage });
  await form.getByRole('button', { name: 'Add application' }).click();
  await expect(page.locator(`.opp-card[aria-label="${role} at ${organization}"]`)).toBeAttached();
}

const column = (page: Page, stage: string) => page.locator(`#opp-col-${stage}`);

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = (await locator.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags a card by its grip with the mouse sideways onto another column. */
async function mouseDrag(page: Page, card: Locator, target: Locator) {
  await card.scrollIntoViewIfNeeded();
  const from = await centre(card.locator('.opp-grip'));
  const to = { x: (await centre(target)).x, y: from.y };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

test('assess, apply, move, interview, follow up, funnel, feed, CSV', async ({ page, context }) => {
  test.setTimeout(90_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await newUser(page, 'Asha Rao');
  const today = await serverToday(page);

  // Assess companies of the seed's three kinds.
  await page.goto('/opportunities/organizations');
  await expect(page.getByText('No organizations yet.', { exact: false })).toBeVisible();
  await addOrganization(page, 'Tiger Analytics', 'Analytics / data science', 'Boring');
  await addOrganization(page, 'Sarvam AI', 'AI product', 'Exciting');
  await addOrganization(page, 'Google', 'Big tech', 'Interesting');
  for (const group of ['Analytics / data science', 'AI product', 'Big tech']) {
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${group.replace('/', '\\/')}`) })).toBeVisible();
  }

  // Apply: quick add with an existing organization (autocompleted) and a new one.
  await page.getByRole('link', { name: 'Board' }).click();
  await page.getByRole('button', { name: 'Add your first application' }).click();
  await quickAdd(page, 'Sarvam AI', 'ML Engineer', 'Applied');
  await quickAdd(page, 'Tiger Analytics', 'Data Scientist', 'Applied');
  await quickAdd(page, 'Google', 'Software Engineer');
  await quickAdd(page, 'AI4Bharat', 'Research collaboration');
  // The same organization and role again: created, with a warning.
  await page.getByRole('form', { name: 'Quick add an application' }).getByLabel('Organization').fill('sarvam ai');
  await page.getByRole('form', { name: 'Quick add an application' }).getByLabel('Role').fill('ML Engineer');
  await page.getByRole('button', { name: 'Add application' }).click();
  await expect(page.getByText(/You already have an application for ML Engineer at Sarvam AI \(applied\)/)).toBeVisible();
  await page.getByRole('button', { name: 'Close quick add' }).click();
  const orgs = await apiGet<{ items: { name: string }[] }>(page, '/organizations');
  expect(orgs.items.map((o) => o.name).sort()).toEqual(['AI4Bharat', 'Google', 'Sarvam AI', 'Tiger Analytics']);

  // Move with the menu…
  await column(page, 'applied').getByLabel('Move Data Scientist at Tiger Analytics to').selectOption('rejected');
  await expect(column(page, 'rejected').locator('.opp-card')).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'Moved Data Scientist at Tiger Analytics to Rejected.' })).toBeAttached();
  // …with the keyboard (Shift+→ moves one stage on, and the card keeps the focus)…
  const sarvam = column(page, 'applied').locator('.opp-card[aria-label="ML Engineer at Sarvam AI"]').first();
  await sarvam.focus();
  await page.keyboard.press('Shift+ArrowRight');
  const moved = column(page, 'screening').locator('.opp-card[aria-label="ML Engineer at Sarvam AI"]');
  await expect(moved).toBeFocused();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(column(page, 'interviewing').locator('.opp-card')).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'Moved ML Engineer at Sarvam AI to Interviewing.' })).toBeAttached();
  // …and by dragging its grip with the mouse.
  await mouseDrag(page, column(page, 'wishlist').locator('.opp-card[aria-label="Software Engineer at Google"]'), column(page, 'applied'));
  await expect(column(page, 'applied').locator('.opp-card[aria-label="Software Engineer at Google"]')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Moved Software Engineer at Google to Applied.' })).toBeAttached();

  // Log an interview on the application page: 18:00 in Kolkata stays 18:00.
  await column(page, 'interviewing').getByRole('link', { name: 'Sarvam AI' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ML Engineer' })).toBeVisible();
  await expect(page.locator('.opp-timeline li')).toHaveCount(3);
  await page.getByRole('button', { name: 'Log an interview or event' }).click();
  const when = addDays(today, 2);
  await page.getByLabel('When').fill(`${when}T18:00`);
  await page.getByLabel('Title').fill('Technical round');
  await page.getByRole('button', { name: 'Log event' }).click();
  await expect(page.getByText('Technical round')).toBeVisible();
  await expect(page.locator('.opp-list').getByText(/18:00/)).toBeVisible();
  const events = await apiGet<{ items: { starts_at: string }[] }>(page, `/events?from=${when}&to=${when}`);
  expect(events.items[0]!.starts_at).toBe(`${when}T12:30:00Z`);
  await page.getByLabel('Follow up on').fill(today);
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();

  // Follow-ups: due now, and the interview coming up.
  await page.getByRole('link', { name: 'Follow-ups' }).click();
  const dueNow = page.getByRole('region', { name: 'Due now' });
  await expect(dueNow.getByRole('link', { name: 'ML Engineer at Sarvam AI' })).toBeVisible();
  await expect(dueNow.getByText('Due today')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Upcoming events' }).getByText(/18:00/)).toBeVisible();

  // The funnel: 3 applied, 2 answered (one screening, one rejection).
  await page.getByRole('link', { name: 'Funnel' }).click();
  await expect(page.locator('.opp-kpis')).toContainText('Applications5');
  await expect(page.locator('.opp-kpis')).toContainText('Response rate66%');
  await page.getByLabel('Organization type').selectOption({ label: 'Big tech' });
  await expect(page.locator('.opp-kpis')).toContainText('Applications1');
  await expect(page.getByRole('row', { name: /Applied 1/ })).toBeVisible();

  // The calendar feed: create, copy, and read it without signing in.
  await page.goto('/settings');
  const calendar = page.getByRole('region', { name: 'Calendar feed' });
  await calendar.getByRole('button', { name: 'Create feed link' }).click();
  const url = (await calendar.getByTestId('feed-url').textContent())!.trim();
  await calendar.getByRole('button', { name: 'Copy link calendar feed link' }).click();
  await expect(calendar.getByRole('status').filter({ hasText: 'Copied to clipboard.' })).toBeAttached();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await calendar.getByLabel('Daily check-in reminder').fill('21:30');
  await calendar.getByRole('button', { name: 'Save reminder' }).click();
  await expect(calendar.getByText('Reminder saved.')).toBeVisible();
  const feed = await page.request.get(url, { headers: { Cookie: '' } });
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toContain('text/calendar');
  const ics = (await feed.text()).replace(/\r\n /g, '');
  expect(ics).toContain('SUMMARY:Interview: Technical round');
  expect(ics).toContain(`DTSTART:${when.replaceAll('-', '')}T123000Z`);
  expect(ics).toMatch(/DTSTART;TZID=Asia\/Kolkata:\d{8}T213000/);
  expect(ics).toContain('RRULE:FREQ=DAILY');
  // Rotating asks first, then the old link stops working and the new one answers.
  await calendar.getByRole('button', { name: 'Rotate link' }).click();
  const confirm = page.getByRole('dialog', { name: 'Rotate the feed link?' });
  await confirm.getByRole('button', { name: 'Rotate link' }).click();
  await expect(calendar.getByTestId('feed-url')).not.toHaveText(url);
  const rotated = (await calendar.getByTestId('feed-url').textContent())!.trim();
  expect((await page.request.get(url, { headers: { Cookie: '' } })).status()).toBe(404);
  expect((await page.request.get(rotated, { headers: { Cookie: '' } })).status()).toBe(200);

  // Export the CSV.
  await page.goto('/opportunities');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const csv = readFileSync((await (await download).path())!, 'utf8');
  expect(csv).toContain('organization,type,role,kind,stage');
  expect(csv).toContain('Sarvam AI,ai_product,ML Engineer,job,interviewing');
  expect(csv.trim().split('\n')).toHaveLength(6);
});

test.describe('on a touch screen', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('a phone shows stage tabs; a finger drags a card by its grip onto another tab, and the history has the move', async ({ page }) => {
    await newUser(page, 'Asha Rao');
    await seedSearch(page);
    const [ey] = (await apiGet<{ items: { id: number }[] }>(page, '/applications?q=EY')).items;
    await page.goto('/opportunities');
    // One stage at a time, chosen by its tab.
    const tabs = page.getByRole('tablist', { name: 'Stages' });
    await expect(tabs.getByRole('tab', { name: /Applied/ })).toHaveAttribute('aria-selected', 'true');
    await expect(column(page, 'applied')).toBeVisible();
    await expect(column(page, 'screening')).toBeHidden();
    const card = column(page, 'applied').locator('.opp-card[aria-label="Data Analyst at EY"]');
    await expect(card).toBeVisible();

    // Real touch events, as a phone sends them, from the card's grip to the Screening tab.
    const from = await centre(card.locator('.opp-grip'));
    const to = await centre(tabs.getByRole('tab', { name: /Screening/ }));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
    const steps = 14;
    for (let i = 1; i <= steps; i++) {
      const point = { x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps };
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point] });
      await page.waitForTimeout(16);
    }
    await expect(tabs.getByRole('tab', { name: /Screening/ })).toHaveClass(/opp-tab-over/);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });

    await expect(page.getByRole('status').filter({ hasText: 'Moved Data Analyst at EY to Screening.' })).toBeAttached();
    await expect(column(page, 'applied').locator('.opp-card')).toHaveCount(0);
    await tabs.getByRole('tab', { name: /Screening/ }).click();
    await expect(column(page, 'screening').locator('.opp-card[aria-label="Data Analyst at EY"]')).toBeVisible();
    const history = await apiGet<{ items: { from_stage: string | null; to_stage: string }[] }>(page, `/applications/${ey!.id}/history`);
    expect(history.items.map((h) => [h.from_stage, h.to_stage])).toEqual([
      [null, 'applied'],
      ['applied', 'screening'],
    ]);

    // The menu is there on a phone too, and moving back is recorded.
    await column(page, 'screening').getByLabel('Move Data Analyst at EY to').selectOption('applied');
    await expect(page.getByRole('status').filter({ hasText: 'Moved Data Analyst at EY to Applied.' })).toBeAttached();
    await expect
      .poll(async () => (await apiGet<{ items: { to_stage: string }[] }>(page, `/applications/${ey!.id}/history`)).items.map((h) => h.to_stage))
      .toEqual(['applied', 'screening', 'applied']);
  });
});
