// Shared setup for the screenshot specs (e2e/screenshots.spec.ts and e2e/<domain>.screenshots.spec.ts):
// where the pictures go (e2e/screenshots/, gitignored), the widths and colour schemes they are
// taken at, and the sideways-overflow check every screenshot makes first.
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SCREENSHOTS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
mkdirSync(SCREENSHOTS_DIR, { recursive: true });

/** A phone (390×844, touch) and a desktop (1280×800). */
export const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844, mobile: true },
  { name: 'desktop', width: 1280, height: 800, mobile: false },
] as const;

export type Viewport = (typeof VIEWPORTS)[number];

export const SCHEMES = ['light', 'dark'] as const;

export type Scheme = (typeof SCHEMES)[number];

/** Browser-context options (for `test.use` or `browser.newContext`) for a viewport, and a colour scheme if given. */
export function deviceOptions(vp: Viewport, scheme?: Scheme) {
  return {
    viewport: { width: vp.width, height: vp.height },
    ...(scheme ? { colorScheme: scheme } : {}),
    isMobile: vp.mobile,
    hasTouch: vp.mobile,
  };
}

/** Fails when the page scrolls sideways at its current width. */
export async function expectNoOverflow(page: Page, message: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, message).toBeLessThanOrEqual(0);
}

/** Saves the visible part of the page as `<name>.png`, as it is (no checks, no scrolling). */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`) });
}

/**
 * Checks for sideways scrolling, then saves `<name>.png`: the full page by default, taken from the
 * top so the sticky header sits where a person sees it (`scrollToTop: false` keeps the scroll).
 */
export async function shot(page: Page, name: string, { fullPage = true, scrollToTop = true } = {}): Promise<void> {
  await expectNoOverflow(page, `${name} overflows horizontally`);
  if (scrollToTop) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`), fullPage });
}

/** The page as it is now, light then dark (one data setup serves both): `<name>-<tag>-<scheme>.png`. */
export async function shotBothSchemes(page: Page, name: string, tag: string, fullPage = true): Promise<void> {
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    await shot(page, `${name}-${tag}-${scheme}`, { fullPage, scrollToTop: fullPage });
  }
}
