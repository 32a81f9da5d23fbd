import { render, screen, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { describe, expect, it } from 'vitest';
import { json, mockApi } from '../test/api';
import type { Sprint } from './api';
import { SEED_SPRINT } from './testData';
import HistoryPage from './HistoryPage';

type Outcome = Sprint['outcome'];
const sprint = (id: number, start: string, end: string, status: 'planned' | 'active' | 'finished', score: number | null, target = 0.75, outcome?: Outcome) => ({
  ...SEED_SPRINT, id, title: `Sprint ${id}`, start_date: start, end_date: end, status, score, target_rate: target,
  outcome: outcome ?? { state: 'not_started', text: 'Starts on 16 Dec 2024; nothing is scored yet' },
});

describe('sprint history', () => {
  it('lists every sprint with its score, target and result, and charts the trend', async () => {
    mockApi({
      'GET /api/v1/sprints': {
        items: [
          sprint(4, '2024-12-16', '2024-12-29', 'planned', null, 0.8),
          // Day 1 at 100%: the API says "on pace", never "reached", until the days are secured.
          sprint(3, '2024-12-02', '2024-12-15', 'active', 1, 0.75, { state: 'on_pace', text: 'On pace for 75%: 1 of 11 days done, 13 left' }),
          sprint(2, '2024-11-18', '2024-12-01', 'finished', 0.7435897435897436, 0.75, { state: 'missed', text: 'Below target 75%: 29 of 33 required days done, 2 of 3 items short' }),
          sprint(1, '2024-11-04', '2024-11-17', 'finished', 0.6153846153846154, 0.6, { state: 'met', text: 'Target 60% met: 24 of 24 required days done' }),
        ],
        total: 4,
      },
    });
    render(<LocationProvider><HistoryPage /></LocationProvider>);
    const list = await screen.findByRole('list', { name: 'Sprints, newest first' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(4);
    expect(rows[0]!.textContent).toContain('Starts 16 Dec 2024');
    expect(rows[1]!.textContent).toContain('On pace for 75%: 1 of 11 days done, 13 left');
    expect(rows[1]!.textContent).not.toContain('met');
    // 74.3…% floors to 74%: below a 75% target, said in words.
    expect(rows[2]!.textContent).toContain('74%');
    expect(rows[2]!.textContent).toContain('Below target');
    expect(rows[3]!.textContent).toContain('61%');
    expect(rows[3]!.textContent).toContain('Target 60% met');
    expect(within(rows[3]!).getByRole('link', { name: 'Sprint 1' }).getAttribute('href')).toBe('/sprints/1');
    // The chart's table for screen readers: oldest first, planned sprints left out.
    const table = screen.getByRole('table', { hidden: true });
    const cells = within(table).getAllByRole('row', { hidden: true }).slice(1).map((r) => r.textContent);
    expect(cells).toEqual(['4 Nov61%60%', '18 Nov74%75%', '2 Dec100%75%']);
  });

  it('has an empty state and an error state', async () => {
    mockApi({ 'GET /api/v1/sprints': { items: [], total: 0 } });
    const { unmount } = render(<LocationProvider><HistoryPage /></LocationProvider>);
    expect(await screen.findByText(/No sprints yet/)).toBeTruthy();
    unmount();
    mockApi({ 'GET /api/v1/sprints': json(503, { detail: 'Database is busy' }) });
    render(<LocationProvider><HistoryPage /></LocationProvider>);
    expect(await screen.findByText("Couldn't load your sprints")).toBeTruthy();
    expect(screen.getByText('Database is busy')).toBeTruthy();
  });
});
