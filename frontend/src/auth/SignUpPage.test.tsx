import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { App } from '../app';
import { EMPTY_HOME, USER, json, mockApi, validation } from '../test/api';

function fill(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

async function openSignUp(url = '/sign-up') {
  history.replaceState(null, '', url);
  render(<App initialUser={null} />);
  await screen.findByRole('heading', { name: 'Create your account' });
}

describe('sign up', () => {
  it('validates the password length in the browser', async () => {
    const api = mockApi({});
    await openSignUp();
    fill('Email', 'asha@example.com');
    fill('Password', 'short');
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(screen.getByText('Use at least 10 characters.')).toBeTruthy();
    expect(api.calls).toHaveLength(0);
  });

  it("puts the server's 422 message next to the field it is about", async () => {
    mockApi({ 'POST /api/v1/auth/register': validation('email', 'value is not a valid email address: The domain name a.b does not exist.') });
    await openSignUp();
    fill('Email', 'asha@a.bc');
    fill('Password', 'correct horse battery');
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    const message = await screen.findByText(/not a valid email address/);
    const email = screen.getByLabelText('Email');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
  });

  it('registers with the chosen timezone, then signs in', async () => {
    const api = mockApi({
      'POST /api/v1/auth/register': json(202, { detail: 'If this email is new, your account is ready: sign in.' }),
      'POST /api/v1/auth/login': USER,
      'GET /api/v1/home': EMPTY_HOME,
    });
    await openSignUp();
    fill('Name (optional)', '  Asha ');
    fill('Email', 'asha@example.com');
    fill('Password', 'correct horse battery');
    fireEvent.input(screen.getByLabelText('Timezone'), { target: { value: 'Asia/Kolkata' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await screen.findByRole('heading', { level: 1, name: 'Home' }, { timeout: 5000 });
    expect(api.called('POST /api/v1/auth/register')[0]?.body).toEqual({
      email: 'asha@example.com',
      password: 'correct horse battery',
      display_name: 'Asha',
      timezone: 'Asia/Kolkata',
    });
    expect(api.called('POST /api/v1/auth/login')).toHaveLength(1);
  });

  it('says to sign in when the email already has an account (sign-in after sign-up fails)', async () => {
    mockApi({
      'POST /api/v1/auth/register': json(202, { detail: 'If this email is new, your account is ready: sign in.' }),
      'POST /api/v1/auth/login': json(401, { detail: 'Incorrect email or password' }),
    });
    await openSignUp();
    fill('Email', 'asha@example.com');
    fill('Password', 'correct horse battery');
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText(/already have an account with this email/)).toBeTruthy();
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
  });

  it("sends the invitation from an admin's link, and says why a used one is refused", async () => {
    const api = mockApi({
      'POST /api/v1/auth/register': json(403, { detail: 'This invitation link is invalid, used or expired' }),
    });
    await openSignUp('/sign-up?invitation=kzi_ab_s3cret');
    expect(screen.getByText(/You've been invited/)).toBeTruthy();
    fill('Email', 'ravi@example.com');
    fill('Password', 'correct horse battery');
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText(/invitation link is invalid, used or expired/)).toBeTruthy();
    expect(api.called('POST /api/v1/auth/register')[0]?.body).toMatchObject({ invitation: 'kzi_ab_s3cret' });
  });
});
