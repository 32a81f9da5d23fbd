// Screenshots of the applications' CSV import (a preview with a skipped row and a problem) at
// phone and desktop widths, light and dark, into e2e/screenshots/; they fail on sideways overflow.
import { apiSend, signInViaApi } from './api.helpers';
import { expect, test } from './fixtures';
import { deviceOptions, shotBothSchemes, VIEWPORTS } from './screenshot.helpers';

const CSV = [
  'organization,type,role,kind,stage,applied_on,notes',
  'Sarvam AI,ai_product,ML Engineer,job,applied,2026-11-02,Referral from Priya',
  'Google,big_tech,Software Engineer,internship,wishlist,,"DSA, DSA, DSA"',
  'AI4Bharat,research_lab,Research collaboration,research_collaboration,screening,2026-11-10,',
  'Tiger Analytics,analytics,Data Scientist,job,hired,2026-11-03,',
  'Google,big_tech,Software Engineer,internship,wishlist,,again',
].join('\n');

for (const vp of VIEWPORTS) {
  test.describe(`applications import ${vp.name}`, () => {
    test.use(deviceOptions(vp));

    test('import preview', async ({ page }) => {
      test.setTimeout(60_000);
      await signInViaApi(page);
      await apiSend(page, 'POST', '/organizations', { name: 'Sarvam AI', type: 'ai_product' });
      await page.goto('/opportunities/import');
      await page.getByLabel('Or paste it').fill(CSV);
      await page.getByRole('button', { name: 'Preview' }).click();
      await expect(page.getByTestId('csv-counts')).toBeVisible();
      await shotBothSchemes(page, 'applications-import-preview', vp.name);
    });
  });
}
