import { describe, expect, it } from 'vitest';
import { safeNext, signInUrl } from './next';

describe('safeNext', () => {
  it.each([
    ['/settings', '/settings'],
    ['/settings?tab=tokens', '/settings?tab=tokens'],
    [undefined, '/settings'],
    ['', '/settings'],
    ['//evil.example/x', '/settings'],
    ['/\\evil.example', '/settings'],
    ['https://evil.example', '/settings'],
    ['/sign-in?next=/settings', '/settings'],
  ])('%s → %s', (raw, expected) => {
    expect(safeNext(raw)).toBe(expected);
  });
});

describe('signInUrl', () => {
  it('carries the page to come back to', () => {
    expect(signInUrl('/settings?x=1')).toBe('/sign-in?next=%2Fsettings%3Fx%3D1');
    expect(signInUrl('/')).toBe('/sign-in');
  });
});
