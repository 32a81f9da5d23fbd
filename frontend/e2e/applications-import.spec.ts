// The applications' CSV round trip in the browser: export the CSV, delete the applications,
// import the file with a preview (found from Settings → Your data), and they are back.
import { readFile } from 'node:fs/promises';
import { apiGet, apiSend, signInViaApi } from './api.helpers';
import { expect, test } from './fixtures';

interface App {
  id: number;
  role: string;
  stage: string;
  notes: string;
  organization: { name: string };
}

test('export CSV of some applications, delete them, import with a preview: they are back', async ({ page }) => {
  await signInViaApi(page);
  const sarvam = await apiSend<{ id: number }>(page, 'POST', '/organizations', { name: 'Sarvam AI', type: 'ai_product' });
  const google = await apiSend<{ id: number }>(page, 'POST', '/organizations', { name: 'Google', type: 'big_tech' });
  await apiSend(page, 'POST', '/applications', { organization_id: sarvam.id, role: 'ML Engineer', stage: 'applied', notes: '=not a formula' });
  const swe = await apiSend<{ id: number }>(page, 'POST', '/applications', { organization_id: google.id, role: 'Software Engineer' });
  await apiSend(page, 'PATCH', `/applications/${swe.id}`, { stage: 'rejected' });

  // Export from the board's sub-navigation.
  await page.goto('/opportunities');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
  const csv = await readFile((await download.path()) ?? '', 'utf8');
  expect(csv).toContain("'=not a formula");

  for (const app of (await apiGet<{ items: App[] }>(page, '/applications')).items) {
    await apiSend(page, 'DELETE', `/applications/${app.id}`);
  }
  expect((await apiGet(page, '/applications')).total).toBe(0);

  // Settings → Your data leads to the import page.
  await page.goto('/settings');
  await page.getByRole('region', { name: 'Your data' }).getByRole('link', { name: 'Import applications (CSV)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import applications' })).toBeVisible();

  await page.getByLabel('Upload a file').setInputFiles({ name: 'applications.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByTestId('csv-counts')).toContainText('2 applications will be created');
  await expect(preview.getByText('Already yours: Sarvam AI, Google.')).toBeVisible();
  expect((await apiGet(page, '/applications')).total).toBe(0); // the preview saved nothing

  await page.getByRole('button', { name: 'Import 2 applications' }).click();
  await expect(page.getByText('Imported 2 applications.')).toBeVisible();
  const back = (await apiGet<{ items: App[] }>(page, '/applications')).items;
  expect(back.map((a) => [a.organization.name, a.role, a.stage]).sort()).toEqual([
    ['Google', 'Software Engineer', 'rejected'],
    ['Sarvam AI', 'ML Engineer', 'applied'],
  ]);
  expect(back.find((a) => a.role === 'ML Engineer')?.notes).toBe('=not a formula');

  // On the board again; and a second import of the same file adds nothing.
  await page.getByRole('link', { name: 'the board' }).click();
  await expect(page.getByText('ML Engineer').first()).toBeVisible();
  await page.goto('/opportunities/import');
  await page.getByLabel('Or paste it').fill(csv);
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('csv-counts')).toContainText('0 applications will be created · 2 skipped');
  await expect(page.getByRole('button', { name: /^Import \d/ })).toHaveCount(0);
});
