import { useState } from 'preact/hooks';
import { ApiError, errorMessage } from '../api/errors';
import { useSession } from '../auth/session';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { Field, TextField } from '../ui/Field';
import { deleteAccount, EXPORT_URL, importFile, type ImportResult } from './api';
import { countsText } from './labels';
import './portability.css';

type Step =
  | { name: 'idle' }
  | { name: 'preview'; file: File; preview: ImportResult }
  | { name: 'done'; result: ImportResult };

function Summary({ result, done }: { result: ImportResult; done: boolean }) {
  const { created = {}, updated = {} } = result.result;
  const verb = done ? ['Created', 'Updated'] : ['Will create', 'Will update'];
  const r = result.result as { converted?: { habit: string; from: string; to: string }[] };
  return (
    <div class="data-block" data-testid={done ? 'import-result' : 'import-preview'}>
      <p>
        {verb[0]}: {countsText(created)}.
      </p>
      <p>
        {verb[1]}: {countsText(updated)}.
      </p>
      {r.converted && r.converted.length > 0 && (
        <>
          <p>Schedules Kaizen does not have, changed to the nearest one:</p>
          <ul>
            {r.converted.map((c) => (
              <li key={c.habit}>
                {c.habit}: {c.from} → {c.to}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function ImportBlock() {
  const [step, setStep] = useState<Step>({ name: 'idle' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string[] | null>(null);
  const [inputKey, setInputKey] = useState(0);

  async function run(file: File, dryRun: boolean) {
    setBusy(true);
    setError(null);
    try {
      const result = await importFile(file, dryRun);
      setStep(dryRun ? { name: 'preview', file, preview: result } : { name: 'done', result });
    } catch (err) {
      // An invalid Kaizen file answers every error with its JSON path: list them all.
      const listed = err instanceof ApiError ? Object.values(err.fields) : [];
      setError(listed.length ? listed : [errorMessage(err)]);
      setStep({ name: 'idle' });
    } finally {
      setBusy(false);
    }
  }

  function choose(event: Event) {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (file) void run(file, true);
  }

  function reset() {
    setStep({ name: 'idle' });
    setInputKey((k) => k + 1);
  }

  return (
    <div class="data-block">
      <h3>Import</h3>
      <p class="muted">
        A Kaizen export (.json), or Loop Habit Tracker's “Export as CSV” zip or backup file (.db). You see what it
        will change before anything is saved; importing the same file again updates instead of duplicating.
      </p>
      <Field label="File to import" hint=".json, .zip or .db, up to 50 MB">
        {(control) => (
          <input key={inputKey} class="input" type="file" accept=".json,.zip,.db" disabled={busy} onChange={choose} {...control} />
        )}
      </Field>
      {busy && <p role="status">Reading the file…</p>}
      {error && (
        <Alert>
          {error.length === 1 ? (
            error[0]
          ) : (
            <ul>
              {error.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      {step.name === 'preview' && (
        <>
          <Summary result={step.preview} done={false} />
          <div class="form-actions">
            <Button variant="primary" busy={busy} busyLabel="Importing…" onClick={() => void run(step.file, false)}>
              Import this file
            </Button>
            <Button onClick={reset}>Cancel</Button>
          </div>
        </>
      )}
      {step.name === 'done' && (
        <>
          <Alert kind="success">Imported.</Alert>
          <Summary result={step.result} done />
        </>
      )}
    </div>
  );
}

function DeleteBlock() {
  // After the deletion the session has no user; this block may render once more meanwhile.
  const { signOut, user } = useSession();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  async function submit(event: Event) {
    event.preventDefault();
    if (!password) {
      setError('Enter your password.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await deleteAccount(password);
      await signOut();
    } catch (err) {
      setError(err instanceof ApiError && err.fields.password ? err.fields.password : errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <div class="data-block">
      <h3>Delete your account</h3>
      <p class="muted">Deletes the account and everything in it, for good. Download your data first.</p>
      {!open ? (
        <div class="form-actions">
          <Button variant="danger" onClick={() => setOpen(true)}>
            Delete account…
          </Button>
        </div>
      ) : (
        <form class="form" noValidate onSubmit={(e) => void submit(e)}>
          <input type="text" name="username" autoComplete="username" class="visually-hidden" tabIndex={-1} aria-hidden="true" value={user?.email ?? ''} readOnly />
          <TextField
            label="Your password"
            type="password"
            autoComplete="current-password"
            value={password}
            error={error}
            onInput={(e) => setPassword((e.currentTarget as HTMLInputElement).value)}
          />
          <div class="form-actions">
            <Button type="submit" variant="danger" busy={busy} busyLabel="Deleting…">
              Delete everything
            </Button>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
          </div>
        </form>
      )}
    </div>
  );
}

export function DataSection() {
  return (
    <section class="card" aria-labelledby="data-title">
      <h2 id="data-title">Your data</h2>
      <div class="stack">
        <div class="data-block">
          <h3>Export</h3>
          <p class="muted">
            Everything you own in one file: goals, action items and every check-in, sprints, portfolio, organizations,
            applications with their stage history, events, contacts, your reading queue with its history, saved weekly
            reviews and your settings.
          </p>
          <div class="form-actions">
            <a class="btn btn-secondary" href={EXPORT_URL} download>
              Download your data
            </a>
          </div>
        </div>
        <ImportBlock />
        <div class="data-block">
          <h3>Applications from a spreadsheet</h3>
          <p class="muted">Bring job applications in from a CSV file (the columns of the applications' CSV export).</p>
          <div class="form-actions">
            <a class="btn btn-secondary" href="/opportunities/import">
              Import applications (CSV)
            </a>
          </div>
        </div>
        <DeleteBlock />
      </div>
    </section>
  );
}
