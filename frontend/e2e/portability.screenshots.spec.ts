// Screenshots of Settings → Your data at phone and desktop widths, light and dark, into
// e2e/screenshots/ (gitignored): a preview of an import, and the account-deletion form.
// They also fail on sideways overflow.
import { expect, test } from './fixtures';
import { newUser } from './goals.helpers';
import { deviceOptions, shotBothSchemes, VIEWPORTS } from './screenshot.helpers';

const DOCUMENT = {
  format: 'kaizen',
  version: 1,
  exported_at: '2026-11-01T00:00:00Z',
  goals: [{ id: 1, title: 'Open source' }],
  habits: [
    {
      id: 1,
      name: 'Read papers',
      schedule: { type: 'daily' },
      start_date: '2026-10-01',
      check_ins: [{ date: '2026-10-02', status: 'done' }],
    },
  ],
};

for (const vp of VIEWPORTS) {
  test.describe(`portability ${vp.name}`, () => {
    test.use(deviceOptions(vp));

    test('your data', async ({ page }) => {
      test.setTimeout(60_000);
      await newUser(page, 'Asha Rao');
      await page.goto('/settings');
      const section = page.getByRole('region', { name: 'Your data' });
      await section.getByLabel('File to import').setInputFiles({
        name: 'kaizen-export.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(DOCUMENT)),
      });
      await expect(section.getByText(/^Will create:/)).toBeVisible();
      await section.getByRole('button', { name: 'Delete account…' }).click();
      await expect(section.getByLabel('Your password')).toBeVisible();
      await shotBothSchemes(page, 'portability-your-data', vp.name);
    });
  });
}
