import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { App } from '../app';
import { HOME_PATH } from '../paths';
import { EMPTY_HOME, NO_SPRINT, USER, json, mockApi } from '../test/api';

const NEW_USER = { ...USER, onboarded: false };

const goal = (title: string, importance: 'required' | 'optional', description = '') => ({
  title,
  description,
  area: 'fundamentals' as const,
  importance,
  enthusiasm: 'okay' as const,
  status: 'active' as const,
  target_date: null,
});

// The server's preview; the page shows exactly this (nothing about the plan is copied client-side).
const PLAN = {
  goals: [
    goal('Strengthen core CS/ML/DL', 'required', 'Learn PyTorch and the like **a little more**.'),
    goal('Read a lot', 'optional'),
    goal('DSA', 'required'),
  ],
  action_items: ['Gym every day', 'No junk food'],
  sprint: {
    title: 'First fortnight',
    theme: 'Small achievable goals',
    start_date: '2024-11-17',
    end_date: '2024-11-30',
    target_rate: 0.75,
    required_days: 11,
  },
  taken: false,
};

function startAt(url: string, user = NEW_USER) {
  history.replaceState(null, '', url);
  return render(<App initialUser={user} />);
}

describe('starter plan', () => {
  it("shows the server's plan: goals with labels and descriptions, action items, and the sprint from its start date", async () => {
    const api = mockApi({ 'GET /api/v1/starter-plan': PLAN });
    startAt('/welcome');
    expect(await screen.findByText(/14 days starting today \(17 Nov 2024\), target 75% — 11 of 14 days for each action item\. The two required goals are part of it\./)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Three goals — the growth processes, with their labels' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Two action items, every day' })).toBeTruthy();
    expect(Array.from(document.querySelectorAll('.welcome-goal-title')).map((e) => e.textContent)).toEqual(['Strengthen core CS/ML/DL', 'Read a lot', 'DSA']);
    expect(screen.getByText('a little more').tagName).toBe('STRONG');
    expect(screen.getByText('No junk food')).toBeTruthy();
    expect(screen.getByText('Theme: “Small achievable goals”')).toBeTruthy();
    expect(screen.queryByText(/already made this choice/)).toBeNull();
    expect(api.called('GET /api/v1/today')).toHaveLength(0);
  });

  it('says so while loading and when the plan cannot be loaded, and retries', async () => {
    let up = false;
    let answer: (r: Response) => void = () => undefined;
    mockApi({
      'GET /api/v1/starter-plan': () => (up ? new Promise<Response>((resolve) => (answer = resolve)) : json(500, { detail: 'boom' })),
    });
    startAt('/welcome');
    expect(await screen.findByText("Couldn't load the starter plan")).toBeTruthy();
    const take = screen.getByRole('button', { name: 'Take the starter plan' }) as HTMLButtonElement;
    expect(take.disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Start from scratch' }) as HTMLButtonElement).disabled).toBe(false);
    up = true;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Loading the starter plan…')).toBeTruthy();
    answer(json(200, PLAN));
    expect(await screen.findByText('DSA')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Take the starter plan' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('is taken in one click, then lands on Home', async () => {
    const api = mockApi({
      'GET /api/v1/starter-plan': PLAN,
      'POST /api/v1/starter-plan': { created: true, goal_ids: [1], habit_ids: [1, 2, 3], sprint_id: 1 },
      'GET /api/v1/me': { ...NEW_USER, onboarded: true },
      'GET /api/v1/home': EMPTY_HOME,
    });
    startAt('/welcome');
    await screen.findByText('DSA');
    fireEvent.click(screen.getByRole('button', { name: 'Take the starter plan' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Home' })).toBeTruthy();
    expect(location.pathname).toBe('/home');
    expect(api.called('POST /api/v1/starter-plan')).toHaveLength(1);
  });

  it('taken again with nothing new: says so and stays', async () => {
    const api = mockApi({
      'GET /api/v1/starter-plan': { ...PLAN, taken: true },
      'POST /api/v1/starter-plan': { created: false, goal_ids: [1, 2, 3], habit_ids: [1, 2], sprint_id: 1 },
      'GET /api/v1/me': { ...USER, onboarded: true },
    });
    startAt('/welcome', USER);
    expect(await screen.findByText("You have already made this choice. Taking the plan again adds only what you don't have yet.")).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Take the starter plan' }));
    expect(await screen.findByText(/You already have everything in the starter plan, so nothing new was added\./)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'See your goals' }).getAttribute('href')).toBe('/goals');
    expect(location.pathname).toBe('/welcome');
    expect(api.called('POST /api/v1/starter-plan')).toHaveLength(1);
    expect((screen.getByRole('button', { name: 'Take the starter plan' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('can be skipped; the choice is saved and the offer goes away', async () => {
    const api = mockApi({
      'GET /api/v1/starter-plan': PLAN,
      'PATCH /api/v1/me': { ...NEW_USER, onboarded: true },
    });
    startAt('/welcome?next=%2Fsettings');
    fireEvent.click(await screen.findByRole('button', { name: 'Start from scratch' }));
    await waitFor(() => expect(location.pathname).toBe('/settings'));
    expect(api.called('PATCH /api/v1/me')[0]?.body).toEqual({ onboarded: true });
    expect(api.called('POST /api/v1/starter-plan')).toHaveLength(0);
  });

  it('shows a readable error when taking the plan fails', async () => {
    mockApi({
      'GET /api/v1/starter-plan': PLAN,
      'POST /api/v1/starter-plan': json(500, { detail: 'boom' }),
    });
    startAt('/welcome');
    await screen.findByText('DSA');
    fireEvent.click(screen.getByRole('button', { name: 'Take the starter plan' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(location.pathname).toBe('/welcome');
    expect((screen.getByRole('button', { name: 'Take the starter plan' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('offers the plan on the home page only while no choice was made', async () => {
    mockApi({
      ...NO_SPRINT,
      'GET /api/v1/today': { date: '2024-11-17', timezone: 'UTC', habits: [] },
      'PATCH /api/v1/me': { ...NEW_USER, onboarded: true },
      'GET /api/v1/tokens': { items: [], total: 0 },
      'GET /api/v1/home': { date: '2024-11-17', timezone: 'Asia/Kolkata', habits: [], sprint: null, reading: [], events: [], follow_ups: [], idle_goals: [], published: [] },
    });
    startAt(HOME_PATH);
    const offer = await screen.findByRole('complementary', { name: 'New here? Start with the starter plan.' });
    expect(offer.querySelector('a')?.getAttribute('href')).toBe(`/welcome?next=${encodeURIComponent(HOME_PATH)}`);
    fireEvent.click(screen.getByRole('button', { name: 'No thanks' }));
    await waitFor(() => expect(screen.queryByRole('complementary', { name: /starter plan/ })).toBeNull());
  });
});
