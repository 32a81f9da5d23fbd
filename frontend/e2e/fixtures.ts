// The `test` every spec imports (`import { expect, test } from './fixtures'`): Playwright's own,
// plus a guard that fails the test on any console error, uncaught page error or Content Security
// Policy violation in any page of the test — the default `page`, and pages of contexts the test
// opens with `browser.newContext()`. The backend's CSP (no inline scripts or styles) must never
// block anything the app does, and nothing may throw.
//
// Chromium logs every 4xx answer as "Failed to load resource: … status of 4xx"; the app handles
// those (a 401 while signed out, a 404 for "no current sprint", a 422 shown next to a field), so
// they are not errors here. Anything else a test expects is allowed with
// `test.use({ allowedConsoleErrors: [/pattern/] })`.
import { test as base, type BrowserContext } from '@playwright/test';

export { expect } from '@playwright/test';

const HANDLED_HTTP_ERROR = /^Failed to load resource: the server responded with a status of 4\d\d\b/;

/** Reports every CSP violation on the console, in case the browser does not log one itself. */
const REPORT_CSP_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (e) => {
  console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline code'));
});`;

interface Fixtures {
  /** Console errors a test expects (on top of handled 4xx answers). */
  allowedConsoleErrors: RegExp[];
  /** Automatic: collects the problems and fails the test when there are any. */
  consoleGuard: string[];
}

export const test = base.extend<Fixtures>({
  allowedConsoleErrors: [[], { option: true }],
  consoleGuard: [
    async ({ context, browser, allowedConsoleErrors }, use) => {
      const problems: string[] = [];
      const allowed = [HANDLED_HTTP_ERROR, ...allowedConsoleErrors];
      const guard = async (ctx: BrowserContext) => {
        ctx.on('console', (msg) => {
          const text = msg.text();
          const csp = /Content Security Policy|CSP violation/i.test(text);
          if ((msg.type() === 'error' || csp) && (csp || !allowed.some((re) => re.test(text)))) {
            problems.push(`console ${msg.type()}: ${text}`);
          }
        });
        ctx.on('weberror', (err) => problems.push(`page error: ${err.error().message}`));
        await ctx.addInitScript({ content: REPORT_CSP_VIOLATIONS });
      };
      await guard(context);
      // Contexts the test opens itself (another user, a signed-out visitor, a phone) are guarded too.
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args: Parameters<typeof newContext>) => {
        const ctx = await newContext(...args);
        await guard(ctx);
        return ctx;
      };
      try {
        await use(problems);
      } finally {
        browser.newContext = newContext;
      }
      base.expect(problems, 'console errors, page errors or CSP violations').toEqual([]);
    },
    { auto: true },
  ],
});
