import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { App } from '../app';
import { HOME_PATH } from '../paths';
import { EMPTY_HOME, NO_SPRINT, USER, json, mockApi } from '../test/api';
import type { StarterPlan } from './api';

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

type Item = StarterPlan['action_items'][number];

const item = (key: Item['key'], name: string, goalTitle: string | null, extra: Partial<Item> = {}): Item => ({
  key,
  name,
  goal: goalTitle,
  description: '',
  schedule: { type: 'daily' },
  kind: 'boolean',
  target_value: null,
  unit: null,
  target_type: null,
  required: 11,
  out_of: 14,
  ...extra,
});

// The server's preview; the page shows exactly this (nothing about the plan is copied client-side).
const PLAN: StarterPlan = {
  goals: [
    goal('Strengthen core CS/ML/DL', 'required', 'Learn PyTorch and the like **a little more**.'),
    goal('Read a lot', 'optional'),
    goal('DSA', 'required'),
  ],
  action_items: [
    item('gym', 'Gym every day', null),
    item('junk_food', 'No junk food', null),
    item('dsa', 'Solve a DSA problem', 'DSA', { schedule: { type: 'weekdays', days: [1, 2, 3, 4, 5] }, required: 8, out_of: 10 }),
    item('writing', 'Keep writing', 'Maintain a portfolio', { schedule: { type: 'times_per_week', times: 2 }, required: 5, out_of: 6, description: 'Blogs as deep as possible.' }),
    item('fundamentals', 'Study core CS/ML/DL', 'Strengthen core CS/ML/DL', { kind: 'numeric', target_value: 30, unit: 'min', target_type: 'at_least' }),
  ],
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

// Taking the plan: the POST, the account read again, and the Home page it lands on.
const TAKING = {
  'GET /api/v1/starter-plan': PLAN,
  'POST /api/v1/starter-plan': { created: true, goal_ids: [1], habit_ids: [1, 2, 3], sprint_id: 1 },
  'GET /api/v1/me': { ...NEW_USER, onboarded: true },
  'GET /api/v1/home': EMPTY_HOME,
};

function startAt(url: string, user = NEW_USER) {
  history.replaceState(null, '', url);
  return render(<App initialUser={user} />);
}

describe('starter plan', () => {
  it("shows the server's plan: goals with labels and descriptions, action items, and the sprint from its start date", async () => {
    const api = mockApi({ 'GET /api/v1/starter-plan': PLAN });
    startAt('/welcome');
    expect(
      await screen.findByText(
        /14 days starting today \(17 Nov 2024\), target 75% — 11 of 14 days for a daily item \(each item above says what it asks\)\. The five chosen action items are in it, with the two required goals\./,
      ),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Three goals — the growth processes, with their labels' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: "Five action items — untick any you don't want" })).toBeTruthy();
    // The personal ones apart from those serving a goal, each with its schedule, goal and what the sprint asks.
    expect(screen.getByRole('heading', { level: 4, name: 'Personal, every day' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 4, name: 'One small step for each required goal' })).toBeTruthy();
    const boxes = screen.getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes.map((b) => [document.getElementById(b.getAttribute('aria-labelledby')!)?.textContent, b.checked])).toEqual([
      ['Gym every day', true],
      ['No junk food', true],
      ['Solve a DSA problem', true],
      ['Keep writing', true],
      ['Study core CS/ML/DL', true],
    ]);
    expect(screen.getByRole('checkbox', { name: 'Solve a DSA problem' })).toBeTruthy();
    expect(screen.getByText('Weekdays · for “DSA” · first sprint: 8 of 10 days')).toBeTruthy();
    expect(screen.getByText('2 times a week · for “Maintain a portfolio” · first sprint: 5 of 6 times')).toBeTruthy();
    expect(screen.getByText('Every day · at least 30 min · for “Strengthen core CS/ML/DL” · first sprint: 11 of 14 days')).toBeTruthy();
    expect(screen.getByText('Blogs as deep as possible.')).toBeTruthy();
    expect(Array.from(document.querySelectorAll('.welcome-goal-title')).map((e) => e.textContent)).toEqual(['Strengthen core CS/ML/DL', 'Read a lot', 'DSA']);
    expect(screen.getByText('a little more').tagName).toBe('STRONG');
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
    const api = mockApi(TAKING);
    startAt('/welcome');
    await screen.findByText('DSA');
    fireEvent.click(screen.getByRole('button', { name: 'Take the starter plan' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Home' })).toBeTruthy();
    expect(location.pathname).toBe('/home');
    expect(api.called('POST /api/v1/starter-plan')).toHaveLength(1);
    expect(api.called('POST /api/v1/starter-plan')[0]?.body).toEqual({ skip: [] });
  });

  it('takes only the action items left ticked', async () => {
    const api = mockApi(TAKING);
    startAt('/welcome');
    const writing = (await screen.findByRole('checkbox', { name: 'Keep writing' })) as HTMLInputElement;
    fireEvent.click(writing);
    fireEvent.click(screen.getByRole('checkbox', { name: 'No junk food' }));
    expect(writing.checked).toBe(false);
    expect(screen.getByText(/The three chosen action items are in it/)).toBeTruthy();
    // Ticked again: back in.
    fireEvent.click(screen.getByRole('checkbox', { name: 'No junk food' }));
    expect(screen.getByText(/The four chosen action items are in it/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Take the starter plan' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Home' })).toBeTruthy();
    expect(api.called('POST /api/v1/starter-plan')[0]?.body).toEqual({ skip: ['writing'] });
  });

  it('says the sprint starts empty when every item is unticked', async () => {
    mockApi({ 'GET /api/v1/starter-plan': PLAN });
    startAt('/welcome');
    await screen.findByText('DSA');
    for (const box of screen.getAllByRole('checkbox')) fireEvent.click(box);
    expect(screen.getByText(/No action items chosen: it starts empty, and you can add items to it later\./)).toBeTruthy();
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
      'GET /api/v1/home': { date: '2024-11-17', timezone: 'Asia/Kolkata', habits: [], sprint: null, reading: [], events: [], follow_ups: [], active_goals: 0, idle_goals: [], published: [] },
    });
    startAt(HOME_PATH);
    const offer = await screen.findByRole('complementary', { name: 'New here? Start with the starter plan.' });
    expect(offer.querySelector('a')?.getAttribute('href')).toBe(`/welcome?next=${encodeURIComponent(HOME_PATH)}`);
    fireEvent.click(screen.getByRole('button', { name: 'No thanks' }));
    await waitFor(() => expect(screen.queryByRole('complementary', { name: /starter plan/ })).toBeNull());
  });
});
