import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { SessionProvider } from '../auth/session';
import { json, mockApi, USER } from '../test/api';
import AdminPage from './AdminPage';

const ADMIN = { ...USER, is_admin: true };
const OTHER = {
  id: 2,
  email: 'ravi@example.com',
  display_name: 'Ravi',
  is_admin: false,
  disabled: false,
  created_at: '2026-03-01T10:00:00Z',
  last_seen_at: null,
};
const ME = { ...OTHER, id: 1, email: ADMIN.email, display_name: 'Asha', is_admin: true, last_seen_at: '2026-03-02T04:30:00Z' };
const INVITE = {
  id: 3,
  note: 'Meera',
  prefix: 'kzi_ab12cd34',
  created_at: '2026-03-01T10:00:00Z',
  expires_at: '2026-03-08T10:00:00Z',
  used_at: null,
  used_by_email: null,
  status: 'pending',
};

function renderAdmin() {
  return render(
    <SessionProvider initialUser={ADMIN}>
      <AdminPage />
    </SessionProvider>,
  );
}

function base(extra: Record<string, unknown> = {}) {
  return mockApi({
    'GET /api/v1/admin/settings': { signup_open: true },
    'GET /api/v1/admin/users': { items: [ME, OTHER], total: 2 },
    'GET /api/v1/admin/invitations': { items: [], total: 0 },
    ...extra,
  });
}

describe('Admin page', () => {
  it('lists accounts with last seen, and who is admin', async () => {
    base();
    renderAdmin();
    const list = await screen.findByRole('list', { name: 'Accounts' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByText('(you)')).toBeTruthy();
    expect(within(rows[0]!).getByText('Admin')).toBeTruthy();
    expect(within(rows[1]!).getByText(/last seen never/)).toBeTruthy();
    expect(screen.getByText('No invitations yet.')).toBeTruthy();
  });

  it('disables an account after confirming, and shows it disabled', async () => {
    const api = base({ 'PATCH /api/v1/admin/users/2': json(200, { ...OTHER, disabled: true }) });
    renderAdmin();
    fireEvent.click(await screen.findByRole('button', { name: 'Disable ravi@example.com' }));
    expect(api.called('PATCH /api/v1/admin/users/2')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Disable account' }));
    await screen.findByRole('button', { name: 'Enable ravi@example.com' });
    expect(api.called('PATCH /api/v1/admin/users/2')[0]!.body).toEqual({ disabled: true });
    expect(screen.getByText('Disabled')).toBeTruthy();
  });

  it("shows the server's reason when the last admin can't step down", async () => {
    base({ 'PATCH /api/v1/admin/users/1': json(409, { detail: 'This is the only active admin; make someone else admin first' }) });
    renderAdmin();
    fireEvent.click(await screen.findByRole('button', { name: 'Remove admin from asha@example.com' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove admin' }));
    expect(await screen.findByText(/only active admin/)).toBeTruthy();
  });

  it('creates an invitation and shows its link once, with a copy button', async () => {
    const api = base({
      'POST /api/v1/admin/invitations': json(201, { ...INVITE, token: 'kzi_ab12cd34_s3cret', url: 'http://k.test/sign-up?invitation=kzi_ab12cd34_s3cret' }),
    });
    renderAdmin();
    await screen.findByText('No invitations yet.');
    fireEvent.input(screen.getByLabelText(/Who is it for/), { target: { value: ' Meera ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create invitation link' }));
    const link = (await screen.findByLabelText('Invitation link')) as HTMLInputElement;
    expect(link.value).toBe('http://k.test/sign-up?invitation=kzi_ab12cd34_s3cret');
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeTruthy();
    expect(api.called('POST /api/v1/admin/invitations')[0]!.body).toEqual({ note: 'Meera', expires_in_days: 7 });
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByLabelText('Invitation link')).toBeNull());
  });

  it('closes sign-up with the switch', async () => {
    const api = base({ 'PATCH /api/v1/admin/settings': { signup_open: false } });
    renderAdmin();
    const toggle = (await screen.findByRole('switch')) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    fireEvent.click(toggle);
    expect(await screen.findByText(/Sign-up is closed/)).toBeTruthy();
    await waitFor(() => expect(api.called('PATCH /api/v1/admin/settings')[0]?.body).toEqual({ signup_open: false }));
    await waitFor(() => expect(toggle.disabled).toBe(false));
    expect(toggle.checked).toBe(false);
  });
});
