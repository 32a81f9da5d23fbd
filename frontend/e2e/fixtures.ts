// The `test` every spec imports (`import { expect, test } from './fixtures'`): Playwright's own,
// plus a guard that fails the test on any console error, uncaught page error or Content Security
// Policy violation in any page of the test — the default `page`, and pages of contexts the test
// opens with `browser.newContext()`. The backend's CSP (no inline scripts or styles) must never
// block anything the app does, and nothing may throw.
//
// Chromium logs every 4xx answer as "Failed to load resource: … status of 4xx"; the app handles
// those (a 401 while signed out, a 404 for "no current sprint", a 422 shown next to a field), so
// they are not errors here. Anything else a test expects is allowed for the whole file with
// `test.use({ allowedConsoleErrors: [/pattern/] })`, or inside one test with
// `consoleGuard.allow(/pattern/)` (e.g. a 503 the test itself fakes).
import { test as base, type BrowserContext } from '@playwright/test';

export { expect } from '@playwright/test';

const HANDLED_HTTP_ERROR = /^Failed to load resource: the server responded with a status of 4\d\d\b/;

/** Reports every CSP violation on the console, in case the browser does not log one itself. */
const REPORT_CSP_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (e) => {
  console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline code'));
});`;

export interface ConsoleGuard {
  /** Lets console errors matching `pattern` pass in this test (never a CSP violation). */
  allow: (pattern: RegExp) => void;
}

interface Fixtures {
  /** Console errors a test expects (on top of handled 4xx answers). */
  allowedConsoleErrors: RegExp[];
  /** Automatic: collects the problems and fails the test when there are any. */
  consoleGuard: ConsoleGuard;
}

export const test = base.extend<Fixtures>({
  allowedConsoleErrors: [[], { option: true }],
  consoleGuard: [
    async ({ context, browser, allowedConsoleErrors }, use) => {
      const problems: { text: string; csp: boolean }[] = [];
      const allowed = [HANDLED_HTTP_ERROR, ...allowedConsoleErrors];
      const guard = async (ctx: BrowserContext) => {
        ctx.on('console', (msg) => {
          const text = msg.text();
          const csp = /Content Security Policy|CSP violation/i.test(text);
          if (msg.type() === 'error' || csp) problems.push({ text: `console ${msg.type()}: ${text}`, csp });
        });
        ctx.on('weberror', (err) => problems.push({ text: `page error: ${err.error().message}`, csp: false }));
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
        await use({ allow: (pattern) => allowed.push(pattern) });
      } finally {
        browser.newContext = newContext;
      }
      const unexpected = problems
        .filter((p) => p.csp || !allowed.some((re) => re.test(p.text.replace(/^console error: /, ''))))
        .map((p) => p.text);
      base.expect(unexpected, 'console errors, page errors or CSP violations').toEqual([]);
    },
    { auto: true },
  ],
});
