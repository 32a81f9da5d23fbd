import { cleanup } from '@testing-library/preact';
import { afterEach, vi } from 'vitest';
import { memoryStorage, useStorage } from '../offline/storage';
import { clearCache } from '../api/cache';

afterEach(() => {
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
});
