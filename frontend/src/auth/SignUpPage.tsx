import { useLocation } from 'preact-iso';
import { ApiError } from '../api/errors';
import { SIGN_IN_PATH } from '../paths';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { EmailField, Field, TextField } from '../ui/Field';
import { checkEmail, checkNewPassword, MIN_PASSWORD, useForm } from '../ui/form';
import { TimezoneSelect } from '../ui/TimezoneSelect';
import { browserTimezone } from '../ui/timezones';
import { login, register } from './api';
import { useSession } from './session';

const ALREADY_REGISTERED =
  'If you already have an account with this email, sign in with its password instead.';

export default function SignUpPage() {
  const { setUser } = useSession();
  const { query } = useLocation();
  const next = query.next;
  // An admin's invitation link (/sign-up?invitation=…) lets this person in while sign-up is closed.
  const invitation = query.invitation || undefined;
  const form = useForm({
    initial: { display_name: '', email: '', password: '', timezone: browserTimezone() },
    validate: (v) => ({
      email: checkEmail(v.email),
      password: checkNewPassword(v.password),
      display_name: v.display_name.length > 100 ? 'Use at most 100 characters.' : undefined,
    }),
    submit: async (v) => {
      const email = v.email.trim();
      await register({ email, password: v.password, display_name: v.display_name.trim(), timezone: v.timezone, invitation });
      // Registering does not start a session, and answers the same whether or not the email
      // already had an account (so it reveals no one's email): sign in straight away.
      const user = await login({ email, password: v.password });
      setUser(user);
    },
    mapError: (err) => (err.status === 401 ? new ApiError(401, err.message, { email: ALREADY_REGISTERED }) : err),
  });

  return (
    <section class="auth">
      <div class="auth-card">
        <h1 tabIndex={-1}>Create your account</h1>
        <p class="muted auth-lede">
          {invitation
            ? "You've been invited to this Kaizen. Create your account to join."
            : "Track what you said you'd do — and what you actually did."}
        </p>
        <p class="muted">Already have an account? Sign in instead: signing up again changes nothing.</p>
        <form class="form" noValidate onSubmit={form.onSubmit} aria-label="Create account">
          <TextField
            label="Name"
            note="optional"
            autoComplete="name"
            maxLength={100}
            error={form.errors.display_name}
            {...form.bind('display_name')}
          />
          <EmailField label="Email" autoComplete="email" error={form.errors.email} {...form.bind('email')} />
          <TextField
            label="Password"
            type="password"
            autoComplete="new-password"
            hint={`At least ${MIN_PASSWORD} characters. A few random words work well.`}
            error={form.errors.password}
            {...form.bind('password')}
          />
          <Field label="Timezone" error={form.errors.timezone} hint="Your days start and end here.">
            {(control) => <TimezoneSelect {...control} {...form.bind('timezone')} />}
          </Field>
          {form.formError && <Alert>{form.formError}</Alert>}
          <Button type="submit" variant="primary" class="btn-block" busy={form.busy} busyLabel="Creating account…">
            Create account
          </Button>
        </form>
        <p class="auth-switch">
          Already have an account?{' '}
          <a href={next ? `${SIGN_IN_PATH}?next=${encodeURIComponent(next)}` : SIGN_IN_PATH}>Sign in</a>
        </p>
      </div>
    </section>
  );
}
