import { fireEvent, render, screen, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { describe, expect, it, vi } from 'vitest';
import { json, mockApi } from '../test/api';
import { CurrentSprint, SprintBoard } from './Board';
import { SEED_BOARD, SEED_SPRINT } from './testData';

const wrap = (ui: preact.ComponentChild) => render(<LocationProvider>{ui}</LocationProvider>);

describe('sprint board', () => {
  it('shows the seed: 61% against 75% from 0%, and per item what is still needed', async () => {
    mockApi({ 'GET /api/v1/sprints/1': SEED_SPRINT, 'GET /api/v1/sprints/1/scoreboard': SEED_BOARD });
    wrap(<SprintBoard id={1} />);
    expect(screen.getByText('Loading the sprint…')).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 1, name: 'Back from Diwali' })).toBeTruthy();

    const score = screen.getByRole('region', { name: 'Score' });
    expect(score.textContent).toContain('61%');
    expect(score.textContent).toContain('target 75%');
    expect(score.textContent).toContain('from 0%');
    expect(score.textContent).toContain('+61 points');
    expect(score.textContent).toContain('1 day left');
    expect(score.textContent).toContain('Day 14 of 14');

    // A topic sprint's output: only the figures that are not zero.
    const produced = screen.getByRole('region', { name: 'What it produced' });
    expect(within(produced).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Papers finished: 1',
      'Pages read: 40',
      'Posts published: 1',
    ]);

    const items = within(screen.getByRole('list', { name: 'Action items' })).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    const gym = items[1]!;
    expect(within(gym).getByRole('heading', { name: 'Gym every day' })).toBeTruthy();
    expect(gym.textContent).toContain('7/13');
    expect(gym.textContent).toContain('53%');
    expect(gym.textContent).toContain('Out of reach');
    expect(gym.textContent).toContain('4 more of 1 day left');
    expect(gym.textContent).toContain('streak 3 days');
    expect(within(gym).getByRole('img').getAttribute('aria-label')).toBe(
      '7 of 14 days done, 6 not done, 1 still to come; 11 needed for the target',
    );
    // The state is said in words and drawn in a colour class, never colour alone.
    expect(gym.className).toContain('sp-state-out-of-reach');

    // The plan is Markdown, sanitised.
    expect(screen.getByText('every').tagName).toBe('STRONG');
  });

  it('shows a planned sprint without a score yet', async () => {
    mockApi({
      'GET /api/v1/sprints/2': { ...SEED_SPRINT, id: 2, status: 'planned', score: null },
      'GET /api/v1/sprints/2/scoreboard': {
        ...SEED_BOARD,
        sprint_id: 2,
        status: 'planned',
        days_elapsed: 0,
        days_left: 14,
        score: null,
        previous_score: 0.6153846153846154,
        habits: SEED_BOARD.habits.map((h) => ({ ...h, done: 0, eligible: 0, rate: null, still_needed: 11, eligible_left: 14, feasible: true })),
      },
    });
    wrap(<SprintBoard id={2} />);
    const score = await screen.findByRole('region', { name: 'Score' });
    expect(score.textContent).toContain('No score yet');
    expect(score.textContent).toContain('from 61%');
    expect(score.textContent).toContain('Starts 4 Nov 2024');
    expect(score.textContent).not.toContain('points');
    expect(screen.getAllByText('Not started')).toHaveLength(3);
    expect(screen.getAllByText(/11 of 14 needed/)).toHaveLength(3);
  });

  it('offers to plan a sprint when none contains today', async () => {
    mockApi({
      'GET /api/v1/sprints/current': json(404, { detail: 'Current sprint not found' }),
      'GET /api/v1/sprints': { items: [{ ...SEED_SPRINT, id: 5, title: 'Next one', status: 'planned', start_date: '2024-12-01' }], total: 1 },
    });
    wrap(<CurrentSprint />);
    expect(await screen.findByRole('heading', { level: 1, name: 'No sprint running' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Plan a sprint' }).getAttribute('href')).toBe('/sprints/new');
    expect((await screen.findByRole('link', { name: 'Next one' })).getAttribute('href')).toBe('/sprints/5');
  });

  it('shows the current sprint when there is one', async () => {
    mockApi({ 'GET /api/v1/sprints/current': SEED_SPRINT, 'GET /api/v1/sprints/1/scoreboard': SEED_BOARD });
    wrap(<CurrentSprint />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Back from Diwali' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Retrospective' }).getAttribute('href')).toBe('/sprints/1/retro');
  });

  it('says what failed and retries', async () => {
    let fail = true;
    mockApi({
      'GET /api/v1/sprints/1': () => (fail ? json(500, { detail: 'boom' }) : json(200, SEED_SPRINT)),
      'GET /api/v1/sprints/1/scoreboard': SEED_BOARD,
    });
    wrap(<SprintBoard id={1} />);
    expect(await screen.findByText("Couldn't load the sprint")).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Back from Diwali' })).toBeTruthy();
  });

  it('compares with the previous sprint and reloads when the tab is focused again', async () => {
    let done = 7;
    const api = mockApi({
      'GET /api/v1/sprints/1': SEED_SPRINT,
      'GET /api/v1/sprints/1/scoreboard': () =>
        json(200, {
          ...SEED_BOARD,
          previous_score: 0.7,
          habits: [{ ...SEED_BOARD.habits[1]!, done, still_needed: 11 - done }],
          score: done / 13,
        }),
    });
    wrap(<SprintBoard id={1} />);
    const score = await screen.findByRole('region', { name: 'Score' });
    expect(score.textContent).toContain('53%');
    expect(score.textContent).toContain('from 70%');
    expect(score.textContent).toContain('−17 points on the last sprint');
    expect(screen.getByText(/4 more of 1 day left/)).toBeTruthy();

    done = 8;
    // Focus events right after loading are ignored (the data is fresh): move the clock past that.
    const later = Date.now() + 5_000;
    const now = vi.spyOn(Date, 'now').mockReturnValue(later);
    window.dispatchEvent(new Event('focus'));
    now.mockRestore();
    expect(await screen.findByText(/3 more of 1 day left/)).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Score' }).textContent).toContain('61%');
    expect(api.called('GET /api/v1/sprints/1/scoreboard')).toHaveLength(2);
  });
});
