import { defineConfig } from '@playwright/test';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// End-to-end tests drive the real backend: the webServer step builds the SPA, then starts
// `kaizen serve` on a throwaway SQLite file (it migrates on start) serving frontend/dist.
const PORT = Number(process.env.KAIZEN_E2E_PORT ?? 8765);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const here = dirname(fileURLToPath(import.meta.url));
const database = join(tmpdir(), `kaizen-e2e-${process.pid}-${Date.now()}.db`);
// KAIZEN_E2E_BIN points at another `kaizen` executable (e.g. a checkout of a known-good backend).
const kaizen = process.env.KAIZEN_E2E_BIN ?? resolve(here, '../backend/.venv/bin/kaizen');
// KAIZEN_E2E_DIST builds into another folder, so several e2e runs can share one checkout.
const dist = process.env.KAIZEN_E2E_DIST ?? resolve(here, 'dist');
// KAIZEN_E2E_OUTPUT puts traces and failure screenshots elsewhere, so parallel runs don't wipe
// each other's results (Playwright empties outputDir when a run starts).
const outputDir = process.env.KAIZEN_E2E_OUTPUT ?? './test-results';
// Read by e2e/global-teardown.ts, which deletes the database afterwards.
process.env.KAIZEN_E2E_DB ??= database;

export default defineConfig({
  testDir: './e2e',
  globalTeardown: './e2e/global-teardown.ts',
  outputDir,
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    // The app's service worker (offline shell) is off in the browser tests, so no spec depends on
    // what an earlier visit cached; e2e/pwa.spec.ts turns it on to test installing and offline.
    serviceWorkers: 'block',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's Chromium; never `npx playwright install` (no browser downloads here).
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `npm run build -- --outDir "${dist}" --emptyOutDir && "${kaizen}" serve --host 127.0.0.1 --port ${PORT}`,
    cwd: here,
    url: `${BASE_URL}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      KAIZEN_DATABASE_URL: `sqlite:///${database}`,
      KAIZEN_FRONTEND_DIST: dist,
      KAIZEN_ACCESS_LOG: 'false',
      KAIZEN_ALLOW_SIGNUP: 'true',
      // Every test signs up its own people, all from 127.0.0.1: the per-address sign-up
      // limit (20 per window) would otherwise refuse the suite's later tests.
      KAIZEN_REGISTER_MAX_PER_WINDOW: '100000',
      // A real argon2id hash at a small cost: the suite signs up hundreds of people, and the
      // recommended cost is ~0.2 s of CPU per sign-up and per sign-in.
      KAIZEN_PASSWORD_HASH_MEMORY_KIB: '1024',
      KAIZEN_PASSWORD_HASH_TIME_COST: '1',
      KAIZEN_PASSWORD_HASH_PARALLELISM: '1',
    },
  },
});
