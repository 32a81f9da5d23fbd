// The guard in e2e/fixtures.ts must really fail a test: each of these is expected to fail
// (`test.fail()`), so the suite goes red if the guard ever lets one of them pass.
import { test } from './fixtures';

test('a console error fails the test', async ({ page }) => {
  test.fail();
  await page.goto('/sign-in');
  await page.evaluate(() => console.error('something broke'));
});

test('an uncaught error in the page fails the test', async ({ page }) => {
  test.fail();
  await page.goto('/sign-in');
  await page.evaluate(() => setTimeout(() => { throw new Error('uncaught'); }, 0));
  await page.waitForFunction(() => true);
});

test('a CSP violation (an inline style) fails the test', async ({ page }) => {
  test.fail();
  await page.goto('/sign-in');
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = 'body { color: red; }';
    document.head.append(style);
  });
});

test('problems in a context the test opens itself fail it too', async ({ browser }) => {
  test.fail();
  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  await page.goto('/sign-in');
  await page.evaluate(() => console.error('something broke elsewhere'));
  await visitor.close();
});

test('a handled 4xx answer is not a problem', async ({ page }) => {
  await page.goto('/sign-in'); // GET /me answers 401 while signed out
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
});
