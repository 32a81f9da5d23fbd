import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { SessionProvider } from '../auth/session';
import { json, mockApi, USER, validation } from '../test/api';
import { checkUrl, safeHref } from '../ui/links';
import type { Entry } from './api';
import PortfolioPage from './PortfolioPage';

function entry(id: number, over: Partial<Entry>): Entry {
  return { id, title: `Entry ${id}`, kind: 'blog_post', status: 'idea', url: null, published_on: null, goal_id: null, notes: '', created_at: '2024-11-01T10:00:00Z', ...over };
}

const STATS = {
  published_per_month: [
    { month: '2024-10', count: 0 },
    { month: '2024-11', count: 2 },
  ],
  by_kind: { blog_post: 2 },
  by_status: { idea: 1, published: 2 },
};

function renderPage() {
  return render(
    <SessionProvider initialUser={USER}>
      <PortfolioPage />
    </SessionProvider>,
  );
}

describe('links', () => {
  it('accepts only http(s) links', () => {
    expect(checkUrl('https://example.com/post')).toBeUndefined();
    expect(checkUrl('')).toBeUndefined();
    expect(checkUrl('example.com')).toMatch(/full link/);
    expect(checkUrl('ftp://example.com')).toMatch(/https:\/\//);
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('https://x.dev')).toBe('https://x.dev');
  });
});

describe('portfolio board', () => {
  it('puts entries in their status column and shows the monthly counts', async () => {
    let items = [
      entry(1, { title: 'RL gridworld', kind: 'project', notes: 'A **deep** dive' }),
      entry(2, { title: 'Autograd', status: 'drafting', goal_id: 7 }),
    ];
    const api = mockApi({
      'GET /api/v1/portfolio-entries': () => json(200, { items, total: items.length }),
      'GET /api/v1/portfolio-entries/stats': STATS,
      'GET /api/v1/goals': { items: [{ id: 7, title: 'Maintain a portfolio' }], total: 1 },
      'PATCH /api/v1/portfolio-entries/2': () => {
        items = [items[0]!, { ...items[1]!, status: 'published', published_on: '2024-11-17' }];
        return json(200, items[1]);
      },
    });
    renderPage();
    const ideas = await screen.findByRole('region', { name: /^Idea/ });
    expect(within(ideas).getByText('RL gridworld')).toBeTruthy();
    // Notes are Markdown (sanitised by ui/Markdown).
    expect(within(ideas).getByText('deep').tagName).toBe('STRONG');
    const drafting = screen.getByRole('region', { name: /^Drafting/ });
    expect(await within(drafting).findByText('Goal: Maintain a portfolio')).toBeTruthy();
    expect(await screen.findByText(/published in the last 12 months/)).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Published per month, last 12 months' }).textContent).toContain('Nov 2024: 2 published');

    fireEvent.click(within(drafting).getByRole('button', { name: 'Move “Autograd” to Published' }));
    const published = screen.getByRole('region', { name: /^Published \d/ });
    expect(await within(published).findByText('Autograd')).toBeTruthy();
    expect(within(published).getByText('17 Nov 2024')).toBeTruthy();
    expect(api.called('PATCH /api/v1/portfolio-entries/2')[0]?.body).toEqual({ status: 'published' });
    expect(screen.getByText('“Autograd” moved to Published.')).toBeTruthy();
  });

  it('quick-adds an idea after checking the title', async () => {
    const api = mockApi({
      'GET /api/v1/portfolio-entries': { items: [], total: 0 },
      'GET /api/v1/portfolio-entries/stats': STATS,
      'GET /api/v1/goals': { items: [], total: 0 },
      'POST /api/v1/portfolio-entries': json(201, entry(3, { title: 'Torch internals', kind: 'implementation' })),
    });
    renderPage();
    await screen.findByText('Nothing here yet. Add an idea above.');
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByText(/Name the thing you will make/)).toBeTruthy();
    expect(api.called('POST /api/v1/portfolio-entries')).toHaveLength(0);
    fireEvent.input(screen.getByLabelText('New idea'), { target: { value: 'Torch internals' } });
    fireEvent.input(screen.getByLabelText('Kind'), { target: { value: 'implementation' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(api.called('POST /api/v1/portfolio-entries')).toHaveLength(1));
    expect(api.called('POST /api/v1/portfolio-entries')[0]?.body).toEqual({ title: 'Torch internals', kind: 'implementation', status: 'idea', notes: '' });
  });

  it('edits an entry and shows a bad link from the server next to the field', async () => {
    mockApi({
      'GET /api/v1/portfolio-entries': { items: [entry(4, { title: 'Attention' })], total: 1 },
      'GET /api/v1/portfolio-entries/stats': STATS,
      'GET /api/v1/goals': { items: [], total: 0 },
      'PATCH /api/v1/portfolio-entries/4': validation('url', 'Input should be a valid URL'),
    });
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Edit “Attention”' }));
    const link = screen.getByLabelText('Link (optional)');
    fireEvent.input(link, { target: { value: 'https://example.com/x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const msg = await screen.findByText('Input should be a valid URL');
    expect(link.getAttribute('aria-describedby')).toContain(msg.id);
  });
});
