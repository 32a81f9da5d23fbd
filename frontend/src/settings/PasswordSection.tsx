import { useState } from 'preact/hooks';
import { updateMe } from '../auth/api';
import { useSession, useUser } from '../auth/session';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { TextField } from '../ui/Field';
import { checkNewPassword, MIN_PASSWORD, useForm } from '../ui/form';

const EMPTY = { current_password: '', new_password: '', confirm_password: '' };

export function PasswordSection() {
  const { setUser } = useSession();
  const user = useUser();
  const [saved, setSaved] = useState(false);
  const form = useForm({
    initial: EMPTY,
    validate: (v) => ({
      current_password: v.current_password ? undefined : 'Enter your current password.',
      new_password:
        checkNewPassword(v.new_password) ??
        (v.new_password === v.current_password ? 'Choose a password different from the current one.' : undefined),
      confirm_password:
        v.confirm_password === v.new_password ? undefined : "This doesn't match the new password.",
    }),
    submit: async (v) => {
      setSaved(false);
      const updated = await updateMe({ current_password: v.current_password, new_password: v.new_password });
      setUser(updated);
      form.reset(EMPTY);
      setSaved(true);
    },
  });

  return (
    <section class="card" aria-labelledby="password-title">
      <h2 id="password-title">Password</h2>
      <p class="muted card-lede">Changing it signs you out everywhere else.</p>
      <form class="form" noValidate onSubmit={form.onSubmit}>
        {/* Lets password managers tie the new password to the account. */}
        <input type="text" name="username" autoComplete="username" class="visually-hidden" tabIndex={-1} aria-hidden="true" value={user.email} readOnly />
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          error={form.errors.current_password}
          {...form.bind('current_password')}
        />
        <div class="grid-2">
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            hint={`At least ${MIN_PASSWORD} characters.`}
            error={form.errors.new_password}
            {...form.bind('new_password')}
          />
          <TextField
            label="Repeat new password"
            type="password"
            autoComplete="new-password"
            error={form.errors.confirm_password}
            {...form.bind('confirm_password')}
          />
        </div>
        {form.formError && <Alert>{form.formError}</Alert>}
        {saved && <Alert kind="success">Password changed. Other sessions have been signed out.</Alert>}
        <div class="form-actions">
          <Button type="submit" variant="primary" busy={form.busy} busyLabel="Changing…">
            Change password
          </Button>
        </div>
      </form>
    </section>
  );
}
