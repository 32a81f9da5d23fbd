import { cleanup, configure } from '@testing-library/preact';
import { afterEach, vi } from 'vitest';
import { memoryStorage, useStorage } from '../offline/storage';
import { clearCache } from '../api/cache';
import { takeUnmocked } from './api';

// findBy…/waitFor give up after 3 s, not 1 s: a lazily loaded page's first transform can take
// longer than a second on a busy machine (a passing test never waits for this).
configure({ asyncUtilTimeout: 3000 });

afterEach(() => {
  const unmocked = takeUnmocked();
  cleanup();
  // The offline store (queue, cached pages, who was signed in) starts empty in every test.
  useStorage(memoryStorage());
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
