import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { SessionProvider } from '../auth/session';
import { mockApi, USER, validation } from '../test/api';
import { PasswordSection } from './PasswordSection';
import { ProfileSection } from './ProfileSection';

function renderIn(node: preact.ComponentChild) {
  return render(<SessionProvider initialUser={USER}>{node}</SessionProvider>);
}

describe('profile', () => {
  it('starts from the saved profile and saves changes', async () => {
    const api = mockApi({ 'PATCH /api/v1/me': { ...USER, display_name: 'Asha R', timezone: 'Europe/Berlin' } });
    renderIn(<ProfileSection />);
    expect((screen.getByLabelText('Timezone') as HTMLSelectElement).value).toBe('Asia/Kolkata');
    const save = screen.getByRole('button', { name: 'Save profile' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Asha R' } });
    fireEvent.input(screen.getByLabelText('Timezone'), { target: { value: 'Europe/Berlin' } });
    fireEvent.click(save);
    expect(await screen.findByText('Profile saved.')).toBeTruthy();
    expect(api.called('PATCH /api/v1/me')[0]?.body).toEqual({ display_name: 'Asha R', timezone: 'Europe/Berlin' });
  });
});

describe('password', () => {
  it('checks the repeat before sending', () => {
    const api = mockApi({});
    renderIn(<PasswordSection />);
    fireEvent.input(screen.getByLabelText('Current password'), { target: { value: 'old password 1' } });
    fireEvent.input(screen.getByLabelText('New password'), { target: { value: 'new password 22' } });
    fireEvent.input(screen.getByLabelText('Repeat new password'), { target: { value: 'new password 23' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(screen.getByText("This doesn't match the new password.")).toBeTruthy();
    expect(api.calls).toHaveLength(0);
  });

  it('shows a wrong current password next to that field', async () => {
    mockApi({ 'PATCH /api/v1/me': validation('current_password', 'Current password is wrong') });
    renderIn(<PasswordSection />);
    fireEvent.input(screen.getByLabelText('Current password'), { target: { value: 'old password 1' } });
    fireEvent.input(screen.getByLabelText('New password'), { target: { value: 'new password 22' } });
    fireEvent.input(screen.getByLabelText('Repeat new password'), { target: { value: 'new password 22' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    const msg = await screen.findByText('Current password is wrong');
    expect(screen.getByLabelText('Current password').getAttribute('aria-describedby')).toContain(msg.id);
  });
});
