// The reading queue end to end: paste an arXiv link (its lookup fails, so the manual form takes
// over), read it over a week with progress counting toward "Read 20 pages", finish it, start a
// blog post from it, import a Zotero-style .bib (preview first), filter the library, and export
// it back as .bib and .ris. Reordering by drag (mouse and finger) and keyboard is checked too.
import { expect, test } from './fixtures';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiGet, apiSend, serverToday } from './api.helpers';
import { addDays, touchDrag } from './helpers';
import { newUser } from './goals.helpers';
import { mockLookup } from './reading.helpers';

// The lookup is answered here, in the browser, so no test touches arXiv or Crossref: first the
// 502 an offline server gives (Chromium logs it; the page handles it), then a found record.
test.use({ allowedConsoleErrors: [/status of 502\b/] });

const LIBRARY_BIB = join(dirname(fileURLToPath(import.meta.url)), '../../backend/tests/reading/fixtures/library.bib');

test('paste → read over days → done → blog post → import → export', async ({ page }) => {
  test.setTimeout(180_000);
  await newUser(page);
  const today = await serverToday(page);
  const habit = await apiSend<{ id: number }>(page, 'POST', '/habits', {
    name: 'Read 20 pages',
    kind: 'numeric',
    target_value: 20,
    unit: 'pages',
    start_date: addDays(today, -7),
  });

  const asked = await mockLookup(page);
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
  await expect(page.getByText("Couldn't fetch the details: Could not reach arXiv. Enter the details yourself.")).toBeVisible();
  expect(asked).toEqual(['https://arxiv.org/abs/1706.03762']);
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

  // A DOI whose lookup finds the paper fills the form; cancelling adds nothing.
  await page.getByLabel('Add to the queue').fill('https://doi.org/10.1038/nature14539');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByText('Found on Crossref. Check the details and add it.')).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue('Deep learning');
  await expect(page.getByLabel('Authors')).toHaveValue('Yann LeCun\nYoshua Bengio\nGeoffrey Hinton');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(queue.getByRole('link')).toHaveCount(2);

  // Start it in one press, then read it over a week from its page.
  await page.getByRole('button', { name: 'Start “Attention Is All You Need”' }).click();
  await expect(page.getByText('Started “Attention Is All You Need”.')).toBeVisible();
  await queue.getByRole('link', { name: 'Attention Is All You Need' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Attention Is All You Need' })).toBeVisible();
  const days: [number, number][] = [[-6, 8], [-4, 12], [-2, 20], [0, 20]];
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

  // The library: finished items, filtered by kind, tag and year, with the stats and their text.
  const all = await apiGet<{ items: { id: number; citation_key: string }[] }>(page, '/reading-items?limit=200');
  const byKey = new Map(all.items.map((i) => [i.citation_key, i.id]));
  for (const key of ['goodfellow2016deep', 'sutton2018rl', 'cs231n']) {
    await apiSend(page, 'PATCH', `/reading-items/${byKey.get(key)}`, { status: 'done' });
  }
  await page.goto('/reading/library');
  const library = page.locator('.rd-library');
  await expect(library.getByRole('link')).toHaveCount(4);
  await expect(page.getByText('4 items')).toBeVisible();
  await page.getByLabel('Kind').selectOption({ label: 'Course' });
  await expect(library.getByRole('link')).toHaveText(['CS231n: Deep Learning for Computer Vision']);
  await page.getByLabel('Kind').selectOption({ label: 'All kinds' });
  await page.getByLabel('Tag').selectOption('fundamentals');
  await expect(library.getByRole('link')).toHaveText([/^Reinforcement Learning/]);
  await page.getByLabel('Tag').selectOption({ label: 'All tags' });
  await page.getByLabel('Year').fill('2017');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(library.getByRole('link')).toHaveText(['CS231n: Deep Learning for Computer Vision', 'Attention Is All You Need']);
  await page.getByLabel('Year').fill('1850');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByText('Nothing matches these filters.')).toBeVisible();
  // The charts' text equivalent: a table per chart for screen readers.
  const pagesTable = page.getByRole('table', { name: 'Pages per week, last 12 weeks' });
  await expect(pagesTable.getByRole('row')).toHaveCount(12);
  const weekOf = (iso: string) => addDays(iso, -((new Date(`${iso}T12:00:00Z`).getUTCDay() + 6) % 7));
  const thisWeek = days.filter(([offset]) => weekOf(addDays(today, offset)) === weekOf(today)).reduce((sum, [, pages]) => sum + pages, 0);
  await expect(pagesTable.getByRole('row').last()).toContainText(`: ${thisWeek} pages`);
  await expect(page.getByRole('table', { name: 'Finished per month' }).getByRole('row').last()).toContainText('2 books, 1 course, 1 paper');

  // Export it back as BibTeX and as RIS.
  await page.goto('/reading/import');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download BibTeX (.bib)' }).click();
  const file = await (await download).path();
  const bib = readFileSync(file, 'utf8');
  expect(bib.match(/^@\w+\{/gm)).toHaveLength(46);
  expect(bib).toContain('@misc{vaswani2017attention,');
  expect(bib).toContain('title = {{Attention Is All You Need}}');
  const risDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download RIS (.ris)' }).click();
  const ris = readFileSync(await (await risDownload).path(), 'utf8');
  expect(ris.match(/^TY {2}- /gm)).toHaveLength(46);
  expect(ris).toContain('ID  - vaswani2017attention');
});

test.describe('on a touch screen', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('a finger drags a queue item by its grip, and the order is saved', async ({ page }) => {
    await newUser(page);
    for (const title of ['First paper', 'Second paper', 'Third paper']) await apiSend(page, 'POST', '/reading-items', { title });
    await page.goto('/reading');
    const rows = page.getByRole('list', { name: 'Reading queue' }).getByRole('listitem');
    await expect(rows).toHaveCount(3);
    await touchDrag(page, rows.nth(2).locator('.rd-handle'), rows.nth(0).locator('.rd-handle'));
    await expect(rows.locator('.rd-row-title')).toHaveText(['Third paper', 'First paper', 'Second paper']);
    await expect.poll(async () => (await apiGet<{ items: { title: string }[] }>(page, '/reading-items')).items.map((i) => i.title)).toEqual(['Third paper', 'First paper', 'Second paper']);
    // The keyboard way: focus stays on the moved item's button, and the move is announced.
    await page.getByRole('button', { name: 'Move “First paper” down' }).focus();
    await page.keyboard.press('Enter');
    await expect(rows.locator('.rd-row-title')).toHaveText(['Third paper', 'Second paper', 'First paper']);
    await expect(page.getByText('“First paper” moved to position 3 of 3.')).toBeAttached();
    await expect(page.getByRole('button', { name: 'Move “First paper” up' })).toBeFocused();
    await expect.poll(async () => (await apiGet<{ items: { title: string }[] }>(page, '/reading-items')).items.map((i) => i.title)).toEqual(['Third paper', 'Second paper', 'First paper']);
  });
});
