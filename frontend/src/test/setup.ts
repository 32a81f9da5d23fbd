import { cleanup } from '@testing-library/preact';
import { afterEach, vi } from 'vitest';
import { clearCache } from '../api/cache';
import { takeUnmocked } from './api';

afterEach(() => {
  const unmocked = takeUnmocked();
  cleanup();
  clearCache();
  vi.unstubAllGlobals();
  localStorage.clear();
  document.cookie.split(';').forEach((c) => {
    const name = c.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  });
  history.replaceState(null, '', '/');
  if (unmocked.length > 0) {
    throw new Error(`The test made requests nothing was mocked for: ${[...new Set(unmocked)].join(', ')}`);
  }
});
