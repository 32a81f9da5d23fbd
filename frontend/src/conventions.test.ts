// The frontend's layout rules (frontend/README.md, "Layout"), checked so that new code follows
// them: requests live in each domain's api.ts, pages are `src/<domain>/<Name>Page.tsx` with a
// default export, and every e2e spec uses the shared guarded `test`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');

function files(dir: string, match: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path, match);
    return match.test(name) ? [path] : [];
  });
}

const rel = (path: string) => relative(ROOT, path).split('\\').join('/');

describe('layout conventions', () => {
  it('only api modules use the raw API client', () => {
    const offenders = files(join(ROOT, 'src'), /\.tsx?$/)
      .filter((path) => !/\.test\.tsx?$/.test(path) && !/\/api\.ts$/.test(path) && !/\/src\/api\//.test(path) && !path.endsWith('.d.ts'))
      .filter((path) => /\bapi\.(GET|POST|PUT|PATCH|DELETE)\(/.test(readFileSync(path, 'utf8')))
      .map(rel);
    expect(offenders).toEqual([]);
  });

  it('every route loads a page module, src/<domain>/<Name>Page.tsx, by its default export', () => {
    const text = readFileSync(join(ROOT, 'src/routes.tsx'), 'utf8');
    const loads = [...text.matchAll(/page\(\(\) => import\('([^']+)'\)([^)]*)\)/g)];
    expect(loads.length).toBeGreaterThan(10);
    // Every `page(` call in the list is one of those loads (none takes a named export).
    expect(text.match(/component: page\(/g)?.length).toBe(loads.length);
    const offenders = loads.filter(([, path, rest]) => !/^\.\/[a-z-]+\/[A-Z]\w*Page$/.test(path!) || rest!.trim() !== '').map(([call]) => call);
    expect(offenders).toEqual([]);
  });

  it('every …Page.tsx module has a default export (the page)', () => {
    const pages = files(join(ROOT, 'src'), /Page\.tsx$/);
    expect(pages.length).toBeGreaterThan(10);
    const offenders = pages.filter((path) => !/^export default /m.test(readFileSync(path, 'utf8'))).map(rel);
    expect(offenders).toEqual([]);
  });

  it('every e2e spec takes `test` from e2e/fixtures.ts (the console, page-error and CSP guard)', () => {
    const specs = files(join(ROOT, 'e2e'), /\.spec\.ts$/);
    expect(specs.length).toBeGreaterThan(0);
    const offenders = specs
      .filter((path) => {
        const text = readFileSync(path, 'utf8');
        return !/import \{[^}]*\btest\b[^}]*\} from '\.\/fixtures';/.test(text) || /import \{[^}]*\btest\b[^}]*\} from '@playwright\/test'/.test(text);
      })
      .map(rel);
    expect(offenders).toEqual([]);
  });
});
