// @vitest-environment jsdom
// jsdom: DOMPurify needs a faithful DOM to show the notes are sanitised (see ui/Markdown.test.tsx).
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { describe, expect, it } from 'vitest';
import { json, mockApi } from '../test/api';
import type { ReadingItemDetail } from './api';
import { readingItem } from './fixtures';
import { ItemDetail } from './ItemPage';

function detail(over: Partial<ReadingItemDetail> = {}): ReadingItemDetail {
  return {
    ...readingItem(5, { title: 'Attention Is All You Need', status: 'reading', progress_total: 15, progress_current: 3, started_on: '2026-11-20' }),
    status_history: [
      { status: 'queued', date: '2026-11-18', read_through: 1 },
      { status: 'reading', date: '2026-11-20', read_through: 1 },
    ],
    progress_log: [{ id: 1, date: '2026-11-20', amount: 3, unit: 'pages', read_through: 1, habit_id: 4 }],
    notes: '## Key ideas\n\n- **attention**\n\n<img src=x onerror="alert(1)"><script>alert(2)</script>',
    ...over,
  };
}

const page = () =>
  render(
    <LocationProvider>
      <ItemDetail id={5} />
    </LocationProvider>,
  );

describe('reading item page', () => {
  it('shows the item, its history and its notes sanitised', async () => {
    mockApi({ 'GET /api/v1/reading-items/5': detail(), 'GET /api/v1/goals': { items: [], total: 0 } });
    const { container } = page();
    expect(await screen.findByRole('heading', { level: 1, name: 'Attention Is All You Need' })).toBeTruthy();
    expect(screen.getByText('3 of 15 pages')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Key ideas' })).toBeTruthy();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
    expect(screen.getByText('counted toward your action item')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Finish' })).toBeTruthy();
  });

  it('starts a blog post from the item in one step', async () => {
    const api = mockApi({
      'GET /api/v1/reading-items/5': detail(),
      'GET /api/v1/goals': { items: [], total: 0 },
      'POST /api/v1/reading-items/5/portfolio-entry': json(201, { id: 8, title: 'Notes on Attention Is All You Need' }),
    });
    page();
    fireEvent.click(await screen.findByRole('button', { name: 'Start a blog post from this' }));
    expect(await screen.findByText('Started “Notes on Attention Is All You Need” as a draft in your portfolio.')).toBeTruthy();
    expect(api.called('POST /api/v1/reading-items/5/portfolio-entry')[0]!.body).toEqual({ kind: 'blog_post' });
  });

  it('retries a failed progress log with the same idempotency key', async () => {
    let attempts = 0;
    const api = mockApi({
      'GET /api/v1/reading-items/5': detail(),
      'GET /api/v1/goals': { items: [], total: 0 },
      'POST /api/v1/reading-items/5/progress': () => {
        attempts += 1;
        return attempts === 1
          ? json(503, { detail: 'The database is busy; try again' })
          : json(201, { item: detail(), log: detail().progress_log[0], habit: { habit_id: 4, date: '2026-11-21', value: 20 }, replayed: false });
      },
    });
    page();
    fireEvent.input(await screen.findByLabelText('Pages read'), { target: { value: '17' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log' }));
    expect(await screen.findByText('The database is busy; try again')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Log' }));
    expect(await screen.findByText('Logged 17 pages. Your reading action item has 20 pages for the day.')).toBeTruthy();
    const calls = api.called('POST /api/v1/reading-items/5/progress');
    expect(calls).toHaveLength(2);
    const keys = calls.map((c) => c.headers.get('Idempotency-Key'));
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
    expect(calls[0]!.body).toEqual({ amount: 17 });
    await waitFor(() => expect(api.called('GET /api/v1/reading-items/5').length).toBeGreaterThan(1));
  });
});
