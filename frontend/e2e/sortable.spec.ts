// Reordering by drag with a finger and with a mouse (SortableJS behind src/ui/useSortable.ts),
// and the arrow buttons kept for the keyboard (issue #16).
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { apiGet, seedHabits, signedInUser } from './habits.helpers';
import { centre, touchDrag } from './helpers';

async function serverOrder(page: Page): Promise<string[]> {
  const { items } = await apiGet<{ items: { name: string; position: number }[] }>(page, '/habits');
  return [...items].sort((a, b) => a.position - b.position).map((h) => h.name);
}

const NAMES = ['Gym', 'Read 20 pages', 'No junk food'];

/** A signed-in account with NAMES as its action items, on the Habits page; returns the list's items. */
async function habitsList(page: Page): Promise<Locator> {
  await signedInUser(page);
  await seedHabits(page, NAMES.map((name) => ({ name, done: [] })));
  await page.goto('/habits');
  const items = page.getByRole('list', { name: 'Active action items' }).getByRole('listitem');
  await expect(items).toHaveCount(3);
  return items;
}

test.describe('on a touch screen', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('a finger drags an action item by its grip to a new place, and the order is saved', async ({ page }) => {
    const items = await habitsList(page);
    // Real touch events, as a phone sends them.
    await touchDrag(page, items.nth(2).locator('.drag-handle'), items.nth(0).locator('.drag-handle'));
    await expect(items.locator('.habit-name')).toHaveText(['No junk food', 'Gym', 'Read 20 pages']);
    await expect.poll(() => serverOrder(page)).toEqual(['No junk food', 'Gym', 'Read 20 pages']);
  });
});

test('a mouse drags an item; the arrow buttons reorder from the keyboard and say where it went', async ({ page }) => {
  const items = await habitsList(page);
  const from = await centre(items.nth(0).locator('.drag-handle'));
  const to = await centre(items.nth(2).locator('.drag-handle'));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x, to.y + 10, { steps: 12 });
  await page.mouse.up();
  await expect(items.locator('.habit-name')).toHaveText(['Read 20 pages', 'No junk food', 'Gym']);
  await expect.poll(() => serverOrder(page)).toEqual(['Read 20 pages', 'No junk food', 'Gym']);

  await page.getByRole('button', { name: 'Move Gym up' }).focus();
  await page.keyboard.press('Enter');
  await expect(items.locator('.habit-name')).toHaveText(['Read 20 pages', 'Gym', 'No junk food']);
  await expect(page.getByText('Gym moved to position 2 of 3.')).toBeAttached();
  await expect.poll(() => serverOrder(page)).toEqual(['Read 20 pages', 'Gym', 'No junk food']);
});
