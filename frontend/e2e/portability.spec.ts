import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { signUp } from './helpers';

const DOCUMENT = {
  format: 'kaizen',
  version: 1,
  exported_at: '2026-11-01T00:00:00Z',
  profile: { display_name: 'Imported Asha', timezone: 'UTC', handle: null, public_profile: false, onboarded: true },
  goals: [{ id: 1, title: 'Open source', key_results: [{ title: 'PRs merged', target_value: 5 }] }],
  habits: [
    {
      id: 1,
      name: 'Read papers',
      schedule: { type: 'times_per_week', times: 3 },
      start_date: '2026-10-01',
      goal_id: 1,
      check_ins: [
        { date: '2026-10-02', status: 'done', note: 'attention is all you need' },
        { date: '2026-10-03', status: 'skipped' },
      ],
    },
  ],
  sprints: [],
  portfolio: [],
};

test('import a Kaizen file with a preview, download the export, delete the account', async ({ page }) => {
  const acct = await signUp(page);
  const section = page.getByRole('region', { name: 'Your data' });
  await expect(section).toBeVisible();

  // Import: a preview first (nothing saved), then the result.
  await section.getByLabel('File to import').setInputFiles({
    name: 'kaizen-export.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(DOCUMENT)),
  });
  await expect(section.getByText('Will create: 1 goal, 1 key result, 1 action item, 2 check-ins.')).toBeVisible();
  const before = await page.request.get('/api/v1/habits');
  expect((await before.json()).total).toBe(0);
  await section.getByRole('button', { name: 'Import this file' }).click();
  await expect(section.getByText('Created: 1 goal, 1 key result, 1 action item, 2 check-ins.')).toBeVisible();

  // An invalid file lists its errors by JSON path and changes nothing.
  await section.getByLabel('File to import').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...DOCUMENT, habits: [{ ...DOCUMENT.habits[0], goal_id: 7 }] })),
  });
  await expect(section.getByText('$.habits[0].goal_id: no goals item has id 7')).toBeVisible();

  // Export: the download holds what was imported.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    section.getByRole('link', { name: 'Download your data' }).click(),
  ]);
  const exported = JSON.parse(await readFile((await download.path()) ?? '', 'utf8'));
  expect(exported.format).toBe('kaizen');
  expect(exported.habits[0].name).toBe('Read papers');
  expect(exported.habits[0].check_ins).toHaveLength(2);
  expect(JSON.stringify(exported)).not.toContain(acct.email);

  // Delete: a wrong password keeps everything; the right one signs out for good.
  await section.getByRole('button', { name: 'Delete account…' }).click();
  await section.getByLabel('Your password').fill('not my password');
  await section.getByRole('button', { name: 'Delete everything' }).click();
  await expect(section.getByText('Password is incorrect')).toBeVisible();
  await section.getByLabel('Your password').fill(acct.password);
  await section.getByRole('button', { name: 'Delete everything' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible({ timeout: 15_000 });
  const gone = await page.request.post('/api/v1/auth/token', {
    form: { username: acct.email, password: acct.password },
  });
  expect(gone.status()).toBe(401);
});
