import { useState } from 'preact/hooks';
import { errorMessage } from '../api/errors';
import { useUser } from '../auth/session';
import '../public/settings-section.css';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { CopyButton } from '../ui/CopyButton';
import { SelectField, TextField } from '../ui/Field';
import { formatDateTime } from '../ui/format';
import { useForm } from '../ui/form';
import { ErrorState, Loading } from '../ui/Status';
import { useRequest } from '../ui/useRequest';
import {
  createInvitation,
  listInvitations,
  listUsers,
  readSettings,
  revokeInvitation,
  setSignupOpen,
  updateUser,
  type AdminUser,
  type CreatedInvitation,
  type Invitation,
} from './api';
import './admin.css';

const EXPIRY_CHOICES = [
  { value: '1', label: '1 day' },
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
];

const STATUS_LABELS: Record<Invitation['status'], string> = {
  pending: 'Not used yet',
  used: 'Used',
  expired: 'Expired',
  revoked: 'Revoked',
};

function SignupSection() {
  const settings = useRequest(readSettings);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toggle = async (open: boolean) => {
    setBusy(true);
    setError(null);
    // The switch moves at once; it moves back if the server refuses.
    settings.mutate(() => ({ signup_open: open }));
    try {
      const saved = await setSignupOpen(open);
      settings.mutate(() => saved);
    } catch (err) {
      settings.mutate(() => ({ signup_open: !open }));
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card" aria-labelledby="signup-title">
      <h2 id="signup-title">Sign-up</h2>
      {settings.data ? (
        <>
          <label class="pp-switch">
            <input
              type="checkbox"
              role="switch"
              class="pp-switch-input"
              checked={settings.data.signup_open}
              disabled={busy}
              onChange={(e) => void toggle(e.currentTarget.checked)}
            />
            <span class="pp-switch-track" aria-hidden="true">
              <span class="pp-switch-thumb" />
            </span>
            <span class="pp-switch-label">Anyone with the address can create an account</span>
          </label>
          <p class="muted card-lede">
            {settings.data.signup_open
              ? 'Sign-up is open. Close it to let people in only with an invitation link.'
              : 'Sign-up is closed: people join with an invitation link from below.'}
          </p>
          {error && <Alert>{error}</Alert>}
        </>
      ) : settings.status === 'error' ? (
        <ErrorState title="Couldn't load the sign-up setting" error={settings.error} onRetry={settings.reload} />
      ) : (
        <Loading minHeight="3rem" />
      )}
    </section>
  );
}

function CreatedPanel({ invitation, timeZone, onDone }: { invitation: CreatedInvitation; timeZone: string; onDone: () => void }) {
  return (
    <div class="token-created" role="region" aria-labelledby="invite-created-title">
      <h3 id="invite-created-title">Invitation created{invitation.note ? ` for ${invitation.note}` : ''}</h3>
      <Alert kind="info">
        Copy the link now and send it — this is the only time Kaizen shows it. It works once, until{' '}
        {formatDateTime(invitation.expires_at, timeZone)}.
      </Alert>
      <div class="field">
        <label class="field-label" for="invite-url">
          Invitation link
        </label>
        <div class="input-row">
          <input id="invite-url" class="input mono" readOnly value={invitation.url} onFocus={(e) => e.currentTarget.select()} />
          <CopyButton text={invitation.url} label="Copy link" />
        </div>
      </div>
      <div class="form-actions">
        <Button variant="primary" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}

function InvitationsSection({ timeZone }: { timeZone: string }) {
  const list = useRequest(listInvitations);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const form = useForm({
    initial: { note: '', expires: '7' },
    validate: (v) => ({ note: v.note.trim().length > 200 ? 'Use at most 200 characters.' : undefined }),
    submit: async (v) => {
      const invitation = await createInvitation({ note: v.note.trim(), expires_in_days: Number(v.expires) });
      setCreated(invitation);
      form.reset();
      list.reload();
    },
  });
  const revoke = async (invitation: Invitation) => {
    setRevokeError(null);
    try {
      await revokeInvitation(invitation.id);
      list.reload();
    } catch (err) {
      setRevokeError(errorMessage(err));
    }
  };
  return (
    <section class="card" aria-labelledby="invitations-title">
      <h2 id="invitations-title">Invitations</h2>
      <p class="muted card-lede">
        A link lets one person create an account, even while sign-up is closed. Kaizen keeps only a hash of it.
      </p>
      {created ? (
        <CreatedPanel invitation={created} timeZone={timeZone} onDone={() => setCreated(null)} />
      ) : (
        <form class="form token-form" noValidate onSubmit={form.onSubmit} aria-label="Create an invitation">
          <div class="token-form-fields">
            <TextField label="Who is it for?" note="optional" maxLength={200} placeholder="e.g. Ravi from the lab" error={form.errors.note} {...form.bind('note')} />
            <SelectField label="Valid for" options={EXPIRY_CHOICES} error={form.errors.expires} {...form.bind('expires')} />
          </div>
          {form.formError && <Alert>{form.formError}</Alert>}
          <div class="form-actions">
            <Button type="submit" variant="primary" busy={form.busy} busyLabel="Creating…">
              Create invitation link
            </Button>
          </div>
        </form>
      )}
      {revokeError && <Alert>{revokeError}</Alert>}
      {list.data ? (
        list.data.items.length === 0 ? (
          <p class="empty">No invitations yet.</p>
        ) : (
          <ul class="admin-list" aria-label="Invitations">
            {list.data.items.map((i) => (
              <li key={i.id} class="admin-row">
                <div class="admin-row-main">
                  <p class="admin-row-title">{i.note || <span class="muted">No note</span>}</p>
                  <code class="token-prefix">{i.prefix}…</code>
                </div>
                <p class="admin-row-meta">
                  <span class={`admin-badge admin-badge-${i.status}`}>{STATUS_LABELS[i.status]}</span>{' '}
                  {i.status === 'used'
                    ? `by ${i.used_by_email ?? 'a deleted account'}, ${formatDateTime(i.used_at, timeZone)}`
                    : `expires ${formatDateTime(i.expires_at, timeZone)}`}
                </p>
                {i.status === 'pending' && (
                  <div class="admin-row-actions">
                    <Button variant="danger" onClick={() => void revoke(i)} aria-label={`Revoke invitation ${i.note || i.prefix}`}>
                      Revoke
                    </Button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )
      ) : list.status === 'error' ? (
        <ErrorState title="Couldn't load invitations" error={list.error} onRetry={list.reload} />
      ) : (
        <Loading minHeight="4rem" />
      )}
    </section>
  );
}

type Pending = { user: AdminUser; change: 'disable' | 'enable' | 'make-admin' | 'remove-admin' };

const CHANGE_TEXT: Record<Pending['change'], { title: string; confirm: string; body: string; danger: boolean }> = {
  disable: {
    title: 'Disable',
    confirm: 'Disable account',
    body: 'They are signed out everywhere at once, and their API tokens stop working. Their data is kept; you can enable the account again.',
    danger: true,
  },
  enable: { title: 'Enable', confirm: 'Enable account', body: 'They can sign in again.', danger: false },
  'make-admin': {
    title: 'Make admin',
    confirm: 'Make admin',
    body: 'Admins see this page: they can manage accounts, invitations and sign-up.',
    danger: false,
  },
  'remove-admin': { title: 'Remove admin', confirm: 'Remove admin', body: 'They keep their account but lose this page.', danger: true },
};

function UsersSection({ me, timeZone }: { me: number; timeZone: string }) {
  const users = useRequest(listUsers);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    setError(null);
    const body =
      pending.change === 'disable' || pending.change === 'enable'
        ? { disabled: pending.change === 'disable' }
        : { is_admin: pending.change === 'make-admin' };
    try {
      const saved = await updateUser(pending.user.id, body);
      users.mutate((page) => ({ ...page, items: page.items.map((u) => (u.id === saved.id ? saved : u)) }));
      setPending(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const ask = (user: AdminUser, change: Pending['change']) => {
    setError(null);
    setPending({ user, change });
  };
  const text = pending ? CHANGE_TEXT[pending.change] : null;
  return (
    <section class="card" aria-labelledby="users-title">
      <h2 id="users-title">Accounts{users.data ? ` (${users.data.total})` : ''}</h2>
      {users.data ? (
        <ul class="admin-list" aria-label="Accounts">
          {users.data.items.map((u) => (
            <li key={u.id} class="admin-row" data-disabled={u.disabled ? '' : undefined}>
              <div class="admin-row-main">
                <p class="admin-row-title">
                  {u.display_name || u.email}
                  {u.id === me && <span class="muted"> (you)</span>}
                </p>
                {u.display_name && <p class="admin-row-sub">{u.email}</p>}
              </div>
              <p class="admin-row-meta">
                {u.is_admin && <span class="admin-badge admin-badge-admin">Admin</span>}
                {u.disabled && <span class="admin-badge admin-badge-revoked">Disabled</span>}{' '}
                Joined {formatDateTime(u.created_at, timeZone)} · last seen{' '}
                {u.last_seen_at ? formatDateTime(u.last_seen_at, timeZone) : 'never'}
              </p>
              <div class="admin-row-actions">
                <Button variant={u.disabled ? 'secondary' : 'danger'} onClick={() => ask(u, u.disabled ? 'enable' : 'disable')}
                  aria-label={`${u.disabled ? 'Enable' : 'Disable'} ${u.email}`}>
                  {u.disabled ? 'Enable' : 'Disable'}
                </Button>
                <Button onClick={() => ask(u, u.is_admin ? 'remove-admin' : 'make-admin')}
                  aria-label={`${u.is_admin ? 'Remove admin from' : 'Make admin'} ${u.email}`}>
                  {u.is_admin ? 'Remove admin' : 'Make admin'}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      ) : users.status === 'error' ? (
        <ErrorState title="Couldn't load accounts" error={users.error} onRetry={users.reload} />
      ) : (
        <Loading minHeight="6rem" />
      )}
      <ConfirmDialog
        open={pending !== null}
        title={pending && text ? `${text.title} ${pending.user.email}?` : ''}
        confirmLabel={text?.confirm ?? ''}
        busyLabel="Saving…"
        danger={text?.danger ?? false}
        busy={busy}
        error={error}
        onConfirm={() => void confirm()}
        onCancel={() => setPending(null)}
      >
        <p>{text?.body}</p>
      </ConfirmDialog>
    </section>
  );
}

export default function AdminPage() {
  const user = useUser();
  return (
    <div class="page">
      <header class="page-header">
        <h1 tabIndex={-1}>Admin</h1>
        <p class="muted">Who can use this Kaizen: sign-up, invitations and accounts.</p>
      </header>
      <div class="stack">
        <SignupSection />
        <InvitationsSection timeZone={user.timezone} />
        <UsersSection me={user.id} timeZone={user.timezone} />
      </div>
    </div>
  );
}
