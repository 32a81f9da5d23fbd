import { useLocation } from 'preact-iso';
import { ApiError } from '../api/errors';
import { SIGN_UP_PATH } from '../paths';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { EmailField, TextField } from '../ui/Field';
import { checkEmail, useForm } from '../ui/form';
import { login } from './api';
import { useSession } from './session';

export default function SignInPage() {
  const { setUser } = useSession();
  const { query } = useLocation();
  const next = query.next;
  const form = useForm({
    initial: { email: '', password: '' },
    validate: (v) => ({
      email: checkEmail(v.email),
      password: v.password ? undefined : 'Enter your password.',
    }),
    submit: async (v) => {
      const user = await login({ email: v.email.trim(), password: v.password });
      // The guest-only route guard now sends the person on to ?next= (or home).
      setUser(user);
    },
    mapError: (err) => (err.status === 401 ? new ApiError(401, 'Wrong email or password.') : err),
  });

  return (
    <section class="auth">
      <div class="auth-card">
        <h1 tabIndex={-1}>Sign in</h1>
        <p class="muted auth-lede">
          {next ? 'Sign in to continue where you were.' : 'Welcome back. Keep the streak going.'}
        </p>
        <form class="form" noValidate onSubmit={form.onSubmit} aria-label="Sign in">
          <EmailField label="Email" autoComplete="username" error={form.errors.email} {...form.bind('email')} />
          <TextField
            label="Password"
            type="password"
            autoComplete="current-password"
            error={form.errors.password}
            {...form.bind('password')}
          />
          {form.formError && <Alert>{form.formError}</Alert>}
          <Button type="submit" variant="primary" class="btn-block" busy={form.busy} busyLabel="Signing in…">
            Sign in
          </Button>
        </form>
        <p class="auth-switch">
          New to Kaizen?{' '}
          <a href={next ? `${SIGN_UP_PATH}?next=${encodeURIComponent(next)}` : SIGN_UP_PATH}>Create an account</a>
        </p>
      </div>
    </section>
  );
}
