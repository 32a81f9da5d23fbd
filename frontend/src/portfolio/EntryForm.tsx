// Edit a portfolio entry: title, kind, status, link, publication date, goal and notes.
import { FormActions } from '../ui/FormActions';
import { GoalPicker } from '../goals/GoalPicker';
import { ISO_DATE_RE } from '../ui/dates';
import { Field, SelectField, TextField } from '../ui/Field';
import { useForm } from '../ui/form';
import { checkUrl } from '../ui/links';
import type { Entry, EntryUpdate } from './api';
import { KINDS, STATUSES } from './labels';

export function EntryForm({ entry, onSubmit, onCancel }: {
  entry: Entry;
  onSubmit: (body: EntryUpdate) => Promise<void>;
  onCancel: () => void;
}) {
  const form = useForm({
    initial: {
      title: entry.title,
      kind: entry.kind as string,
      status: entry.status as string,
      url: entry.url ?? '',
      published_on: entry.published_on ?? '',
      goal_id: entry.goal_id,
      notes: entry.notes,
    },
    validate: (v) => ({
      title: !v.title.trim() ? 'Give the entry a title.' : v.title.trim().length > 200 ? 'Use at most 200 characters.' : undefined,
      url: checkUrl(v.url),
      published_on: v.published_on && !ISO_DATE_RE.test(v.published_on) ? 'Enter a date like 2024-11-17.' : undefined,
      notes: v.notes.length > 20000 ? 'Use at most 20,000 characters.' : undefined,
    }),
    submit: (v) =>
      onSubmit({
        title: v.title.trim(),
        kind: v.kind as Entry['kind'],
        status: v.status as Entry['status'],
        url: v.url.trim() || null,
        published_on: v.published_on || null,
        goal_id: v.goal_id,
        notes: v.notes,
      }),
  });

  return (
    <form class="form pf-edit" noValidate onSubmit={form.onSubmit} aria-label={`Edit ${entry.title}`}>
      <TextField label="Title" maxLength={200} error={form.errors.title} {...form.bind('title')} />
      <div class="pf-edit-grid">
        <SelectField label="Kind" options={KINDS} error={form.errors.kind} {...form.bind('kind')} />
        <SelectField label="Status" options={STATUSES} error={form.errors.status} {...form.bind('status')} />
      </div>
      <TextField label="Link" note="optional" type="url" inputMode="url" autoComplete="off" placeholder="https://…" error={form.errors.url} {...form.bind('url')} />
      <div class="pf-edit-grid">
        <TextField
          label="Published on"
          note="optional"
          type="date"
          hint="Set to today when it is published, if empty."
          error={form.errors.published_on}
          {...form.bind('published_on')}
        />
        <GoalPicker name="goal_id" value={form.values.goal_id} onChange={(id) => form.set('goal_id', id)} error={form.errors.goal_id} />
      </div>
      <Field label="Notes" note="optional" error={form.errors.notes}>
        {(control) => <textarea class="input pf-textarea" rows={3} {...control} {...form.bind('notes')} />}
      </Field>
      <FormActions form={form} submitLabel="Save" onCancel={onCancel} />
    </form>
  );
}
