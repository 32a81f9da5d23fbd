import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { cacheGet, cachePut, clearOffline, enqueue, forgetOthers, onQueueChange, pending, replay, retryable, type QueuedCheckIn } from './queue';
import { memoryStorage, useStorage } from './storage';

const change = (habitId: number, date: string, extra: Partial<QueuedCheckIn> = {}): QueuedCheckIn => ({
  userId: 1,
  habitId,
  habitName: `Habit ${habitId}`,
  date,
  body: { status: 'done', note: '' },
  ...extra,
});

beforeEach(() => useStorage(memoryStorage()));

describe('offline queue', () => {
  it('keeps changes in order, per user, and a later change to the same day replaces the earlier one', async () => {
    await enqueue(change(1, '2026-11-30'));
    await enqueue(change(2, '2026-11-30'));
    await enqueue(change(9, '2026-11-30', { userId: 2 }));
    await enqueue(change(1, '2026-11-30', { body: null }));
    const mine = await pending(1);
    expect(mine.map((c) => [c.habitId, c.body])).toEqual([
      [2, { status: 'done', note: '' }],
      [1, null],
    ]);
    expect(await pending(2)).toHaveLength(1);
  });

  it('does not lose a change when several are queued at once', async () => {
    await Promise.all([1, 2, 3, 4, 5].map((id) => enqueue(change(id, '2026-11-29'))));
    expect((await pending(1)).map((c) => c.habitId)).toEqual([1, 2, 3, 4, 5]);
  });

  it('replays in order and empties the queue', async () => {
    await enqueue(change(1, '2026-11-28'));
    await enqueue(change(2, '2026-11-29'));
    await enqueue(change(3, '2026-11-30'));
    const sent: number[] = [];
    const result = await replay(1, async (c) => void sent.push(c.habitId));
    expect(sent).toEqual([1, 2, 3]);
    expect(result.synced).toHaveLength(3);
    expect(result.remaining).toBe(0);
    expect(await pending(1)).toEqual([]);
  });

  it('drops a change for a deleted item (404) with a message and goes on with the rest', async () => {
    await enqueue(change(1, '2026-11-30', { habitName: 'Gym' }));
    await enqueue(change(2, '2026-11-30'));
    const sent: number[] = [];
    const result = await replay(1, async (c) => {
      if (c.habitId === 1) throw new ApiError(404, 'Habit not found');
      sent.push(c.habitId);
    });
    expect(sent).toEqual([2]);
    expect(result.dropped).toHaveLength(1);
    expect(result.dropped[0]!.reason).toMatch(/^Gym was deleted/);
    expect(await pending(1)).toEqual([]);
  });

  it('stops at the first change that cannot be sent yet and keeps it and the rest, in order', async () => {
    await enqueue(change(1, '2026-11-30'));
    await enqueue(change(2, '2026-11-30'));
    await enqueue(change(3, '2026-11-30'));
    const result = await replay(1, async (c) => {
      if (c.habitId === 2) throw new ApiError(0, 'offline');
    });
    expect(result.synced.map((c) => c.habitId)).toEqual([1]);
    expect(result.remaining).toBe(2);
    expect((await pending(1)).map((c) => c.habitId)).toEqual([2, 3]);
  });

  it('sends a change queued during the replay after the ones before it', async () => {
    await enqueue(change(1, '2026-11-30'));
    const sent: number[] = [];
    await replay(1, async (c) => {
      sent.push(c.habitId);
      if (c.habitId === 1) await enqueue(change(2, '2026-11-30'));
    });
    expect(sent).toEqual([1, 2]);
    expect(await pending(1)).toEqual([]);
  });

  it('joins a replay already running instead of sending twice', async () => {
    await enqueue(change(1, '2026-11-30'));
    let calls = 0;
    const send = async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 5));
    };
    await Promise.all([replay(1, send), replay(1, send)]);
    expect(calls).toBe(1);
  });

  it('classifies errors: retry offline, signed out, throttled or server trouble; give up on the rest', () => {
    expect(retryable(new ApiError(0, ''))).toBe(true);
    expect(retryable(new ApiError(401, ''))).toBe(true);
    expect(retryable(new ApiError(503, ''))).toBe(true);
    expect(retryable(new ApiError(429, ''))).toBe(true);
    expect(retryable(new ApiError(404, ''))).toBe(false);
    expect(retryable(new ApiError(422, ''))).toBe(false);
  });

  it('caches a payload per user and forgets everything on sign-out', async () => {
    let changes = 0;
    const stop = onQueueChange(() => changes++);
    await cachePut(1, 'today', { date: '2026-11-30' });
    await enqueue(change(1, '2026-11-30'));
    expect(await cacheGet(1, 'today')).toEqual({ date: '2026-11-30' });
    expect(await cacheGet(2, 'today')).toBeNull();
    await clearOffline();
    expect(await cacheGet(1, 'today')).toBeNull();
    expect(await pending(1)).toEqual([]);
    expect(changes).toBe(2);
    stop();
  });

  it('forgets what another account left on the device when someone signs in', async () => {
    await enqueue(change(1, '2026-11-30'));
    await enqueue(change(5, '2026-11-30', { userId: 2 }));
    await cachePut(1, 'today', { date: 'mine' });
    await forgetOthers(2);
    expect(await pending(1)).toEqual([]);
    expect(await pending(2)).toHaveLength(1);
    expect(await cacheGet(1, 'today')).toBeNull();
  });
});
