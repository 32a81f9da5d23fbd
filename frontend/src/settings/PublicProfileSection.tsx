// Settings → Public profile: a handle, the on/off switch, and the link to /u/<handle>.
import { useState } from 'preact/hooks';
import { ApiError } from '../api/errors';
import { updateMe, type MeUpdate } from '../auth/api';
import { useSession, useUser } from '../auth/session';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { CopyButton } from '../ui/CopyButton';
import { Field } from '../ui/Field';
import { useForm } from '../ui/form';
import '../public/settings-section.css';

export const HANDLE_RE = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

export function checkHandle(raw: string, wantsPublic: boolean): string | undefined {
  const handle = raw.trim().toLowerCase();
  if (!handle) return wantsPublic ? 'Choose a handle to make your profile public.' : undefined;
  if (handle.length < 3 || handle.length > 32) return 'Use 3 to 32 characters.';
  if (!HANDLE_RE.test(handle)) return 'Use lowercase letters, digits and dashes; no dash at the start or end.';
  return undefined;
}

export function profileUrl(handle: string, origin = location.origin): string {
  return `${origin}/u/${handle}`;
}

export function PublicProfileSection() {
  const user = useUser();
  const { setUser } = useSession();
  const [saved, setSaved] = useState<string | null>(null);
  const initial = { handle: user.handle ?? '', public_profile: user.public_profile };
  const form = useForm({
    initial,
    validate: (v) => ({ handle: checkHandle(v.handle, v.public_profile) }),
    submit: async (v) => {
      setSaved(null);
      const handle = v.handle.trim().toLowerCase() || null;
      const body: MeUpdate = { public_profile: v.public_profile };
      if (handle !== user.handle) body.handle = handle;
      const updated = await updateMe(body);
      setUser(updated);
      form.reset({ handle: updated.handle ?? '', public_profile: updated.public_profile });
      setSaved(updated.public_profile ? 'Saved. Your profile is public.' : 'Saved. Your profile is private.');
    },
    mapError: (err) =>
      err.status === 409 ? new ApiError(409, err.message, { handle: 'That handle is taken. Choose another.' }) : err,
  });
  const dirty = form.values.handle.trim().toLowerCase() !== (user.handle ?? '') || form.values.public_profile !== initial.public_profile;
  const live = user.public_profile && user.handle;

  return (
    <section class="card" aria-labelledby="public-profile-title">
      <h2 id="public-profile-title">Public profile</h2>
      <p class="muted card-lede">
        A page anyone can open without signing in, showing your name and your published portfolio entries — nothing
        else. Off unless you turn it on.
      </p>
      <form class="form" noValidate onSubmit={form.onSubmit} aria-label="Public profile">
        <Field
          label="Handle"
          error={form.errors.handle}
          hint="3–32 lowercase letters, digits and dashes (not at the start or end)."
        >
          {(control) => (
            <div class="pp-handle">
              <span class="pp-handle-prefix" aria-hidden="true">
                /u/
              </span>
              <input
                class="input pp-handle-input"
                autoComplete="off"
                autoCapitalize="none"
                spellcheck={false}
                maxLength={32}
                placeholder="e.g. asha-rao"
                {...control}
                {...form.bind('handle')}
                onInput={(e) => {
                  setSaved(null);
                  form.set('handle', e.currentTarget.value);
                }}
              />
            </div>
          )}
        </Field>
        <label class="pp-switch">
          <input
            type="checkbox"
            role="switch"
            class="pp-switch-input"
            checked={form.values.public_profile}
            onChange={(e) => {
              setSaved(null);
              form.set('public_profile', e.currentTarget.checked);
            }}
          />
          <span class="pp-switch-track" aria-hidden="true">
            <span class="pp-switch-thumb" />
          </span>
          <span class="pp-switch-label">Show my public profile</span>
        </label>
        {form.formError && <Alert>{form.formError}</Alert>}
        {saved && <Alert kind="success">{saved}</Alert>}
        <div class="form-actions">
          <Button type="submit" variant="primary" busy={form.busy} busyLabel="Saving…" disabled={!dirty && !form.busy}>
            Save public profile
          </Button>
        </div>
      </form>
      {live && user.handle ? (
        <div class="pp-link">
          <p class="pp-link-label">Your public page</p>
          <div class="pp-link-row">
            <a href={`/u/${user.handle}`} class="pp-link-url">
              {profileUrl(user.handle)}
            </a>
            <CopyButton text={profileUrl(user.handle)} label="Copy link" what="to your public page" />
          </div>
        </div>
      ) : (
        <p class="muted pp-off">Your profile is private{user.handle ? ` — /u/${user.handle} shows “not available”` : ''}.</p>
      )}
    </section>
  );
}
