import { render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { App } from '../app';
import { json, mockApi } from '../test/api';

function visit(url: string) {
  history.replaceState(null, '', url);
  return render(<App initialUser={null} />);
}

describe('public profile page', () => {
  it('shows the name and published work to a signed-out visitor, links only when http(s)', async () => {
    mockApi({
      'GET /api/v1/public/profiles/asha': {
        display_name: 'Asha Rao',
        handle: 'asha',
        entries: [
          { title: 'How autograd works', kind: 'blog_post', url: 'https://example.com/a', published_on: '2024-11-17' },
          { title: 'Sneaky', kind: 'talk', url: 'javascript:alert(1)', published_on: '2023-05-02' },
        ],
      },
    });
    visit('/u/asha');
    expect(await screen.findByRole('heading', { level: 1, name: 'Asha Rao' })).toBeTruthy();
    expect(screen.getByText('@asha')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'How autograd works' }).getAttribute('href')).toBe('https://example.com/a');
    expect(screen.getByText('Sneaky').closest('a')).toBeNull();
    expect(screen.getByText(/17 Nov 2024/)).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['2024', '2023']);
    await waitFor(() => expect(document.title).toBe('Asha Rao · Kaizen'));
  });

  it('says the profile is not available on a 404', async () => {
    mockApi({ 'GET /api/v1/public/profiles/gone': json(404, { detail: 'Profile not found' }) });
    visit('/u/gone');
    expect(await screen.findByRole('heading', { level: 1, name: "This profile isn't available" })).toBeTruthy();
  });

  it('does not ask the server about an impossible handle', async () => {
    const api = mockApi({});
    visit('/u/not_valid!');
    expect(await screen.findByRole('heading', { level: 1, name: "This profile isn't available" })).toBeTruthy();
    expect(api.calls).toHaveLength(0);
  });
});
