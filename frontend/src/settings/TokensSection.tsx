import { useState } from 'preact/hooks';
import { ApiError, errorMessage } from '../api/errors';
import { useUser } from '../auth/session';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { CopyButton } from '../ui/CopyButton';
import { SelectField, TextField } from '../ui/Field';
import { formatDateTime } from '../ui/format';
import { useForm } from '../ui/form';
import { ErrorState, Loading } from '../ui/Status';
import { useAction } from '../ui/useAction';
import { useRequest } from '../ui/useRequest';
import { createToken, deleteToken, listTokens, type CreatedToken, type Token } from './api';

const EXPIRY_CHOICES = [
  { value: '', label: 'Never' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In 1 year' },
];

function expiresAt(days: string): string | null {
  if (!days) return null;
  return new Date(Date.now() + Number(days) * 86_400_000).toISOString();
}

export function httpieExample(origin: string, secret: string): string {
  return `http ${origin}/api/v1/me "Authorization:Bearer ${secret}"`;
}

function NewTokenPanel({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  const example = httpieExample(location.origin, token.token);
  return (
    <div class="token-created" role="region" aria-labelledby="token-created-title">
      <h3 id="token-created-title">Token “{token.name}” created</h3>
      <Alert kind="info">Copy it now — this is the only time Kaizen will show it.</Alert>
      <div class="field">
        <label class="field-label" for="new-token-secret">
          Your new token
        </label>
        <div class="input-row">
          <input id="new-token-secret" class="input mono" readOnly value={token.token} onFocus={(e) => e.currentTarget.select()} />
          <CopyButton text={token.token} what="token" />
        </div>
      </div>
      <div class="field">
        <span class="field-label" id="token-example-label">
          Try it with HTTPie
        </span>
        <div class="input-row input-row-stack">
          <pre class="code" aria-labelledby="token-example-label" tabIndex={0}>
            <code>{example}</code>
          </pre>
          <CopyButton text={example} what="command" />
        </div>
      </div>
      <div class="form-actions">
        <Button variant="primary" onClick={onDone}>
          Done, I've copied it
        </Button>
      </div>
    </div>
  );
}

function TokenList({ tokens, timeZone, onRevoke }: { tokens: Token[]; timeZone: string; onRevoke: (t: Token) => void }) {
  if (tokens.length === 0) {
    return <p class="empty">No tokens yet. Create one to use the API from scripts.</p>;
  }
  return (
    <ul class="token-list" aria-label="Your API tokens">
      {tokens.map((t) => (
        <li key={t.id} class="token-item">
          <div class="token-main">
            <p class="token-name">{t.name}</p>
            <code class="token-prefix" title="The start of the token">
              {t.prefix}…
            </code>
          </div>
          <dl class="token-meta">
            <div>
              <dt>Created</dt>
              <dd>{formatDateTime(t.created_at, timeZone)}</dd>
            </div>
            <div>
              <dt>Last used</dt>
              <dd>{t.last_used_at ? formatDateTime(t.last_used_at, timeZone) : 'Never'}</dd>
            </div>
            <div>
              <dt>Expires</dt>
              <dd>{t.expires_at ? formatDateTime(t.expires_at, timeZone) : 'Never'}</dd>
            </div>
          </dl>
          <div class="token-actions">
            <Button variant="danger" onClick={() => onRevoke(t)} aria-label={`Revoke token ${t.name}`}>
              Revoke
            </Button>
          </div>
        </li>
      ))}
    </ul>
  );
}

export function TokensSection() {
  const user = useUser();
  const list = useRequest(listTokens);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const form = useForm({
    initial: { name: '', expires: '' },
    validate: (v) => ({
      name: !v.name.trim() ? 'Give the token a name, e.g. “laptop script”.' : v.name.trim().length > 100 ? 'Use at most 100 characters.' : undefined,
    }),
    submit: async (v) => {
      setNotice(null);
      const token = await createToken({ name: v.name.trim(), expires_at: expiresAt(v.expires) });
      setCreated(token);
      form.reset();
      list.reload();
    },
    // The server calls the expiry field expires_at; the form calls it expires.
    mapError: (err) => {
      const { expires_at, ...fields } = err.fields;
      return expires_at ? new ApiError(err.status, err.message, { ...fields, expires: expires_at }) : err;
    },
  });

  const revoke = useAction((token: Token) => deleteToken(token.id), {
    onDone: (_, token) => {
      list.mutate((page) => ({ items: page.items.filter((t) => t.id !== token.id), total: page.total - 1 }));
      if (created?.id === token.id) setCreated(null);
      setNotice(`Token “${token.name}” revoked. Scripts using it will get 401 from now on.`);
      list.reload();
    },
  });

  return (
    <section class="card" aria-labelledby="tokens-title">
      <h2 id="tokens-title">API tokens</h2>
      <p class="muted card-lede">
        Personal tokens let scripts and tools like HTTPie or curl use the Kaizen API as you. Send one as{' '}
        <code>Authorization: Bearer …</code>. Revoke a token you no longer use.
      </p>

      {created ? (
        <NewTokenPanel token={created} onDone={() => setCreated(null)} />
      ) : (
        <form class="form token-form" noValidate onSubmit={form.onSubmit} aria-label="Create a token">
          <div class="token-form-fields">
            <TextField label="Token name" maxLength={100} placeholder="e.g. laptop script" error={form.errors.name} {...form.bind('name')} />
            <SelectField label="Expires" options={EXPIRY_CHOICES} error={form.errors.expires} {...form.bind('expires')} />
          </div>
          {form.formError && <Alert>{form.formError}</Alert>}
          <div class="form-actions">
            <Button type="submit" variant="primary" busy={form.busy} busyLabel="Creating…">
              Create token
            </Button>
          </div>
        </form>
      )}

      {notice && <Alert kind="success">{notice}</Alert>}

      <h3 class="subheading">Your tokens</h3>
      {list.status === 'error' && !list.data ? (
        <ErrorState title="Couldn't load your tokens" error={list.error} onRetry={list.reload} />
      ) : list.data ? (
        <>
          {list.status === 'error' && <Alert>{errorMessage(list.error)}</Alert>}
          <TokenList tokens={list.data.items} timeZone={user.timezone} onRevoke={revoke.ask} />
        </>
      ) : (
        <Loading label="Loading tokens…" minHeight="5rem" />
      )}

      <ConfirmDialog
        {...revoke.dialog}
        title={`Revoke “${revoke.pending?.name ?? ''}”?`}
        confirmLabel="Revoke token"
        busyLabel="Revoking…"
        danger
      >
        <p>Anything using this token stops working immediately. This can't be undone.</p>
      </ConfirmDialog>
    </section>
  );
}
