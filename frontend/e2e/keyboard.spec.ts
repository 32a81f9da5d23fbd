// A keyboard-only journey (issue #16): Today, a habit, the sprint board and the retrospective,
// with Tab, Enter and the page shortcuts only; every stop shows a visible focus indicator.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { apiGet } from './api.helpers';
import { seedSprint, signInViaApi } from './sprints.helpers';

interface Focused {
  name: string;
  tag: string;
  visible: boolean;
}

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { name: '', tag: 'BODY', visible: false };
    const labelled = (el as HTMLInputElement).labels?.[0]?.textContent ?? '';
    const name = (el.getAttribute('aria-label') ?? labelled ?? '') || (el.textContent ?? '');
    const css = getComputedStyle(el);
    const outline = css.outlineStyle !== 'none' && parseFloat(css.outlineWidth) > 0;
    const rect = el.getBoundingClientRect();
    return { name: name.replace(/\s+/g, ' ').trim(), tag: el.tagName, visible: (outline || css.boxShadow !== 'none') && rect.width > 0 && rect.height > 0 };
  });
}

/** Presses Tab (or Shift+Tab) until the focused element's name matches; checks its focus shows. */
async function tabTo(page: Page, name: string | RegExp, { back = false, max = 80 } = {}): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    seen.push(now.name);
    if (typeof name === 'string' ? now.name === name : name.test(now.name)) {
      expect(now.visible, `focus on "${now.name}" is not visible`).toBe(true);
      return;
    }
  }
  throw new Error(`Tab never reached ${String(name)}; passed: ${seen.join(' | ')}`);
}

test('Today → a habit → the sprint board → the retrospective, by keyboard alone', async ({ page }) => {
  test.setTimeout(60_000);
  await signInViaApi(page);
  const { sprint, today } = await seedSprint(page);
  await page.goto('/today');
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  // The shortcuts act on the rows: wait for them (on a busy machine the list can come after the heading).
  await expect(page.getByRole('button', { name: 'No regular smoking up done today' })).toBeVisible();

  // The first Tab stop skips to the content.
  await tabTo(page, 'Skip to content', { max: 1 });
  await page.keyboard.press('Enter');

  // Today: j moves to the first action item, x checks it in.
  await page.keyboard.press('j');
  expect((await focused(page)).name).toBe('No regular smoking up done today');
  await page.keyboard.press('x');
  await expect(page.getByRole('button', { name: 'No regular smoking up done today' })).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(async () => (await apiGet<{ items: { status: string }[] }>(page, `/check-ins?from=${today}&to=${today}`)).items.length)
    .toBe(1);

  // A habit: its name is a link.
  await tabTo(page, 'No regular smoking up');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'No regular smoking up' })).toBeFocused();

  // The sprint board, from the header navigation (behind the focused heading).
  await tabTo(page, 'Sprints', { back: true });
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/sprints$/);
  await expect(page.getByRole('heading', { level: 1, name: sprint.title })).toBeVisible();

  // The retrospective: write it and save it.
  await tabTo(page, 'Retrospective');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/sprints/${sprint.id}/retro$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Retrospective' })).toBeFocused();
  await tabTo(page, /^Your retrospective/);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Kept the gym going. Next: papers before email.');
  await tabTo(page, 'Save retrospective');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Retrospective saved.')).toBeVisible();
  const saved = await apiGet<{ retrospective: string }>(page, `/sprints/${sprint.id}`);
  expect(saved.retrospective).toBe('Kept the gym going. Next: papers before email.');
});
