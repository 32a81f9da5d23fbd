// axe-core on every page of the app (every route in src/routes.tsx, signed in with data, and the
// guest pages signed out), light and dark, at phone and desktop widths: 0 violations (issue #16);
// the dark walks check the colour rules (see COLOUR_RULES).
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiGet, apiSend } from './api.helpers';
import { createAdmin, signInAs } from './admin.helpers';
import { addDays } from './helpers';
import { seedSearch } from './opportunities.helpers';
import { deviceOptions, SCHEMES, VIEWPORTS } from './screenshot.helpers';
import { seedSprint } from './sprints.helpers';

const here = dirname(fileURLToPath(import.meta.url));

/** The route patterns of src/routes.tsx (read from the source, so a new page can't be missed). */
function routePatterns(): string[] {
  const src = readFileSync(join(here, '../src/routes.tsx'), 'utf8');
  const consts = readFileSync(join(here, '../src/paths.ts'), 'utf8');
  const value = (name: string) => new RegExp(`export const ${name} = '([^']+)'`).exec(consts)?.[1] ?? name;
  return [...src.matchAll(/^\s*path: ('([^']+)'|([A-Z_]+)),/gm)].map((m) => m[2] ?? value(m[3]!));
}

interface Seeded {
  habitId: number;
  sprintId: number;
  goalId: number;
  handle: string;
  applicationId: number;
  organizationId: number;
  readingItemId: number;
}

/**
 * A real address for a route pattern: each `:param` is filled from the seeded data by the segment
 * before it (`/habits/:id` → the seeded habit). A new route whose parameter has no data here
 * fails the coverage test below: seed something for it.
 */
function address(pattern: string, s: Seeded): string {
  const params: Record<string, string> = {
    habits: String(s.habitId),
    sprints: String(s.sprintId),
    goals: String(s.goalId),
    u: s.handle,
    opportunities: String(s.applicationId),
    organizations: String(s.organizationId),
    reading: String(s.readingItemId),
  };
  return pattern
    .split('/')
    .map((seg, i, all) => {
      if (!seg.startsWith(':')) return seg;
      const value = params[all[i - 1] ?? ''];
      if (value === undefined) throw new Error(`a11y.spec.ts: no seeded data for ${seg} in ${pattern}`);
      return value;
    })
    .join('/');
}

const GUEST = new Set(['/sign-in', '/sign-up']);

let seeded: Seeded;
let storageState: Awaited<ReturnType<ReturnType<Page['context']>['storageState']>>;

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/sign-in');
  // An admin, so the walk covers the admin page whichever spec signed up first.
  await signInAs(page, createAdmin());
  const { sprint } = await seedSprint(page, { previous: true });
  const plan = await apiSend<{ goal_ids: number[] }>(page, 'POST', '/starter-plan');
  const goalId = plan.goal_ids[0]!;
  await apiSend(page, 'POST', `/goals/${goalId}/key-results`, { title: 'Papers read', target_value: 10, current_value: 3, unit: 'papers' });
  await apiSend(page, 'POST', '/portfolio-entries', { title: 'How autograd works', kind: 'blog_post', status: 'published', url: 'https://example.com/autograd', goal_id: goalId });
  await apiSend(page, 'PATCH', `/sprints/${sprint.id}`, { retrospective: 'Gym slipped in week two.\n\n- **keep** the morning slot' }).catch(() => undefined);
  const habits = await page.request.get('/api/v1/habits').then((r) => r.json() as Promise<{ items: { id: number }[] }>);
  // Opportunities: organizations, applications along the funnel, an interview, a contact.
  const search = await seedSearch(page);
  const application = await apiGet<{ organization_id: number }>(page, `/applications/${search.sarvam}`);
  // Reading: a queue with progress, notes, a finished item, and the action item it feeds.
  const readingHabit = await apiSend<{ id: number }>(page, 'POST', '/habits', {
    name: 'Read 20 pages', kind: 'numeric', target_value: 20, unit: 'pages', start_date: addDays(search.today, -30),
  });
  await apiSend(page, 'PUT', '/reading-settings', { habit_id: readingHabit.id });
  const book = await apiSend<{ id: number }>(page, 'POST', '/reading-items', {
    title: 'Deep Learning', kind: 'book', authors: ['Ian Goodfellow', 'Yoshua Bengio', 'Aaron Courville'], year: 2016, progress_total: 800, venue: 'MIT Press', tags: ['ml'],
  });
  for (const [offset, amount] of [[-3, 20], [-1, 25]] as const) {
    await apiSend(page, 'POST', `/reading-items/${book.id}/progress`, { amount, date: addDays(search.today, offset) });
  }
  await apiSend(page, 'PATCH', `/reading-items/${book.id}`, { notes: '## Key ideas\n\n- **Backpropagation** through `softmax`' });
  await apiSend(page, 'POST', '/reading-items', { title: 'Attention Is All You Need', authors: ['Ashish Vaswani'], year: 2017, arxiv_id: '1706.03762', url: 'https://arxiv.org/abs/1706.03762' });
  await apiSend(page, 'POST', '/reading-items', { title: 'Random Forests', authors: ['Leo Breiman'], year: 2001, status: 'done', rating: 4 });
  const handle = `asha${Date.now().toString(36)}`;
  await apiSend(page, 'PATCH', '/me', { handle, public_profile: true, onboarded: true });
  seeded = {
    habitId: habits.items[0]!.id,
    sprintId: sprint.id,
    goalId,
    handle,
    applicationId: search.sarvam,
    organizationId: application.organization_id,
    readingItemId: book.id,
  };
  storageState = await context.storageState();
  await context.close();
});

test('every route of src/routes.tsx has an address to walk', () => {
  const patterns = routePatterns();
  expect(patterns).toContain('/today');
  for (const p of patterns) expect(address(p, { habitId: 1, sprintId: 1, goalId: 1, handle: 'x', applicationId: 1, organizationId: 1, readingItemId: 1 })).not.toContain(':');
});

// The dark theme changes colours only (CSS custom properties; the same DOM, names and roles), so
// the dark walks run the rules that read colours; the light walks run every rule.
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

async function audit(page: Page, url: string, rules: string[] | null): Promise<string[]> {
  await page.goto(url);
  await expect(page.locator('main h1').first()).toBeVisible();
  // Data loaded, spinners gone.
  await expect(page.locator('[aria-busy="true"], .loading')).toHaveCount(0);
  const axe = new AxeBuilder({ page });
  const results = await (rules ? axe.withRules(rules) : axe).analyze();
  return results.violations.map(
    (v) => `${url}: ${v.id} (${v.impact}) ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n')}`,
  );
}

async function walk(browser: Browser, options: BrowserContextOptions, urls: string[], rules: string[] | null): Promise<string[]> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const found: string[] = [];
  try {
    for (const url of urls) found.push(...(await audit(page, url, rules)));
  } finally {
    await context.close();
  }
  return found;
}

for (const vp of VIEWPORTS) {
  for (const scheme of SCHEMES) {
    test(`axe finds nothing on any page: ${vp.name}, ${scheme}`, async ({ browser }) => {
      test.setTimeout(240_000);
      const patterns = routePatterns();
      const user = patterns.filter((p) => !GUEST.has(p)).map((p) => address(p, seeded));
      const guest = patterns.filter((p) => GUEST.has(p)).map((p) => address(p, seeded));
      const options = { ...deviceOptions(vp, scheme), serviceWorkers: 'block' as const };
      const rules = scheme === 'dark' ? COLOUR_RULES : null;
      const violations = [
        ...(await walk(browser, { ...options, storageState }, user, rules)),
        ...(await walk(browser, options, guest, rules)),
      ];
      expect(violations, violations.join('\n')).toEqual([]);
    });
  }
}

test('at 200 % zoom (a 1280 × 800 window shows 640 × 400 CSS pixels) no page scrolls sideways', async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ viewport: { width: 640, height: 400 }, storageState, serviceWorkers: 'block' });
  const page = await context.newPage();
  const wide: string[] = [];
  try {
    for (const url of routePatterns().filter((p) => !GUEST.has(p)).map((p) => address(p, seeded))) {
      await page.goto(url);
      await expect(page.locator('main h1').first()).toBeVisible();
      await expect(page.locator('[aria-busy="true"], .loading')).toHaveCount(0);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) wide.push(`${url}: ${overflow}px too wide`);
    }
  } finally {
    await context.close();
  }
  expect(wide).toEqual([]);
});

test('motion respects prefers-reduced-motion: no transitions, a slower spinner', async ({ browser }) => {
  const motion = async (reducedMotion: 'reduce' | 'no-preference') => {
    const context = await browser.newContext({ storageState, reducedMotion, serviceWorkers: 'block' });
    const page = await context.newPage();
    try {
      await page.goto('/today');
      const toggle = page.locator('.today-toggle').first();
      await expect(toggle).toBeVisible();
      return await page.evaluate(() => {
        const el = document.querySelector('.today-toggle')!;
        const spinner = document.createElement('span');
        spinner.className = 'spinner';
        document.body.append(spinner);
        const spin = getComputedStyle(spinner).animationDuration;
        spinner.remove();
        return { transition: getComputedStyle(el).transitionDuration, spin, reduced: matchMedia('(prefers-reduced-motion: reduce)').matches };
      });
    } finally {
      await context.close();
    }
  };
  const normal = await motion('no-preference');
  expect(normal.reduced).toBe(false);
  expect(normal.transition).not.toMatch(/^0s(, 0s)*$/);
  const reduced = await motion('reduce');
  expect(reduced).toEqual({ transition: expect.stringMatching(/^0s(, 0s)*$/), spin: '2s', reduced: true });
});
