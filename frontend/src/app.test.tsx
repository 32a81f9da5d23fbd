import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { App } from './app';
import { EMPTY_HOME, json, mockApi, USER } from './test/api';
import { navRoutes, routes } from './routes';

function startAt(url: string, initialUser?: typeof USER | null) {
  history.replaceState(null, '', url);
  return render(<App initialUser={initialUser} />);
}

describe('app shell and routing', () => {
  it('loads the session, then shows the page', async () => {
    document.cookie = 'kaizen_csrf=token; path=/'; // a signed-in browser has it
    mockApi({ 'GET /api/v1/me': USER, 'GET /api/v1/tokens': { items: [], total: 0 }, 'GET /api/v1/me/calendar-feed': { active: false } });
    startAt('/settings');
    expect(screen.getByRole('status').textContent).toContain('Loading');
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect(document.title).toBe('Settings · Kaizen');
    // Settings is a secondary page: under the header's "More", which shows that it holds the current page.
    const header = within(screen.getAllByRole('navigation', { name: 'Main' })[0]!);
    const more = header.getByRole('button', { name: 'More' });
    expect(more.hasAttribute('data-current')).toBe(true);
    fireEvent.click(more);
    expect(header.getByRole('link', { name: 'Settings' }).getAttribute('aria-current')).toBe('page');
  });

  it('asks the server nothing on a signed-out visit (no session cookie, no 401 GET /me)', async () => {
    const api = mockApi({});
    startAt('/sign-in');
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(api.calls).toHaveLength(0);
  });

  it('sends a signed-out visitor to sign-in with the way back', async () => {
    document.cookie = 'kaizen_csrf=stale; path=/'; // a session the server has ended
    mockApi({ 'GET /api/v1/me': json(401, { detail: 'Not authenticated' }) });
    startAt('/settings');
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(location.pathname + location.search).toBe('/sign-in?next=%2Fsettings');
  });

  it('redirects / to the home page', async () => {
    mockApi({ 'GET /api/v1/home': EMPTY_HOME });
    startAt('/', USER);
    expect(await screen.findByRole('heading', { level: 1, name: 'Home' })).toBeTruthy();
    expect(location.pathname).toBe('/home');
  });

  it('keeps signed-in people away from sign-in', async () => {
    mockApi({ 'GET /api/v1/home': EMPTY_HOME });
    startAt('/sign-in', USER);
    await screen.findByRole('heading', { level: 1, name: 'Home' });
    expect(location.pathname).toBe('/home');
  });

  it('says when a page does not exist', async () => {
    startAt('/nope', USER);
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
  });

  it('titles a page from the route list', async () => {
    mockApi({ 'GET /api/v1/sprints': { items: [], total: 0 } });
    startAt('/sprints/history', USER);
    expect(await screen.findByRole('heading', { level: 1, name: 'Sprint history' })).toBeTruthy();
    expect(document.title).toBe('Sprint history · Kaizen');
  });

  it('a sprint address with a malformed id is not found', async () => {
    startAt('/sprints/abc', USER);
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
  });

  it('shows a readable error with a retry when the server is unreachable', async () => {
    let up = false;
    document.cookie = 'kaizen_csrf=token; path=/';
    mockApi({
      'GET /api/v1/me': () => {
        if (!up) throw new TypeError('Failed to fetch');
        return json(200, USER);
      },
      'GET /api/v1/tokens': { items: [], total: 0 },
      'GET /api/v1/me/calendar-feed': { active: false },
    });
    startAt('/settings');
    expect(await screen.findByText("Kaizen couldn't start")).toBeTruthy();
    expect(screen.getByText(/Can't reach the Kaizen server/)).toBeTruthy();
    up = true;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
  });

  it('a 401 in the middle of a visit goes to sign-in, remembering the page', async () => {
    mockApi({
      'GET /api/v1/tokens': { items: [], total: 0 },
      'GET /api/v1/me/calendar-feed': { active: false },
      'PATCH /api/v1/me': json(401, { detail: 'Not authenticated' }),
    });
    startAt('/settings', USER);
    fireEvent.input(await screen.findByLabelText('Name'), { target: { value: 'New name' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    await screen.findByRole('heading', { name: 'Sign in' });
    expect(location.pathname + location.search).toBe('/sign-in?next=%2Fsettings');
  });

  it('signs out from the user menu', async () => {
    const api = mockApi({
      'GET /api/v1/tokens': { items: [], total: 0 },
      'GET /api/v1/me/calendar-feed': { active: false },
      'POST /api/v1/auth/logout': json(204),
    });
    startAt('/settings', USER);
    const menu = await screen.findByRole('button', { name: /account menu/ });
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByRole('heading', { name: 'Sign in' });
    expect(location.pathname).toBe('/sign-in');
    expect(api.called('POST /api/v1/auth/logout')).toHaveLength(1);
  });

  it('every nav entry is a real page that needs sign-in', () => {
    expect(navRoutes.length).toBeGreaterThan(0);
    for (const r of navRoutes) expect(['user', 'admin']).toContain(r.access);
    const paths = routes.map((r) => r.path);
    expect(new Set(paths).size).toBe(paths.length);
  });
});

describe('theme', () => {
  it('the toggle switches and remembers the theme', async () => {
    startAt('/sign-in', null);
    const toggle = await screen.findByRole('button', { name: /Switch to (dark|light) theme/ });
    const before = toggle.getAttribute('aria-label')?.includes('dark') ? 'dark' : 'light';
    fireEvent.click(toggle);
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe(before));
    expect(localStorage.getItem('kaizen-theme')).toBe(before);
  });
});
