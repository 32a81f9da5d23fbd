import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { SessionProvider } from '../auth/session';
import { json, mockApi, USER } from '../test/api';
import { TokensSection, httpieExample } from './TokensSection';

const TOKEN = {
  id: 7,
  name: 'laptop script',
  prefix: 'kz_ab12',
  created_at: '2026-03-01T10:00:00Z',
  last_used_at: null,
  expires_at: null,
};

function renderTokens() {
  return render(
    <SessionProvider initialUser={USER}>
      <TokensSection />
    </SessionProvider>,
  );
}

describe('API tokens', () => {
  it('shows a loading state, then the list with prefix and dates', async () => {
    mockApi({ 'GET /api/v1/tokens': { items: [{ ...TOKEN, last_used_at: '2026-03-02T04:30:00Z' }], total: 1 } });
    renderTokens();
    expect(screen.getByText('Loading tokens…')).toBeTruthy();
    const list = await screen.findByRole('list', { name: 'Your API tokens' });
    expect(within(list).getByText('laptop script')).toBeTruthy();
    expect(within(list).getByText('kz_ab12…')).toBeTruthy();
    expect(within(list).getAllByText('Never')).toHaveLength(1); // expires; last used has a date
  });

  it('shows a readable error with a retry when the list fails', async () => {
    let fail = true;
    mockApi({
      'GET /api/v1/tokens': () => (fail ? json(500, { detail: 'boom' }) : json(200, { items: [], total: 0 })),
    });
    renderTokens();
    expect(await screen.findByText("Couldn't load your tokens")).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/No tokens yet/)).toBeTruthy();
  });

  it('shows a new secret once, with a copy button and an HTTPie example', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-02-01T10:00:00Z'));
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const api = mockApi({
      'GET /api/v1/tokens': () => json(200, { items: api.calls.some((c) => c.method === 'POST') ? [TOKEN] : [], total: 0 }),
      'POST /api/v1/tokens': json(201, { ...TOKEN, token: 'kz_ab12_secretsecret' }),
    });
    renderTokens();
    await screen.findByText(/No tokens yet/);
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
    expect(screen.getByText(/Give the token a name/)).toBeTruthy();
    expect(api.called('POST /api/v1/tokens')).toHaveLength(0);

    fireEvent.input(screen.getByLabelText('Token name'), { target: { value: ' laptop script ' } });
    fireEvent.input(screen.getByLabelText('Expires'), { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
    const secret = (await screen.findByLabelText('Your new token')) as HTMLInputElement;
    expect(secret.value).toBe('kz_ab12_secretsecret');
    expect(screen.getByText(httpieExample(location.origin, 'kz_ab12_secretsecret'))).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy token' })).toBeTruthy();

    const body = api.called('POST /api/v1/tokens')[0]?.body as { name: string; expires_at: string };
    expect(body.name).toBe('laptop script');
    expect(body.expires_at).toBe('2026-03-03T10:00:00.000Z'); // 30 days after "now"

    fireEvent.click(screen.getByRole('button', { name: "Done, I've copied it" }));
    expect(screen.queryByLabelText('Your new token')).toBeNull();
    expect(screen.queryByText(/secretsecret/)).toBeNull();
  });

  it('the HTTPie example uses the page origin', () => {
    expect(httpieExample('https://kaizen.example', 'kz_x')).toBe('http https://kaizen.example/api/v1/me "Authorization:Bearer kz_x"');
  });

  it('revokes only after confirmation', async () => {
    let items = [TOKEN];
    const api = mockApi({
      'GET /api/v1/tokens': () => json(200, { items, total: items.length }),
      'DELETE /api/v1/tokens/7': () => {
        items = [];
        return json(204);
      },
    });
    renderTokens();
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke token laptop script' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Revoke “laptop script”?')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.called('DELETE /api/v1/tokens/7')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Revoke token laptop script' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Revoke token' }));
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Your API tokens' })).toBeNull());
    expect(api.called('DELETE /api/v1/tokens/7')).toHaveLength(1);
    expect(screen.getByText(/revoked/)).toBeTruthy();
  });
});
