import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { App } from '../app';
import { EMPTY_HOME, USER, json, mockApi } from '../test/api';

function startAt(url: string) {
  history.replaceState(null, '', url);
  return render(<App initialUser={null} />);
}

describe('sign in', () => {
  it('checks the form before sending anything', async () => {
    const api = mockApi({});
    startAt('/sign-in');
    fireEvent.click(await screen.findByRole('button', { name: 'Sign in' }));
    const email = screen.getByLabelText('Email');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText('Enter your email address.')).toBeTruthy();
    expect(screen.getByText('Enter your password.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(email));
    expect(api.calls).toHaveLength(0);
  });

  it('shows wrong credentials as a readable message', async () => {
    mockApi({ 'POST /api/v1/auth/login': json(401, { detail: 'Incorrect email or password' }) });
    startAt('/sign-in');
    fireEvent.input(await screen.findByLabelText('Email'), { target: { value: 'asha@example.com' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'wrong password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong email or password.');
  });

  it('explains throttling with the wait from Retry-After', async () => {
    mockApi({ 'POST /api/v1/auth/login': json(429, { detail: 'Too many failed sign-ins' }, { 'Retry-After': '30' }) });
    startAt('/sign-in');
    fireEvent.input(await screen.findByLabelText('Email'), { target: { value: 'asha@example.com' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'whatever12345' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Too many attempts. Try again in 30 seconds.');
  });

  it('goes back to ?next= after signing in', async () => {
    const api = mockApi({
      'POST /api/v1/auth/login': USER,
      'GET /api/v1/tokens': { items: [], total: 0 },
    });
    startAt('/sign-in?next=%2Fsettings');
    expect(await screen.findByText('Sign in to continue where you were.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: ' asha@example.com ' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'correct horse battery' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect(location.pathname).toBe('/settings');
    expect(api.called('POST /api/v1/auth/login')[0]?.body).toEqual({ email: 'asha@example.com', password: 'correct horse battery' });
  });

  it('refuses to send people to another site after sign-in', async () => {
    mockApi({ 'POST /api/v1/auth/login': USER, 'GET /api/v1/home': EMPTY_HOME });
    startAt('/sign-in?next=%2F%2Fevil.example');
    fireEvent.input(await screen.findByLabelText('Email'), { target: { value: 'asha@example.com' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'correct horse battery' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('heading', { level: 1, name: 'Home' });
    expect(location.pathname).toBe('/home');
  });
});
