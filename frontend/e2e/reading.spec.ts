// The reading queue end to end: paste an arXiv link (offline here, so the manual form takes
// over), read it over several days with progress counting toward "Read 20 pages", finish it,
// start a blog post from it, import a Zotero-style .bib and export the library back.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiGet, apiSend, serverToday } from './api.helpers';
import { addDays } from './helpers';
import { newUser } from './goals.helpers';

const LIBRARY_BIB = join(dirname(fileURLToPath(import.meta.url)), '../../backend/tests/reading/fixtures/library.bib');

test('paste → read over days → done → blog post → import → export', async ({ page }) => {
  test.setTimeout(90_000);
  await newUser(page);
  const today = await serverToday(page);
  const habit = await apiSend<{ id: number }>(page, 'POST', '/habits', {
    name: 'Read 20 pages',
    kind: 'numeric',
    target_value: 20,
    unit: 'pages',
    start_date: addDays(today, -7),
  });

  await page.goto('/reading');
  await expect(page.getByRole('heading', { level: 1, name: 'Reading' })).toBeVisible();
  await expect(page.getByText('Your queue is empty.')).toBeVisible();

  // Reading counts toward the action item.
  await page.getByText('Count reading toward an action item').click();
  await page.getByLabel('Count reading toward').selectOption({ label: 'Read 20 pages' });
  await expect(page.getByText('Reading in pages now counts toward “Read 20 pages”.')).toBeVisible();

  // Paste an arXiv link: the lookup cannot reach arXiv, so the form opens with the id filled in.
  await page.getByLabel('Add to the queue').fill('https://arxiv.org/abs/1706.03762');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByText(/Couldn't fetch the details|No record was found/)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByLabel('arXiv id')).toHaveValue('1706.03762');
  await expect(page.getByLabel('Link')).toHaveValue('https://arxiv.org/abs/1706.03762');
  await page.getByRole('button', { name: 'Add to queue' }).click();
  await expect(page.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Title').fill('Attention Is All You Need');
  await page.getByLabel('Year').fill('2017');
  await page.getByLabel('Authors').fill('Ashish Vaswani\nNoam Shazeer');
  await page.getByLabel('Length').fill('60');
  await page.getByRole('button', { name: 'Add to queue' }).click();
  await expect(page.getByText('Added “Attention Is All You Need” to the end of the queue.')).toBeVisible();
  const queue = page.getByRole('list', { name: 'Reading queue' });
  await expect(queue.getByRole('link')).toHaveText(['Attention Is All You Need']);

  // A title typed in is added as it is; the keyboard moves it to the top.
  await page.getByLabel('Add to the queue').fill('The Pragmatic Programmer');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(queue.getByRole('link')).toHaveText(['Attention Is All You Need', 'The Pragmatic Programmer']);
  await page.getByRole('button', { name: 'Move “The Pragmatic Programmer” up' }).click();
  await expect(queue.getByRole('link')).toHaveText(['The Pragmatic Programmer', 'Attention Is All You Need']);
  await page.reload();
  await expect(queue.getByRole('link')).toHaveText(['The Pragmatic Programmer', 'Attention Is All You Need']);
  // …and dragging a row's handle (mouse here; touch uses the same pointer events) moves it back.
  const handle = queue.getByRole('listitem').nth(1).locator('.rd-handle');
  const target = queue.getByRole('listitem').nth(0);
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + 10, { steps: 8 });
  await page.mouse.up();
  await expect(queue.getByRole('link')).toHaveText(['Attention Is All You Need', 'The Pragmatic Programmer']);
  await expect.poll(async () => (await apiGet<{ items: { title: string }[] }>(page, '/reading-items')).items.map((i) => i.title)).toEqual([
    'Attention Is All You Need',
    'The Pragmatic Programmer',
  ]);

  // Start it in one press, then read it over four days from its page.
  await page.getByRole('button', { name: 'Start “Attention Is All You Need”' }).click();
  await expect(page.getByText('Started “Attention Is All You Need”.')).toBeVisible();
  await queue.getByRole('link', { name: 'Attention Is All You Need' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Attention Is All You Need' })).toBeVisible();
  const days: [number, number][] = [[-3, 8], [-2, 12], [-1, 20], [0, 20]];
  for (const [offset, pages] of days) {
    await page.getByLabel('Pages read').fill(String(pages));
    if (offset !== 0) await page.getByLabel('On (default today)').fill(addDays(today, offset));
    else await page.getByLabel('On (default today)').fill('');
    await page.getByRole('button', { name: 'Log', exact: true }).click();
    await expect(page.getByText(`Logged ${pages} pages. Your reading action item has ${pages} pages for the day.`)).toBeVisible();
  }
  await expect(page.getByText('60 of 60 pages')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Progress log' }).getByRole('listitem')).toHaveCount(4);
  const checkIns = await apiGet<{ date: string; value: number; status: string }[] | { items: { date: string; value: number; status: string }[] }>(
    page,
    `/habits/${habit.id}/check-ins?from=${addDays(today, -7)}&to=${today}`,
  );
  const rows = Array.isArray(checkIns) ? checkIns : checkIns.items;
  expect(rows.map((c) => [c.date, c.value, c.status])).toEqual(
    days.map(([offset, pages]) => [addDays(today, offset), pages, pages >= 20 ? 'done' : 'missed']),
  );

  // Finish, rate, and start the write-up in one step.
  await page.getByRole('button', { name: 'Finish' }).click();
  await expect(page.getByText('Marked done. Well read!')).toBeVisible();
  await page.getByRole('button', { name: '5 of 5' }).click();
  await expect(page.getByRole('button', { name: '5 of 5' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Start a blog post from this' }).click();
  await expect(page.getByText('Started “Notes on Attention Is All You Need” as a draft in your portfolio.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open the write-up in your portfolio' })).toBeVisible();
  await page.goto('/portfolio');
  await expect(page.getByText('Notes on Attention Is All You Need')).toBeVisible();

  // The library shows it, and the search finds it by author.
  await page.goto('/reading/library');
  await page.getByLabel('Search').fill('shazeer');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Attention Is All You Need' })).toBeVisible();

  // Import a 50-entry .bib: the preview shows what will happen, then the import does it.
  await page.goto('/reading/import');
  await page.getByLabel('Upload a file').setInputFiles(LIBRARY_BIB);
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByText(/44\s+will be added · 4\s+already in your library or repeated \(skipped\) · 2\s+could not be read/)).toBeVisible();
  await expect(preview.getByText('Line 396:', { exact: false })).toBeVisible();
  await expect(preview.getByRole('cell', { name: 'Über formal unentscheidbare Sätze', exact: false })).toBeVisible();
  expect((await apiGet<{ total: number }>(page, '/reading-items')).total).toBe(2);
  await page.getByRole('button', { name: 'Import 44 items' }).click();
  await expect(page.getByText('Imported 44 items.')).toBeVisible();
  expect((await apiGet<{ total: number }>(page, '/reading-items')).total).toBe(46);

  // Export it back as BibTeX.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download BibTeX (.bib)' }).click();
  const file = await (await download).path();
  const bib = readFileSync(file, 'utf8');
  expect(bib.match(/^@\w+\{/gm)).toHaveLength(46);
  expect(bib).toContain('@misc{vaswani2017attention,');
  expect(bib).toContain('title = {{Attention Is All You Need}}');
});
