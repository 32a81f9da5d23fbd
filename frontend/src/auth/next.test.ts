import { describe, expect, it } from 'vitest';
import { HOME_PATH } from '../paths';
import { safeNext, signInUrl } from './next';

describe('safeNext', () => {
  it.each([
    ['/settings', '/settings'],
    ['/settings?tab=tokens', '/settings?tab=tokens'],
    [undefined, HOME_PATH],
    ['', HOME_PATH],
    ['//evil.example/x', HOME_PATH],
    ['/\\evil.example', HOME_PATH],
    ['https://evil.example', HOME_PATH],
    ['/sign-in?next=/settings', HOME_PATH],
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
