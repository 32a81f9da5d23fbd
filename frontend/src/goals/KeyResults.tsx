// A goal's key results: each with an inline form to update its current value, a delete button,
// and a form to add one. Every change goes to the API; the page reloads the goal afterwards so
// the goal's progress is the server's number.
import { useState } from 'preact/hooks';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { TextField } from '../ui/Field';
import { useForm } from '../ui/form';
import { useAction } from '../ui/useAction';
import { useUniqueId } from '../ui/useUniqueId';
import { formatGroupedNumber } from '../ui/format';
import { createKeyResult, deleteKeyResult, updateKeyResult, type KeyResult, type KeyResultCreate } from './api';
import { ProgressBar } from './Progress';

const LIMIT = 1e12;

/** A number typed by a person, or the reason it isn't one. */
export function checkNumber(raw: string, { required = true } = {}): string | undefined {
  const text = raw.trim();
  if (!text) return required ? 'Enter a number.' : undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) return 'Enter a number, like 3 or 2.5.';
  if (Math.abs(value) > LIMIT) return 'That number is too large.';
  return undefined;
}

function valueText(kr: KeyResult): string {
  const unit = kr.unit ? ` ${kr.unit}` : '';
  return `${formatGroupedNumber(kr.current_value)} of ${formatGroupedNumber(kr.target_value)}${unit}`;
}

function KeyResultRow({ goalId, kr, onSaved, onDelete }: {
  goalId: number;
  kr: KeyResult;
  onSaved: (kr: KeyResult) => void;
  onDelete: (kr: KeyResult) => void;
}) {
  const [saved, setSaved] = useState(false);
  const inputId = useUniqueId('kr');
  const form = useForm({
    initial: { current_value: String(kr.current_value) },
    validate: (v) => ({ current_value: checkNumber(v.current_value) }),
    submit: async (v) => {
      setSaved(false);
      const updated = await updateKeyResult(goalId, kr.id, { current_value: Number(v.current_value.trim()) });
      form.reset({ current_value: String(updated.current_value) });
      setSaved(true);
      onSaved(updated);
    },
  });
  const dirty = form.values.current_value.trim() !== String(kr.current_value);
  const start = kr.start_value !== 0 ? ` · started at ${formatGroupedNumber(kr.start_value)}` : '';
  return (
    <li class="goal-kr">
      <div class="goal-kr-head">
        <p class="goal-kr-title">{kr.title}</p>
        <p class="goal-kr-values">
          {valueText(kr)}
          <span class="muted">{start}</span>
        </p>
      </div>
      <ProgressBar value={kr.progress} label={`${kr.title} progress`} />
      <form class="goal-kr-update" noValidate onSubmit={form.onSubmit} aria-label={`Update ${kr.title}`}>
        <label for={inputId} class="goal-kr-label">
          Current value<span class="visually-hidden"> of {kr.title}</span>
        </label>
        <div class="goal-kr-row">
          <input
            id={inputId}
            class="input goal-kr-input"
            inputMode="decimal"
            autoComplete="off"
            aria-invalid={form.errors.current_value ? 'true' : undefined}
            aria-describedby={form.errors.current_value ? `${inputId}-error` : undefined}
            {...form.bind('current_value')}
            onInput={(e) => {
              setSaved(false);
              form.set('current_value', e.currentTarget.value);
            }}
          />
          <Button type="submit" variant={dirty ? 'primary' : 'secondary'} busy={form.busy} busyLabel="Saving…" disabled={!dirty && !form.busy}>
            Update
          </Button>
          <span class={saved ? 'goal-kr-saved' : 'visually-hidden'} role="status">
            {saved ? 'Saved' : ''}
          </span>
          <Button variant="ghost" class="goal-kr-delete" aria-label={`Delete key result ${kr.title}`} onClick={() => onDelete(kr)}>
            Delete
          </Button>
        </div>
        {form.errors.current_value && (
          <p class="field-error" id={`${inputId}-error`}>
            {form.errors.current_value}
          </p>
        )}
        {form.formError && <Alert>{form.formError}</Alert>}
      </form>
    </li>
  );
}

const EMPTY_KR = { title: '', target_value: '', start_value: '0', unit: '', current_value: '' };

function AddKeyResult({ goalId, onAdded }: { goalId: number; onAdded: (kr: KeyResult) => void }) {
  const form = useForm({
    initial: EMPTY_KR,
    validate: (v) => ({
      title: !v.title.trim() ? 'Say what you will measure, e.g. “Merged pull requests”.' : v.title.trim().length > 200 ? 'Use at most 200 characters.' : undefined,
      target_value: checkNumber(v.target_value),
      start_value: checkNumber(v.start_value),
      current_value: checkNumber(v.current_value, { required: false }),
      unit: v.unit.trim().length > 32 ? 'Use at most 32 characters.' : undefined,
    }),
    submit: async (v) => {
      const body: KeyResultCreate = {
        title: v.title.trim(),
        target_value: Number(v.target_value.trim()),
        start_value: Number(v.start_value.trim()),
        unit: v.unit.trim(),
        current_value: v.current_value.trim() ? Number(v.current_value.trim()) : null,
      };
      const kr = await createKeyResult(goalId, body);
      form.reset(EMPTY_KR);
      onAdded(kr);
    },
  });
  return (
    <form class="form goal-kr-add" noValidate onSubmit={form.onSubmit} aria-label="Add a key result">
      <h3 class="goal-kr-add-title">Add a key result</h3>
      <TextField label="Key result" placeholder="e.g. Merged pull requests" maxLength={200} error={form.errors.title} {...form.bind('title')} />
      <div class="goal-kr-add-grid">
        <TextField label="Target" inputMode="decimal" autoComplete="off" placeholder="e.g. 5" error={form.errors.target_value} {...form.bind('target_value')} />
        <TextField label="Start" inputMode="decimal" autoComplete="off" error={form.errors.start_value} {...form.bind('start_value')} />
        <TextField label="Current" note="optional" inputMode="decimal" autoComplete="off" placeholder="= start" error={form.errors.current_value} {...form.bind('current_value')} />
        <TextField label="Unit" note="optional" maxLength={32} placeholder="e.g. PRs" error={form.errors.unit} {...form.bind('unit')} />
      </div>
      {form.formError && <Alert>{form.formError}</Alert>}
      <div class="form-actions">
        <Button type="submit" busy={form.busy} busyLabel="Adding…">
          Add key result
        </Button>
      </div>
    </form>
  );
}

export function KeyResults({ goalId, items, onChanged }: { goalId: number; items: KeyResult[]; onChanged: () => void }) {
  const del = useAction((kr: KeyResult) => deleteKeyResult(goalId, kr.id), { onDone: onChanged });

  return (
    <section class="card" aria-labelledby="goal-kr-title">
      <h2 id="goal-kr-title">Key results</h2>
      <p class="muted card-lede">Measurable steps. The goal's progress is the mean of their progress.</p>
      {items.length === 0 ? (
        <p class="empty">No key results yet. Add one below: a number you can move, like pull requests merged.</p>
      ) : (
        <ul class="goal-kr-list" aria-label="Key results">
          {items.map((kr) => (
            <KeyResultRow key={kr.id} goalId={goalId} kr={kr} onSaved={onChanged} onDelete={del.ask} />
          ))}
        </ul>
      )}
      <AddKeyResult goalId={goalId} onAdded={onChanged} />
      <ConfirmDialog
        {...del.dialog}
        title={`Delete “${del.pending?.title ?? ''}”?`}
        confirmLabel="Delete key result"
        busyLabel="Deleting…"
        danger
      >
        <p>The goal's progress will be worked out from the key results that remain.</p>
      </ConfirmDialog>
    </section>
  );
}
