// An admin for the e2e specs. The first account of the shared e2e database is whoever signs up
// first, so specs that need an admin create one with the `kaizen users create --admin` command
// against the same database the server uses (KAIZEN_E2E_DB, set in playwright.config.ts).
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import { PASSWORD, uniqueEmail, type Account } from './helpers';

const here = dirname(fileURLToPath(import.meta.url));
const kaizen = process.env.KAIZEN_E2E_BIN ?? resolve(here, '../../backend/.venv/bin/kaizen');

export function createAdmin(): Account {
  const db = process.env.KAIZEN_E2E_DB;
  if (!db) throw new Error('KAIZEN_E2E_DB is not set (see playwright.config.ts)');
  const acct: Account = { email: uniqueEmail('admin'), password: PASSWORD, name: 'Admin' };
  execFileSync(
    kaizen,
    ['users', 'create', '--admin', '--email', acct.email, '--password', acct.password, '--display-name', acct.name, '--timezone', 'Asia/Kolkata'],
    { env: { ...process.env, KAIZEN_DATABASE_URL: `sqlite:///${db}` }, stdio: 'pipe' },
  );
  return acct;
}

/** Signs the page's browser context in as `acct` through the API. */
export async function signInAs(page: Page, acct: Account): Promise<void> {
  const res = await page.request.post('/api/v1/auth/login', { data: { email: acct.email, password: acct.password } });
  expect(res.status()).toBe(200);
}
