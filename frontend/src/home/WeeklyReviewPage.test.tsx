import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../test/api';
import type { WeeklyReview } from './api';
import WeeklyReviewPage from './WeeklyReviewPage';
import { mondayOf, shiftWeek, weekOf } from './weeks';

const ZERO = {
  papers_finished: 0,
  items_finished: 0,
  pages_read: 0,
  applications_sent: 0,
  applications_moved: 0,
  interviews_held: 0,
  posts_published: 0,
  implementations_published: 0,
};

const REVIEW: WeeklyReview = {
  week: '2026-W48',
  start: '2026-11-23',
  end: '2026-11-29',
  items: [{ habit_id: 1, name: 'DSA', done: 4, eligible: 6, previous_done: 2 }],
  sprint: null,
  output: { ...ZERO, papers_finished: 1 },
  previous_output: ZERO,
  goals_moved: [],
  goals_left_alone: [],
  next_steps: [],
  reflection: '',
  saved: false,
  markdown: '# Week 2026-W48\n\n- DSA: 4/6 days (week before: 2)\n',
};

function renderPage(url = '/reviews/weekly?week=2026-W48') {
  history.replaceState(null, '', url);
  return render(
    <LocationProvider>
      <WeeklyReviewPage />
    </LocationProvider>,
  );
}

describe('ISO weeks', () => {
  it('finds Mondays and weeks across year ends', () => {
    expect(mondayOf('2026-W48')).toBe('2026-11-23');
    expect(weekOf('2026-11-29')).toBe('2026-W48');
    expect(weekOf('2027-01-01')).toBe('2026-W53');
    expect(mondayOf('2026-W01')).toBe('2025-12-29');
    expect(shiftWeek('2026-W01', -1)).toBe('2025-W52');
  });
});

describe('Weekly review', () => {
  it('shows the generated review and saves the notes beside it into the history', async () => {
    const api = mockApi({
      'GET /api/v1/reviews/weekly': REVIEW,
      'GET /api/v1/reviews': { items: [], total: 0 },
      'PUT /api/v1/reviews/weekly/2026-W48': { ...REVIEW, reflection: 'Good week.', saved: true },
    });
    renderPage();
    expect(await screen.findByText('DSA: 4/6 days (week before: 2)')).toBeTruthy();
    expect(api.called('GET /api/v1/reviews/weekly')[0]).toBeTruthy();
    expect(screen.getByText(/Reviews you save notes on are listed here/)).toBeTruthy();
    const box = screen.getByRole('textbox', { name: /Reflection/ }) as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: 'Good week.' } });
    await waitFor(() => expect(box.value).toBe('Good week.'));
    fireEvent.click(screen.getByRole('button', { name: 'Save notes' }));
    await waitFor(() => expect(api.called('PUT /api/v1/reviews/weekly/2026-W48')[0]?.body).toEqual({ reflection: 'Good week.' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    await waitFor(() => expect(api.called('GET /api/v1/reviews')).toHaveLength(2));
  });
});
