// Screenshots of the reading pages at phone and desktop widths, light and dark, into
// e2e/screenshots/ (gitignored). They also fail on sideways overflow.
import { expect, test } from './fixtures';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { api, newUser } from './goals.helpers';
import { addDays } from './helpers';
import { mockLookup } from './reading.helpers';
import { deviceOptions, expectNoOverflow, shotBothSchemes, VIEWPORTS } from './screenshot.helpers';

// The lookup is answered in the browser with an offline server's 502 (expected, and handled).
test.use({ allowedConsoleErrors: [/status of 502\b/] });

const LIBRARY_BIB = join(dirname(fileURLToPath(import.meta.url)), '../../backend/tests/reading/fixtures/library.bib');

for (const vp of VIEWPORTS) {
  test.describe(`reading ${vp.name}`, () => {
    test.use(deviceOptions(vp));

    test('pages', async ({ page }) => {
      test.setTimeout(90_000);
      const tag = vp.name;
      await newUser(page);
      await mockLookup(page, { offline: true });

      await page.goto('/reading');
      await expect(page.getByText('Your queue is empty.')).toBeVisible();
      await shotBothSchemes(page, 'reading-empty', tag);

      const { date: today } = await api<{ date: string }>(page, 'GET', '/today');
      const habit = await api<{ id: number }>(page, 'POST', '/habits', {
        name: 'Read 20 pages', kind: 'numeric', target_value: 20, unit: 'pages', start_date: addDays(today, -30),
      });
      await api(page, 'PUT', '/reading-settings', { habit_id: habit.id });
      const ids: number[] = [];
      for (const body of [
        { title: 'Attention Is All You Need', authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'], year: 2017, arxiv_id: '1706.03762', url: 'https://arxiv.org/abs/1706.03762', progress_total: 15, tags: ['transformers'] },
        { title: 'Deep Learning', kind: 'book', authors: ['Ian Goodfellow', 'Yoshua Bengio', 'Aaron Courville'], year: 2016, progress_total: 800, venue: 'MIT Press' },
        { title: 'Neural Networks: Zero to Hero', kind: 'video', authors: ['Andrej Karpathy'], progress_unit: 'minutes', progress_total: 600 },
        { title: 'A Recipe for Training Neural Networks', kind: 'article', authors: ['Andrej Karpathy'], year: 2019 },
        { title: 'Structure and Interpretation of Computer Programs: a rather long title to see how it wraps on a phone', kind: 'book', year: 1996 },
      ]) {
        ids.push((await api<{ id: number }>(page, 'POST', '/reading-items', body)).id);
      }
      for (const [offset, amount] of [[-6, 20], [-5, 25], [-3, 12], [-2, 30], [-1, 22]] as const) {
        await api(page, 'POST', `/reading-items/${ids[1]}/progress`, { amount, date: addDays(today, offset) });
      }
      await api(page, 'POST', `/reading-items/${ids[0]}/progress`, { amount: 9 });
      await api(page, 'POST', `/reading-items/${ids[2]}/progress`, { amount: 90 });
      const done = await api<{ id: number }>(page, 'POST', '/reading-items', { title: 'Random Forests', authors: ['Leo Breiman'], year: 2001, status: 'done', rating: 4 });
      await api(page, 'POST', '/reading-items', { title: 'Some hyped paper', status: 'dropped' });
      await api(page, 'PATCH', `/reading-items/${ids[0]}`, {
        notes: '## Key ideas\n\n- **Scaled dot-product attention**: `softmax(QKᵀ/√d)V`\n- Multi-head attention\n- Positional encodings\n\n<script>alert(1)</script>',
      });

      await page.goto('/reading');
      await expect(page.getByRole('list', { name: 'Reading queue' }).getByRole('listitem')).toHaveCount(5);
      await shotBothSchemes(page, 'reading-queue', tag);
      await page.getByRole('button', { name: 'Log progress on “Deep Learning”' }).click();
      await page.getByText('Count reading toward an action item').click();
      await expect(page.getByLabel('Count reading toward')).toHaveValue(String(habit.id));
      await shotBothSchemes(page, 'reading-queue-log', tag);

      await page.getByLabel('Add to the queue').fill('10.1038/nature14539');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await expect(page.getByText("Couldn't fetch the details: Could not reach Crossref. Enter the details yourself.")).toBeVisible();
      await shotBothSchemes(page, 'reading-add-manual', tag);

      await page.goto(`/reading/${ids[0]}`);
      await expect(page.getByRole('heading', { level: 1, name: 'Attention Is All You Need' })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Key ideas' })).toBeVisible();
      await shotBothSchemes(page, 'reading-item', tag);
      // The notes editor is styled without the sprint pages having loaded: write and preview are tabs.
      await page.getByRole('button', { name: 'Edit notes' }).click();
      await expect(page.getByRole('textbox', { name: 'Notes' })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Notes preview' })).toBeHidden();
      await shotBothSchemes(page, 'reading-item-notes', tag);
      await page.getByRole('button', { name: 'Preview', exact: true }).click();
      await expect(page.getByRole('region', { name: 'Notes preview' })).toBeVisible();
      await expect(page.getByRole('textbox', { name: 'Notes' })).toBeHidden();

      await page.goto('/reading/library');
      await expect(page.getByRole('link', { name: 'Random Forests' })).toBeVisible();
      await expect(page.getByText('Reading streak')).toBeVisible();
      await shotBothSchemes(page, 'reading-library', tag);

      await page.goto('/reading/import');
      await page.getByLabel('Or paste it').fill(readFileSync(LIBRARY_BIB, 'utf8'));
      await page.getByRole('button', { name: 'Preview' }).click();
      await expect(page.getByRole('region', { name: 'Preview' })).toBeVisible();
      await shotBothSchemes(page, 'reading-import-preview', tag);

      await page.goto(`/reading/${done.id}`);
      await expect(page.getByRole('button', { name: 'Read again' })).toBeVisible();

      if (vp.mobile) {
        await page.setViewportSize({ width: 360, height: 740 });
        for (const path of ['/reading', `/reading/${ids[0]}`, '/reading/library', '/reading/import']) {
          await page.goto(path);
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
          await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
          await expectNoOverflow(page, `${path} overflows at 360 px`);
        }
      }
    });
  });
}
