// Fails when src/api/schema.d.ts is not what openapi-typescript makes from src/api/openapi.json.
// Regenerate with `npm run gen:api` (or `make client`, which also re-exports openapi.json).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const committed = join(root, 'src/api/schema.d.ts');
const dir = mkdtempSync(join(tmpdir(), 'kaizen-api-'));
const fresh = join(dir, 'schema.d.ts');
try {
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/openapi-typescript/bin/cli.js'), join(root, 'src/api/openapi.json'), '-o', fresh],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const a = readFileSync(committed, 'utf8');
  const b = readFileSync(fresh, 'utf8');
  if (a !== b) {
    console.error(
      'check:api FAILED: src/api/schema.d.ts is out of date with src/api/openapi.json.\n' +
        'Run `npm run gen:api` (or `make client` to re-export the OpenAPI document too) and commit the result.',
    );
    process.exit(1);
  }
  console.log('check:api OK: src/api/schema.d.ts matches src/api/openapi.json');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
