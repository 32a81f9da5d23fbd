import { expect, test } from './fixtures';
import { registerViaApi } from './helpers';

// The API docs are part of the product: scripts' authors try calls there. They must load
// without a CDN (self-hosted, maybe offline) and the Authorize button must sign in.
test('the /docs playground loads offline and Authorize works', async ({ page }) => {
  const account = await registerViaApi(page);
  const failed: string[] = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  await page.goto('/docs');
  // Swagger UI parses and renders the whole schema (160 kB since opportunities and reading): on a
  // busy 2-core machine that alone takes ~5 s, the default timeout.
  await expect(page.locator('.swagger-ui .info .title')).toContainText('Kaizen', { timeout: 20_000 });
  await page.locator('button.authorize').click();
  const oauth = page.locator('.auth-container').filter({ hasText: 'OAuth2PasswordBearer' });
  await oauth.locator('#oauth_username').fill(account.email);
  await oauth.locator('#oauth_password').fill(account.password);
  await oauth.locator('.auth-btn-wrapper .authorize').click();
  await expect(oauth).toContainText('Authorized');
  await page.locator('.btn-done').first().click();
  const me = page.locator('#operations-account-read_me');
  await me.locator('.opblock-summary').click();
  await me.locator('.try-out__btn').click();
  await me.locator('.execute').click();
  await expect(me.locator('.live-responses-table tbody .response-col_status').first()).toHaveText('200');
  await expect(me.locator('.live-responses-table')).toContainText(account.email);
  expect(failed).toEqual([]);
});
