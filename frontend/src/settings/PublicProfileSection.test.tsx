import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { SessionProvider } from '../auth/session';
import { json, mockApi, USER } from '../test/api';
import { checkHandle, PublicProfileSection } from './PublicProfileSection';

function renderIn(user = USER) {
  return render(
    <SessionProvider initialUser={user}>
      <PublicProfileSection />
    </SessionProvider>,
  );
}

describe('handle rules', () => {
  it('accepts 3–32 lowercase letters, digits and inner dashes', () => {
    expect(checkHandle('asha-rao', false)).toBeUndefined();
    expect(checkHandle('a1b', true)).toBeUndefined();
    expect(checkHandle('ab', false)).toBe('Use 3 to 32 characters.');
    expect(checkHandle('x'.repeat(33), false)).toBe('Use 3 to 32 characters.');
    expect(checkHandle('-asha', false)).toMatch(/no dash at the start or end/);
    expect(checkHandle('asha_rao', false)).toMatch(/lowercase letters/);
    expect(checkHandle('', false)).toBeUndefined();
    expect(checkHandle('', true)).toBe('Choose a handle to make your profile public.');
  });
});

describe('public profile section', () => {
  it('checks the handle before sending', () => {
    const api = mockApi({});
    renderIn();
    fireEvent.click(screen.getByRole('switch', { name: 'Show my public profile' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save public profile' }));
    expect(screen.getByText('Choose a handle to make your profile public.')).toBeTruthy();
    expect(api.calls).toHaveLength(0);
  });

  it('shows a taken handle (409) next to the field', async () => {
    mockApi({ 'PATCH /api/v1/me': json(409, { detail: 'That handle is taken; choose another' }) });
    renderIn();
    const handle = screen.getByLabelText('Handle');
    fireEvent.input(handle, { target: { value: 'asha' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save public profile' }));
    const msg = await screen.findByText('That handle is taken. Choose another.');
    expect(handle.getAttribute('aria-describedby')).toContain(msg.id);
  });

  it('saves the handle and the switch, then links to the page', async () => {
    const api = mockApi({ 'PATCH /api/v1/me': { ...USER, handle: 'asha-rao', public_profile: true } });
    renderIn();
    expect(screen.getByText(/Your profile is private/)).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Handle'), { target: { value: 'Asha-Rao' } });
    fireEvent.click(screen.getByRole('switch', { name: 'Show my public profile' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save public profile' }));
    expect(await screen.findByText('Saved. Your profile is public.')).toBeTruthy();
    expect(api.called('PATCH /api/v1/me')[0]?.body).toEqual({ handle: 'asha-rao', public_profile: true });
    expect(screen.getByRole('link', { name: `${location.origin}/u/asha-rao` }).getAttribute('href')).toBe('/u/asha-rao');
    expect(screen.getByRole('button', { name: 'Copy link to your public page' })).toBeTruthy();
  });

  it('turns the profile off without touching the handle', async () => {
    const user = { ...USER, handle: 'asha', public_profile: true };
    const api = mockApi({ 'PATCH /api/v1/me': { ...user, public_profile: false } });
    renderIn(user);
    fireEvent.click(screen.getByRole('switch', { name: 'Show my public profile' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save public profile' }));
    expect(await screen.findByText('Saved. Your profile is private.')).toBeTruthy();
    expect(api.called('PATCH /api/v1/me')[0]?.body).toEqual({ public_profile: false });
  });
});
