import { describe, expect, it, vi } from 'vitest';
import { json, mockApi, USER } from '../test/api';
import { api, onUnauthorized } from './client';

describe('api client', () => {
  it('sends the CSRF cookie back as a header on unsafe requests only', async () => {
    document.cookie = 'kaizen_csrf=abc123; path=/';
    const mock = mockApi({ 'GET /api/v1/me': USER, 'POST /api/v1/auth/logout': json(204) });
    await api.GET('/api/v1/me');
    await api.POST('/api/v1/auth/logout');
    expect(mock.calls[0]?.headers.get('X-CSRF-Token')).toBeNull();
    expect(mock.calls[1]?.headers.get('X-CSRF-Token')).toBe('abc123');
  });

  it('tells listeners about a 401, except from sign-in itself', async () => {
    mockApi({
      'GET /api/v1/me': json(401, { detail: 'Not authenticated' }),
      'POST /api/v1/auth/login': json(401, { detail: 'Wrong email or password' }),
    });
    const listener = vi.fn();
    const stop = onUnauthorized(listener);
    await api.POST('/api/v1/auth/login', { body: { email: 'a@b.co', password: 'x' } });
    expect(listener).not.toHaveBeenCalled();
    await api.GET('/api/v1/me');
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
  });
});
