import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { App } from '../app';
import { HOME_PATH } from '../paths';
import { json, mockApi, USER } from '../test/api';
import { daysRequired, STARTER_GOALS } from './plan';

const NEW_USER = { ...USER, onboarded: false };

function startAt(url: string, user = NEW_USER) {
  history.replaceState(null, '', url);
  return render(<App initialUser={user} />);
}

describe('starter plan', () => {
  it('asks for ⌈75% × 14⌉ = 11 days and lists nine goals', () => {
    expect(daysRequired(0.75, 14)).toBe(11);
    expect(daysRequired(0.5, 14)).toBe(7);
    expect(STARTER_GOALS).toHaveLength(9);
    expect(STARTER_GOALS.filter((g) => g.importance === 'required')).toHaveLength(4);
  });

  it('is taken in one click, then shows the goals', async () => {
    const api = mockApi({
      'GET /api/v1/today': { date: '2024-11-17', timezone: 'Asia/Kolkata', habits: [] },
      'POST /api/v1/starter-plan': { created: true, goal_ids: [1], habit_ids: [1, 2, 3], sprint_id: 1 },
      'GET /api/v1/me': { ...NEW_USER, onboarded: true },
      'GET /api/v1/goals': { items: [], total: 0 },
    });
    startAt('/welcome');
    expect(await screen.findByText(/14 days starting today \(17 Nov 2024\), target 75% — 11 of/)).toBeTruthy();
    expect(screen.getByText('Apply, assess companies and opportunities')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Take the starter plan' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Goals' })).toBeTruthy();
    expect(location.pathname).toBe('/goals');
    expect(api.called('POST /api/v1/starter-plan')).toHaveLength(1);
  });

  it('can be skipped; the choice is saved and the offer goes away', async () => {
    const api = mockApi({
      'GET /api/v1/today': { date: '2024-11-17', timezone: 'Asia/Kolkata', habits: [] },
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
      'GET /api/v1/today': { date: '2024-11-17', timezone: 'Asia/Kolkata', habits: [] },
      'POST /api/v1/starter-plan': json(500, { detail: 'boom' }),
    });
    startAt('/welcome');
    fireEvent.click(await screen.findByRole('button', { name: 'Take the starter plan' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(location.pathname).toBe('/welcome');
    expect((screen.getByRole('button', { name: 'Take the starter plan' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('offers the plan on the home page only while no choice was made', async () => {
    mockApi({ 'PATCH /api/v1/me': { ...NEW_USER, onboarded: true }, 'GET /api/v1/tokens': { items: [], total: 0 } });
    startAt(HOME_PATH);
    const offer = await screen.findByRole('complementary', { name: 'New here? Start with the starter plan.' });
    expect(offer.querySelector('a')?.getAttribute('href')).toBe(`/welcome?next=${encodeURIComponent(HOME_PATH)}`);
    fireEvent.click(screen.getByRole('button', { name: 'No thanks' }));
    await waitFor(() => expect(screen.queryByRole('complementary', { name: /starter plan/ })).toBeNull());
  });
});
