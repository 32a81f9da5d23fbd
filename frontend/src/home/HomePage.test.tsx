import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { beforeEach, describe, expect, it } from 'vitest';
import { SessionProvider } from '../auth/session';
import { pending } from '../offline/queue';
import { memoryStorage, useStorage } from '../offline/storage';
import { EMPTY_HOME, json, mockApi, USER } from '../test/api';
import { makeHabit } from '../habits/testData';
import type { TodayHabit } from '../habits/api';
import type { HomeRead } from './api';
import HomePage from './HomePage';

const DATE = '2026-11-29';
const DAYS = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', DATE];

function entry(id: number, name: string): TodayHabit {
  return {
    habit: makeHabit(id, name, { start_date: '2026-11-16' }),
    today: null,
    last_7_days: DAYS.map((date) => ({ date, status: null, value: null, note: '', scheduled: true })),
    current_streak: 1,
    streak_unit: 'days',
    rate_14d: 0.5,
    in_progress: false,
  };
}

const EMPTY: HomeRead = { ...EMPTY_HOME, date: DATE };

const BOARD_ITEM = { streak: 1, streak_unit: 'days' as const, skipped: 0, rate: 4 / 6, eligible: 6 };

const FULL: HomeRead = {
  ...EMPTY,
  habits: [entry(1, 'DSA')],
  sprint: {
    id: 7,
    title: 'Torch inside out',
    days_needed: 19,
    reachable: false,
    board: {
      sprint_id: 7,
      status: 'active',
      start_date: '2026-11-23',
      end_date: '2026-12-06',
      days_total: 14,
      days_elapsed: 6,
      days_left: 8,
      target_rate: 0.8,
      score: 5 / 12,
      previous_sprint_id: null,
      previous_score: null,
      delta: null,
      frozen: false,
      outcome: { state: 'out_of_reach', text: 'Walk can no longer reach 80%: 5 of 24 required days done' },
      habits: [
        { ...BOARD_ITEM, streak_unit: 'weeks', habit_id: 1, name: 'DSA', done: 4, required: 12, still_needed: 8, eligible_left: 8, feasible: true },
        { ...BOARD_ITEM, habit_id: 2, name: 'Walk', done: 1, required: 12, still_needed: 11, eligible_left: 8, feasible: false },
      ],
    },
  },
  active_goals: 3,
  idle_goals: [{ id: 3, title: 'Open source', area: 'open_source' }],
  follow_ups: [
    { kind: 'application', id: 5, title: 'ML Engineer at Sarvam AI', organization_name: 'Sarvam AI', due_on: '2026-11-28', reason: 'follow_up', overdue_days: 1 },
  ],
};

function renderPage() {
  return render(
    <LocationProvider>
      <HomePage />
    </LocationProvider>,
  );
}

/** Signed in, so the offline mode has a user to keep the page for. */
function signedIn() {
  return render(
    <LocationProvider>
      <SessionProvider initialUser={USER}>
        <HomePage />
      </SessionProvider>
    </LocationProvider>,
  );
}

beforeEach(() => useStorage(memoryStorage()));

describe('Home', () => {
  it('teaches a new user what to do first, section by section', async () => {
    mockApi({ 'GET /api/v1/home': EMPTY });
    renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: 'Home' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Add an action item' }).getAttribute('href')).toBe('/habits');
    expect(screen.getByRole('link', { name: 'Plan a sprint' }).getAttribute('href')).toBe('/sprints/new');
    expect(screen.getByRole('link', { name: 'Add a paper or a book' })).toBeTruthy();
    expect(screen.getByText(/Nothing on the calendar/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open Today' }).getAttribute('href')).toBe('/today');
    // No goals at all: the card teaches instead of praising "every goal".
    expect(screen.getByRole('link', { name: 'set them up on the Goals page' }).getAttribute('href')).toBe('/goals');
    expect(screen.getByText(/^No goals yet\./)).toBeTruthy();
  });

  it('with goals and none left alone, says so instead of teaching to set them up', async () => {
    mockApi({ 'GET /api/v1/home': { ...EMPTY, active_goals: 3 } });
    renderPage();
    expect(await screen.findByText(/None of your 3 active goals has gone 14 days without work linked to it/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'set them up on the Goals page' })).toBeNull();
  });

  it('shows the sprint against its target, what each item still needs, and idle goals', async () => {
    mockApi({ 'GET /api/v1/home': FULL });
    renderPage();
    const sprint = (await screen.findByRole('heading', { name: 'Torch inside out' })).closest('section')!;
    expect(within(sprint).getByText('41%')).toBeTruthy();
    expect(within(sprint).getByText('target out of reach for 1 of 2 items')).toBeTruthy();
    expect(within(sprint).getByText(/^19 check-in days still needed · 8 days left/)).toBeTruthy();
    expect(within(sprint).getByText('1/12 days, 11 more needed (only 8 left)')).toBeTruthy();
    // An "N times a week" item counts completions, as on the sprint board.
    expect(within(sprint).getByText('4/12 times, 8 more needed')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open source' }).getAttribute('href')).toBe('/goals/3');
    expect(screen.getByText('1 day overdue')).toBeTruthy();
  });

  it('checks in with one tap and reloads the home screen', async () => {
    const api = mockApi({
      'GET /api/v1/home': FULL,
      'PUT /api/v1/habits/1/check-ins/2026-11-29': { habit_id: 1, date: DATE, status: 'done', value: null, note: '' },
    });
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'DSA done today' }));
    await waitFor(() => expect(api.called('PUT /api/v1/habits/1/check-ins/2026-11-29')[0]?.body).toEqual({ status: 'done', note: '' }));
    await waitFor(() => expect(api.called('GET /api/v1/home')).toHaveLength(2));
  });

  it('opens offline with the last known home screen, queues a check-in there and sends it when the connection returns', async () => {
    let reachable = true;
    const api = mockApi({
      'GET /api/v1/home': () => {
        if (!reachable) throw new TypeError('Failed to fetch');
        return json(200, FULL);
      },
      'PUT /api/v1/habits/1/check-ins/2026-11-29': () => {
        if (!reachable) throw new TypeError('Failed to fetch');
        return json(200, { habit_id: 1, date: DATE, status: 'done', value: null, note: '' });
      },
    });
    // Online once: the answer is kept.
    const first = signedIn();
    await screen.findByRole('heading', { name: 'Torch inside out' });
    first.unmount();

    reachable = false;
    signedIn();
    // The whole screen, not just the check-ins, comes back from the cache.
    expect(await screen.findByRole('heading', { name: 'Torch inside out' })).toBeTruthy();
    expect(screen.getByText('1 day overdue')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'DSA done today' }));
    await screen.findByText('1 change waiting to sync');
    expect(screen.getByRole('button', { name: 'DSA done today' }).getAttribute('aria-pressed')).toBe('true');
    // The sprint's numbers are the server's: the card says the waiting change isn't in them yet.
    expect(screen.getByText('As the server last saw it: 1 waiting change counts once synced.')).toBeTruthy();
    expect(await pending(USER.id)).toMatchObject([{ habitId: 1, date: DATE, body: { status: 'done', note: '' } }]);

    reachable = true;
    window.dispatchEvent(new Event('online'));
    await screen.findByText('Synced');
    expect(await pending(USER.id)).toEqual([]);
    expect(screen.queryByText(/As the server last saw it/)).toBeNull();
    expect(api.called('PUT /api/v1/habits/1/check-ins/2026-11-29').at(-1)!.body).toEqual({ status: 'done', note: '' });
  });

  it('offline with nothing kept yet, says so instead of an empty screen', async () => {
    mockApi({
      'GET /api/v1/home': () => {
        throw new TypeError('Failed to fetch');
      },
    });
    signedIn();
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
