import { describe, expect, it } from 'vitest';
import { mockApi, takeUnmocked } from './api';

describe('mockApi', () => {
  it('fails loudly on a request nothing is mocked for, naming the method and path', async () => {
    mockApi({ 'GET /api/v1/me': { id: 1 } });
    await expect(fetch(new Request('http://localhost/api/v1/me'))).resolves.toHaveProperty('status', 200);
    await expect(fetch(new Request('http://localhost/api/v1/goals?limit=200'))).rejects.toThrow('mockApi: no mock for GET /api/v1/goals');
    await expect(fetch(new Request('http://localhost/api/v1/goals/3', { method: 'DELETE' }))).rejects.toThrow('no mock for DELETE /api/v1/goals/3');
    // What the shared afterEach would fail this test with; taken here so that it doesn't.
    expect(takeUnmocked()).toEqual(['GET /api/v1/goals', 'DELETE /api/v1/goals/3']);
  });
});
