import { useState } from 'preact/hooks';
import { updateMe } from '../auth/api';
import { useSession, useUser } from '../auth/session';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { Field, TextField } from '../ui/Field';
import { useForm } from '../ui/form';
import { TimezoneSelect } from '../ui/TimezoneSelect';

export function ProfileSection() {
  const user = useUser();
  const { setUser } = useSession();
  const [saved, setSaved] = useState(false);
  const form = useForm({
    initial: { display_name: user.display_name, timezone: user.timezone },
    validate: (v) => ({
      display_name: v.display_name.length > 100 ? 'Use at most 100 characters.' : undefined,
      timezone: v.timezone ? undefined : 'Choose a timezone.',
    }),
    submit: async (v) => {
      setSaved(false);
      const updated = await updateMe({ display_name: v.display_name.trim(), timezone: v.timezone });
      setUser(updated);
      form.reset({ display_name: updated.display_name, timezone: updated.timezone });
      setSaved(true);
    },
  });
  const dirty = form.values.display_name !== user.display_name || form.values.timezone !== user.timezone;

  return (
    <section class="card" aria-labelledby="profile-title">
      <h2 id="profile-title">Profile</h2>
      <form class="form" noValidate onSubmit={form.onSubmit}>
        <div class="field">
          <span class="field-label" id="profile-email-label">
            Email
          </span>
          <p class="field-static" aria-labelledby="profile-email-label">
            {user.email}
          </p>
        </div>
        <TextField
          label="Name"
          autoComplete="name"
          maxLength={100}
          hint="Shown in the app; leave empty to use your email."
          error={form.errors.display_name}
          {...form.bind('display_name')}
          onInput={(e) => {
            setSaved(false);
            form.set('display_name', e.currentTarget.value);
          }}
        />
        <Field label="Timezone" error={form.errors.timezone} hint="“Today” and every daily number follow this timezone.">
          {(control) => (
            <TimezoneSelect
              {...control}
              {...form.bind('timezone')}
              onInput={(e) => {
                setSaved(false);
                form.set('timezone', e.currentTarget.value);
              }}
            />
          )}
        </Field>
        {form.formError && <Alert>{form.formError}</Alert>}
        {saved && <Alert kind="success">Profile saved.</Alert>}
        <div class="form-actions">
          <Button type="submit" variant="primary" busy={form.busy} busyLabel="Saving…" disabled={!dirty && !form.busy}>
            Save profile
          </Button>
        </div>
      </form>
    </section>
  );
}
