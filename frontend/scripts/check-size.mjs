// Gzips every JS file that dist/index.html loads up front (the entry module and its
// modulepreloads) and fails when the total is above the budget.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const BUDGET = 60 * 1024;
const dist = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const indexPath = join(dist, 'index.html');
if (!existsSync(indexPath)) {
  console.error('check:size FAILED: dist/index.html not found; run `npm run build` first.');
  process.exit(1);
}
const html = readFileSync(indexPath, 'utf8');
const srcs = new Set();
for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"/g)) srcs.add(m[1]);
for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+\.js)"/g)) srcs.add(m[1]);
if (srcs.size === 0) {
  console.error('check:size FAILED: no JS referenced from dist/index.html');
  process.exit(1);
}
let total = 0;
for (const src of srcs) {
  const file = join(dist, src.replace(/^\//, ''));
  const size = gzipSync(readFileSync(file), { level: 9 }).length;
  total += size;
  console.log(`${(size / 1024).toFixed(1).padStart(7)} KB gzip  ${src}`);
}
const verdict = total <= BUDGET ? 'OK' : 'FAILED';
console.log(`${(total / 1024).toFixed(1).padStart(7)} KB gzip  total initial JS (budget ${BUDGET / 1024} KB): ${verdict}`);
if (total > BUDGET) process.exit(1);
