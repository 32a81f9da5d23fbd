// Screenshots of the goals, portfolio, public-profile and welcome pages at phone and desktop
// widths, light and dark, into e2e/screenshots/ (gitignored). They also fail on sideways overflow.
import { expect, test } from './fixtures';
import { api, newUser } from './goals.helpers';
import { deviceOptions, expectNoOverflow, shotBothSchemes, VIEWPORTS } from './screenshot.helpers';

/** A month `back` months before `today` (YYYY-MM-DD), on day 10. */
function monthsAgo(today: string, back: number): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - back, 10));
  return d.toISOString().slice(0, 10);
}

for (const vp of VIEWPORTS) {
  test.describe(`goals ${vp.name}`, () => {
    test.use(deviceOptions(vp));

    test('pages', async ({ page, browser }) => {
      test.setTimeout(60_000);
      const tag = vp.name;
      await newUser(page, 'Asha Rao');

      await page.goto('/');
      await expect(page.getByText('New here? Start with the starter plan.')).toBeVisible();
      await shotBothSchemes(page, 'goals-home-offer', tag);

      await page.goto('/welcome');
      await expect(page.getByText(/14 days starting today \(/)).toBeVisible();
      await shotBothSchemes(page, 'goals-welcome', tag);

      await page.goto('/goals');
      await expect(page.getByText('No goals yet.', { exact: false })).toBeVisible();
      await page.getByRole('button', { name: 'New goal' }).click();
      await page.getByRole('button', { name: 'Create goal' }).click();
      await expect(page.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
      await shotBothSchemes(page, 'goals-empty-new', tag);

      // The starter plan, a few key results, an action item with check-ins, portfolio entries.
      const plan = await api<{ goal_ids: number[] }>(page, 'POST', '/starter-plan');
      const oss = plan.goal_ids[3]!;
      await api(page, 'POST', `/goals/${oss}/key-results`, { title: 'Merged pull requests', target_value: 4, current_value: 3, unit: 'PRs' });
      await api(page, 'POST', `/goals/${oss}/key-results`, { title: 'Issues triaged', target_value: 10, current_value: 5 });
      await api(page, 'POST', `/goals/${plan.goal_ids[7]!}/key-results`, { title: 'LeetCode mediums', target_value: 150, current_value: 23, unit: 'problems' });
      await api(page, 'PATCH', `/goals/${oss}`, {
        description: 'A **way to learn any topic** enough, and then just contribute.\n\n- find a library you use\n- read its issues\n- fix one',
        target_date: '2026-12-31',
      });
      const { date } = await api<{ date: string }>(page, 'GET', '/today');
      const habit = await api<{ id: number }>(page, 'POST', '/habits', { name: 'Review one PR', goal_id: oss, start_date: monthsAgo(date, 1) });
      await api(page, 'PUT', `/habits/${habit.id}/check-ins/${date}`, { status: 'done' });
      const entries: [string, string, string, string | null][] = [
        ['How PyTorch autograd works', 'blog_post', 'published', monthsAgo(date, 0)],
        ['Tensor internals from scratch', 'implementation', 'published', monthsAgo(date, 2)],
        ['Fix a dtype bug in tinygrad', 'open_source', 'published', monthsAgo(date, 2)],
        ['Attention, explained with numpy', 'blog_post', 'drafting', null],
        ['A tiny RL gridworld', 'project', 'idea', null],
      ];
      for (const [title, kind, status, published_on] of entries) {
        await api(page, 'POST', '/portfolio-entries', {
          title,
          kind,
          status,
          published_on,
          goal_id: kind === 'open_source' ? oss : null,
          url: status === 'published' ? `https://example.com/${encodeURIComponent(title.toLowerCase().replace(/\W+/g, '-'))}` : null,
          notes: status === 'drafting' ? 'Go deep: derive the gradients by hand first.' : '',
        });
      }

      await page.goto('/goals');
      await page.getByRole('button', { name: 'By area' }).click();
      await expect(page.getByRole('region', { name: /^Fundamentals/ })).toBeVisible();
      await shotBothSchemes(page, 'goals-by-area', tag);
      await page.getByRole('button', { name: 'Importance × enthusiasm' }).click();
      await expect(page.getByRole('region', { name: /^Optional · Cool/ })).toBeVisible();
      await shotBothSchemes(page, 'goals-matrix', tag);
      await page.getByRole('button', { name: 'By area' }).click();

      await page.goto(`/goals/${oss}`);
      await expect(page.getByRole('list', { name: 'Linked action items' })).toBeVisible();
      await shotBothSchemes(page, 'goals-detail', tag);
      await page.getByLabel('Current value of Merged pull requests').fill('x');
      await page.getByLabel('Current value of Merged pull requests').press('Enter');
      await page.getByRole('button', { name: 'Edit goal' }).click();
      await expect(page.getByRole('form', { name: 'Edit goal' })).toBeVisible();
      await shotBothSchemes(page, 'goals-detail-editing', tag);

      await page.goto('/goals/999999');
      await expect(page.getByRole('heading', { name: 'Goal not found' })).toBeVisible();
      await shotBothSchemes(page, 'goals-not-found', tag);

      await page.goto('/portfolio');
      await expect(page.getByText('3 published in the last 12 months')).toBeVisible();
      await shotBothSchemes(page, 'portfolio', tag);
      await page.getByRole('button', { name: 'Edit “Attention, explained with numpy”' }).click();
      await expect(page.getByRole('form', { name: 'Edit Attention, explained with numpy' })).toBeVisible();
      await shotBothSchemes(page, 'portfolio-editing', tag);

      const handle = `asha-${vp.name}-${Date.now().toString(36)}`;
      await page.goto('/settings');
      const section = page.getByRole('region', { name: 'Public profile' });
      await section.getByLabel('Handle').fill(handle);
      await section.getByRole('switch', { name: 'Show my public profile' }).check({ force: true });
      await section.getByRole('button', { name: 'Save public profile' }).click();
      await expect(section.getByText('Saved. Your profile is public.')).toBeVisible();
      await section.scrollIntoViewIfNeeded();
      await shotBothSchemes(page, 'settings-public-profile', tag, false);

      const visitor = await browser.newContext(deviceOptions(vp));
      const pub = await visitor.newPage();
      await pub.goto(`/u/${handle}`);
      await expect(pub.getByRole('heading', { level: 1, name: 'Asha Rao' })).toBeVisible();
      await shotBothSchemes(pub, 'public-profile', tag);
      await pub.goto('/u/nobody-here');
      await expect(pub.getByRole('heading', { level: 1, name: "This profile isn't available" })).toBeVisible();
      await shotBothSchemes(pub, 'public-profile-missing', tag);
      await visitor.close();

      if (vp.mobile) {
        // The narrowest phones in use: still no sideways scrolling anywhere.
        await page.setViewportSize({ width: 360, height: 740 });
        for (const path of ['/goals', `/goals/${oss}`, '/portfolio', '/welcome', '/settings', `/u/${handle}`]) {
          await page.goto(path);
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
          await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
          await expectNoOverflow(page, `${path} overflows at 360 px`);
        }
      }
    });
  });
}
