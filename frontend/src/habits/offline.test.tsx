import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { beforeEach, describe, expect, it } from 'vitest';
import { SessionProvider } from '../auth/session';
import { pending } from '../offline/queue';
import { memoryStorage, useStorage } from '../offline/storage';
import { describeOffline } from '../offline/useOfflineSync';
import { json, mockApi, NO_SPRINT, USER } from '../test/api';
import type { TodayRead } from './api';
import { makeHabit } from './testData';
import { expectedStatus, withQueued } from './offline';
import TodayPage from './TodayPage';

const DATE = '2026-11-30';
const habit = makeHabit;
const day = (date: string) => ({ date, status: null, value: null, note: '', scheduled: true });
const TODAY: TodayRead = {
  date: DATE,
  timezone: 'Asia/Kolkata',
  habits: [1, 2].map((id) => ({
    habit: habit(id, id === 1 ? 'Gym' : 'Read'),
    today: null,
    last_7_days: ['2026-11-29', DATE].map(day),
    current_streak: 0,
    streak_unit: 'days' as const,
    rate_14d: null,
    in_progress: false,
  })),
};

beforeEach(() => useStorage(memoryStorage()));

describe('Today offline', () => {
  it('predicts the status the server will give a value', () => {
    const pages = habit(1, 'Read', { kind: 'numeric', target_value: 20, target_type: 'at_least' });
    expect(expectedStatus(pages, { value: 25, note: '' })).toBe('done');
    expect(expectedStatus(pages, { value: 5, note: '' })).toBe('missed');
    expect(expectedStatus({ ...pages, target_type: 'at_most' }, { value: 5, note: '' })).toBe('done');
    expect(expectedStatus(pages, { status: 'skipped', note: '' })).toBe('skipped');
    expect(expectedStatus(habit(2, 'Gym'), { note: '' })).toBe('done');
  });

  it('lays waiting changes over the cached day, ignoring unknown habits', () => {
    const shown = withQueued(TODAY, [
      { userId: 1, habitId: 1, habitName: 'Gym', date: DATE, body: { status: 'done', note: 'legs' } },
      { userId: 1, habitId: 7, habitName: 'Gone', date: DATE, body: { status: 'done', note: '' } },
      { userId: 1, habitId: 2, habitName: 'Read', date: '2026-11-29', body: { status: 'skipped', note: '' } },
    ]);
    expect(shown.habits[0]!.today).toMatchObject({ status: 'done', note: 'legs' });
    expect(shown.habits[1]!.last_7_days[0]!.status).toBe('skipped');
    expect(shown.habits[1]!.today).toBeNull();
  });

  it('says what is going on', () => {
    expect(describeOffline({ online: false, waiting: 3, phase: 'idle' })).toBe('Offline — 3 changes waiting');
    expect(describeOffline({ online: false, waiting: 0, phase: 'idle' })).toMatch(/^Offline/);
    expect(describeOffline({ online: true, waiting: 1, phase: 'syncing' })).toBe('Syncing 1 change…');
    expect(describeOffline({ online: true, waiting: 0, phase: 'synced' })).toBe('Synced');
    expect(describeOffline({ online: true, waiting: 0, phase: 'idle' })).toBe('');
  });

  it('queues a check-in the server cannot receive, keeps it on the page, and sends it when the connection returns', async () => {
    let reachable = false;
    const api = mockApi({
      ...NO_SPRINT,
      'GET /api/v1/today': TODAY,
      'PUT /api/v1/habits/1/check-ins/2026-11-30': () => {
        if (!reachable) throw new TypeError('Failed to fetch');
        return json(200, { habit_id: 1, date: DATE, status: 'done', value: null, note: '' });
      },
    });
    render(
      <LocationProvider>
        <SessionProvider initialUser={USER}>
          <TodayPage />
        </SessionProvider>
      </LocationProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Gym done today' }));
    await screen.findByText('1 change waiting to sync');
    expect(screen.getByRole('button', { name: 'Gym done today' }).getAttribute('aria-pressed')).toBe('true');
    expect(await pending(USER.id)).toHaveLength(1);

    reachable = true;
    window.dispatchEvent(new Event('online'));
    await screen.findByText('Synced');
    expect(await pending(USER.id)).toEqual([]);
    await waitFor(() => expect(api.called('PUT /api/v1/habits/1/check-ins/2026-11-30').length).toBeGreaterThanOrEqual(2));
    expect(api.called('PUT /api/v1/habits/1/check-ins/2026-11-30').at(-1)!.body).toEqual({ status: 'done', note: '' });
  });
});
