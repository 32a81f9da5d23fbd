import { fireEvent, render, screen, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { describe, expect, it, vi } from 'vitest';
import { json, mockApi } from '../test/api';
import CurrentSprint from './CurrentSprintPage';
import { SprintBoard } from './SprintPage';
import { rememberWarnings } from './api';
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

    // An item out of reach: the board offers the next move.
    const next = screen.getByRole('region', { name: 'Next step' });
    expect(next.textContent).toContain('Gym every day, No junk food can no longer reach 75% this sprint.');
    expect(within(next).getByRole('link', { name: 'Plan the next sprint at 65%' }).getAttribute('href')).toBe('/sprints/1/retro#sp-next-title');
    expect(within(next).getByRole('link', { name: 'Adjust this sprint' }).getAttribute('href')).toBe('/sprints/1/edit');

    // The plan is Markdown, sanitised.
    expect(screen.getByText('every').tagName).toBe('STRONG');
  });

  it('on day 1 with one check-in: the score so far, on pace, never "target reached"', async () => {
    const one = { ...SEED_BOARD.habits[0]!, done: 1, eligible: 1, rate: 1, still_needed: 10, eligible_left: 13, feasible: true };
    mockApi({
      'GET /api/v1/sprints/1': { ...SEED_SPRINT, score: 1 },
      'GET /api/v1/sprints/1/scoreboard': {
        ...SEED_BOARD,
        days_elapsed: 0,
        days_left: 14,
        score: 1,
        habits: [one],
        outcome: { state: 'on_pace', text: 'On pace for 75%: 1 of 11 days done, 13 left' },
      },
    });
    wrap(<SprintBoard id={1} />);
    const score = await screen.findByRole('region', { name: 'Score' });
    expect(score.textContent).toContain('100%score so far');
    expect(score.textContent).toContain('On pace for 75%: 1 of 11 days done, 13 left');
    expect(score.textContent).not.toMatch(/reached/);
    expect(screen.queryByRole('region', { name: 'Next step' })).toBeNull();
  });

  it('says once, after creating it, that the sprint overlaps another', async () => {
    mockApi({ 'GET /api/v1/sprints/1': SEED_SPRINT, 'GET /api/v1/sprints/1/scoreboard': SEED_BOARD });
    rememberWarnings(1, ['It overlaps “Fortnight” (4 Nov 2024 to 17 Nov 2024): both count the same days.']);
    const first = wrap(<SprintBoard id={1} />);
    expect(await screen.findByText(/It overlaps “Fortnight”/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'change the dates' }).getAttribute('href')).toBe('/sprints/1/edit');
    first.unmount();
    wrap(<SprintBoard id={1} />);
    await screen.findByRole('heading', { level: 1, name: 'Back from Diwali' });
    expect(screen.queryByText(/It overlaps/)).toBeNull();
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
