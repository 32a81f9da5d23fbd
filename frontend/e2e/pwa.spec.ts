// Installable and offline: the manifest and service worker, and check-ins made without a
// connection that reach the server when it returns (issue #16).
import type { Page } from '@playwright/test';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';
import { apiGet, apiSend, seedHabits, serverToday, signedInUser } from './habits.helpers';

/** Waits until a service worker controls the page (the first visit installs it; a reload puts the page under it). */
// Offline, the app's requests fail by design (it then shows the cached day): Chromium logs those.
test.use({ allowedConsoleErrors: [/net::ERR_INTERNET_DISCONNECTED/], serviceWorkers: 'allow' });

async function underServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

/** A signed-in account with these action items (none checked in), on Today (or Home) under the service worker. */
async function todayWith(page: Page, names: string[], path = '/today'): Promise<{ ids: number[]; today: string }> {
  await signedInUser(page);
  const ids = await seedHabits(page, names.map((name) => ({ name, done: [] })));
  const today = await serverToday(page);
  await page.goto(path);
  await expect(page.getByRole('button', { name: `${names[0]} done today` })).toBeVisible();
  await underServiceWorker(page);
  await expect(page.getByRole('button', { name: `${names[0]} done today` })).toBeVisible();
  return { ids, today };
}

async function checkInsOn(page: Page, habitId: number, date: string): Promise<{ status: string }[]> {
  const res = await page.request.get(`/api/v1/habits/${habitId}/check-ins?from=${date}&to=${date}`);
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { items: { status: string }[] }).items;
}

test('the app is installable: a valid manifest with icons, and a service worker that controls the page', async ({ page }) => {
  await page.goto('/sign-in');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');
  const res = await page.request.get(href!);
  expect(res.headers()['content-type']).toContain('application/manifest+json');
  const manifest = await res.json();
  expect(manifest).toMatchObject({ name: expect.stringContaining('Kaizen'), short_name: 'Kaizen', start_url: '/home', display: 'standalone', scope: '/' });
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
  const sizes = (purpose: string) => manifest.icons.filter((i: { purpose: string }) => i.purpose === purpose).map((i: { sizes: string }) => i.sizes);
  expect(sizes('any')).toEqual(expect.arrayContaining(['192x192', '512x512']));
  expect(sizes('maskable')).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons as { src: string; type: string; sizes: string }[]) {
    const img = await page.request.get(icon.src);
    expect(img.ok(), icon.src).toBe(true);
    expect(img.headers()['content-type']).toContain(icon.type);
    if (icon.type === 'image/png') {
      // The PNG header carries the real size: it must match what the manifest claims.
      const png = await img.body();
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes);
    }
  }
  // Light and dark theme colours for the browser UI.
  await expect(page.locator('meta[name="theme-color"]')).toHaveCount(2);

  await underServiceWorker(page);
  const sw = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return { script: reg?.active?.scriptURL ?? '', scope: reg?.scope ?? '' };
  });
  expect(sw.script).toMatch(/\/sw\.js$/);
  expect(new URL(sw.scope).pathname).toBe('/');
  // Only the app shell is cached, never an API response.
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
    return urls;
  });
  expect(cached.some((u) => u === '/index.html')).toBe(true);
  expect(cached.filter((u) => u.startsWith('/api/'))).toEqual([]);
});

test('offline: reload, check in three items, come back online, and the server has exactly those three', async ({ page, context }) => {
  const { ids, today } = await todayWith(page, ['Gym', 'Read 20 pages', 'No junk food', 'Meditate']);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  const status = page.getByRole('status').filter({ hasText: /offline|sync/i });
  await expect(status).toHaveText(/^Offline/);
  for (const name of ['Gym', 'Read 20 pages', 'No junk food']) {
    await page.getByRole('button', { name: `${name} done today` }).click();
    await expect(page.getByRole('button', { name: `${name} done today` })).toHaveAttribute('aria-pressed', 'true');
  }
  await expect(status).toHaveText('Offline — 3 changes waiting');
  // Still queued across a reload while offline.
  await page.reload();
  await expect(page.getByRole('button', { name: 'No junk food done today' })).toHaveAttribute('aria-pressed', 'true');
  await expect(status).toHaveText('Offline — 3 changes waiting');
  for (const id of ids) expect(await checkInsOn(page, id, today)).toEqual([]);

  await context.setOffline(false);
  await expect(status).toHaveText('Synced');
  for (const id of ids.slice(0, 3)) expect((await checkInsOn(page, id, today)).map((c) => c.status)).toEqual(['done']);
  expect(await checkInsOn(page, ids[3]!, today)).toEqual([]);
  const all = await apiGet<{ items: { habit_id: number }[] }>(page, `/check-ins?from=${today}&to=${today}`);
  expect(all.items.map((c) => c.habit_id).sort()).toEqual(ids.slice(0, 3).sort());
});

test('Home opens offline with the last known day; check-ins made there are queued and replayed in order', async ({ page, context }) => {
  await signedInUser(page);
  const names = ['Gym', 'Read 20 pages', 'No junk food', 'Meditate'];
  const ids = await seedHabits(page, names.map((name) => ({ name, done: [] })));
  const today = await serverToday(page);
  await apiSend(page, 'POST', '/sprints', { title: 'Torch inside out', start_date: today, target_rate: 0.5, habit_ids: ids });
  // Only Home is visited online (the landing page): Today must still open offline from it.
  await page.goto('/home');
  await expect(page.getByRole('button', { name: 'Gym done today' })).toBeVisible();
  await underServiceWorker(page);
  await expect(page.getByRole('heading', { name: 'Torch inside out' })).toBeVisible();

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  const status = page.getByRole('status').filter({ hasText: /offline|sync/i });
  await expect(status).toHaveText(/^Offline/);
  // The whole screen, not only the check-ins: the sprint card is there too.
  await expect(page.getByRole('heading', { name: 'Torch inside out' })).toBeVisible();
  for (const name of ['Meditate', 'Gym', 'No junk food']) {
    await page.getByRole('button', { name: `${name} done today` }).click();
    await expect(page.getByRole('button', { name: `${name} done today` })).toHaveAttribute('aria-pressed', 'true');
  }
  await expect(status).toHaveText('Offline — 3 changes waiting');
  await expect(page.getByRole('heading', { name: 'Today · 3 of 4 done' })).toBeVisible();
  // Today, opened offline from Home, shows the same waiting changes; so does Home after a reload.
  await page.getByRole('link', { name: 'Open Today' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Meditate done today' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Read 20 pages done today' })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('status').filter({ hasText: /offline/i })).toHaveText('Offline — 3 changes waiting');
  await page.goto('/home');
  await expect(page.getByRole('button', { name: 'No junk food done today' })).toHaveAttribute('aria-pressed', 'true');
  for (const id of ids) expect(await checkInsOn(page, id, today)).toEqual([]);

  // Back online: the three go out oldest first, and the server has exactly those.
  const sent: number[] = [];
  page.on('request', (req) => {
    const m = /\/api\/v1\/habits\/(\d+)\/check-ins\//.exec(req.url());
    if (m && req.method() === 'PUT') sent.push(Number(m[1]));
  });
  await context.setOffline(false);
  await expect(status).toHaveText('Synced');
  expect(sent).toEqual([ids[3], ids[0], ids[2]]);
  const all = await apiGet<{ items: { habit_id: number; status: string }[] }>(page, `/check-ins?from=${today}&to=${today}`);
  expect(all.items.map((c) => c.habit_id).sort()).toEqual([ids[0], ids[2], ids[3]].sort());
  expect(all.items.every((c) => c.status === 'done')).toBe(true);
  // The sprint card follows once the server has them.
  await expect(page.locator('[data-section="sprint"] li', { hasText: 'Gym' })).toContainText('1/7 days, 6 more needed');
  await expect(page.locator('[data-section="sprint"] li', { hasText: 'Read 20 pages' })).toContainText('0/7 days');
});

for (const path of ['/today', '/home']) {
  test(`${path}: a queued change for an item deleted meanwhile is dropped with a message, never applied to another`, async ({ page, context }) => {
    const {
      ids: [gym, read, other],
      today,
    } = await todayWith(page, ['Gym', 'Read', 'Stretch'], path);

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('button', { name: 'Gym done today' }).click();
    await page.getByRole('button', { name: 'Read done today' }).click();
    await expect(page.getByRole('status').filter({ hasText: /offline/i })).toHaveText('Offline — 2 changes waiting');
    // Meanwhile, on another device: Gym is deleted (the API request does not go through this page).
    await apiSend(page, 'DELETE', `/habits/${gym}`);

    await context.setOffline(false);
    await expect(page.locator('.today-notice')).toContainText('Gym was deleted');
    await expect(page.getByRole('status').filter({ hasText: /sync/i })).toHaveText('Synced');
    expect((await checkInsOn(page, read!, today)).map((c) => c.status)).toEqual(['done']);
    expect(await checkInsOn(page, other!, today)).toEqual([]);
    await expect(page.getByRole('button', { name: 'Gym done today' })).toHaveCount(0);
  });
}

test('signing out clears the queue and the cached day', async ({ page, context }) => {
  await todayWith(page, ['Gym']);
  await context.setOffline(true);
  await expect(page.getByRole('status').filter({ hasText: /offline/i })).toHaveText(/^Offline/);
  await page.getByRole('button', { name: 'Gym done today' }).click();
  await expect(page.getByRole('status').filter({ hasText: /offline/i })).toHaveText('Offline — 1 change waiting');
  await context.setOffline(false);
  await page.getByRole('button', { name: /account menu/ }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  const left = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('kaizen-offline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('data')) return resolve(0);
          const count = db.transaction('data').objectStore('data').count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => reject(count.error);
        };
      }),
  );
  expect(left).toBe(0);
});

test('reminders: asked on a tap, then a notification at the account’s reminder time while the app is open', async ({ page, context }) => {
  await signedInUser(page);
  await seedHabits(page, [
    { name: 'Gym', done: [] },
    { name: 'Read', done: [] },
  ]);
  // A reminder time that has passed today wherever the account is (its timezone, not the browser's).
  await apiSend(page, 'PATCH', '/me', { reminder_time: '00:00' });
  await context.grantPermissions(['notifications']);
  await page.goto('/settings');
  await underServiceWorker(page);
  const reminders = page.getByRole('region', { name: 'Reminders on this device' });
  await expect(reminders).toContainText("At 00:00, your account's reminder time");
  const toggle = reminders.getByRole('switch', { name: 'Remind me to check in' });
  await expect(toggle).not.toBeChecked();
  // The switch's label is what a person taps (the input itself sits under the drawn track).
  await reminders.getByText('Remind me to check in').click();
  await expect(toggle).toBeChecked();
  await expect(reminders.getByText('Reminders are on for this device.')).toBeVisible();

  // The app checks when it opens: the reminder goes out through the service worker, once a day.
  await page.reload();
  const shown = () =>
    page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return (await reg!.getNotifications({ tag: 'kaizen-reminder' })).map((n) => n.body);
    });
  await expect.poll(shown).toEqual(['2 action items still open today.']);
  const last = await page.evaluate(() => localStorage.getItem('kaizen-reminder-last'));
  expect(last).toBe(await serverToday(page));

  // Turning it off on this device says so.
  await reminders.getByText('Remind me to check in').click();
  await expect(toggle).not.toBeChecked();
  await expect(reminders.getByText('Reminders are off on this device.')).toBeVisible();
});

test('a new deploy waits, the page offers to reload, and the reload puts the new version in charge', async ({ page }) => {
  await signedInUser(page);
  await page.goto('/home');
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await underServiceWorker(page);
  const scriptOf = (which: 'active' | 'waiting') =>
    page.evaluate(async (w) => {
      const reg = await navigator.serviceWorker.getRegistration();
      const sw = reg?.[w];
      return sw ? sw.scriptURL + ' ' + sw.state : null;
    }, which);
  expect(await scriptOf('waiting')).toBeNull();

  // "Deploy" a new build: the served service worker script changes by one byte.
  const dist = process.env.KAIZEN_E2E_DIST ?? resolve(dirname(fileURLToPath(import.meta.url)), '../dist');
  const sw = join(dist, 'sw.js');
  const before = readFileSync(sw, 'utf8');
  try {
    appendFileSync(sw, `\n// deploy ${Date.now()}\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    // It installs and waits: the page keeps running the old one until the person says so.
    const prompt = page.getByText('A new version of Kaizen is ready.');
    await expect(prompt).toBeVisible();
    await expect.poll(() => scriptOf('waiting')).toMatch(/sw\.js installed$/);
    const oldController = await page.evaluate(() => navigator.serviceWorker.controller?.state);
    expect(oldController).toBe('activated');

    const reloaded = page.waitForEvent('framenavigated');
    await page.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
    await expect(page.getByText('A new version of Kaizen is ready.')).toHaveCount(0);
    await expect.poll(() => scriptOf('waiting')).toBeNull();
    expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  } finally {
    writeFileSync(sw, before);
  }
});
