// Create or edit a goal: title, Markdown description, area, importance, enthusiasm, status,
// target date. Checked before sending; the server's 422 messages land next to their fields.
import { FormActions } from '../ui/FormActions';
import { Field, SelectField, TextField, type SelectOption } from '../ui/Field';
import { ISO_DATE_RE } from '../ui/dates';
import { useForm } from '../ui/form';
import type { Goal, GoalCreate } from './api';
import { AREAS, ENTHUSIASM, ENTHUSIASM_SCALE, GOAL_STATUS, IMPORTANCE } from './labels';

export type GoalValues = {
  title: string;
  description: string;
  area: string;
  importance: string;
  enthusiasm: string;
  status: string;
  target_date: string;
};

export function goalValues(goal?: Goal): GoalValues {
  return {
    title: goal?.title ?? '',
    description: goal?.description ?? '',
    area: goal?.area ?? 'other',
    importance: goal?.importance ?? 'optional',
    enthusiasm: goal?.enthusiasm ?? 'okay',
    status: goal?.status ?? 'active',
    target_date: goal?.target_date ?? '',
  };
}

export function goalBody(v: GoalValues): GoalCreate {
  return {
    title: v.title.trim(),
    description: v.description,
    area: v.area as GoalCreate['area'],
    importance: v.importance as GoalCreate['importance'],
    enthusiasm: v.enthusiasm as GoalCreate['enthusiasm'],
    status: v.status as GoalCreate['status'],
    target_date: v.target_date || null,
  };
}

export function validateGoal(v: GoalValues) {
  return {
    title: !v.title.trim() ? 'Give the goal a title.' : v.title.trim().length > 200 ? 'Use at most 200 characters.' : undefined,
    description: v.description.length > 20000 ? 'Use at most 20,000 characters.' : undefined,
    target_date: v.target_date && !ISO_DATE_RE.test(v.target_date) ? 'Enter a date like 2025-06-30.' : undefined,
  };
}

interface Props {
  goal?: Goal;
  submitLabel: string;
  busyLabel: string;
  onSubmit: (body: GoalCreate) => Promise<void>;
  onCancel?: () => void;
  label: string;
}

export function GoalForm({ goal, submitLabel, busyLabel, onSubmit, onCancel, label }: Props) {
  const form = useForm<GoalValues>({
    initial: goalValues(goal),
    validate: validateGoal,
    submit: (v) => onSubmit(goalBody(v)),
  });
  const select = (name: keyof GoalValues, fieldLabel: string, options: SelectOption[], hint?: string) => (
    <SelectField label={fieldLabel} options={options} hint={hint} error={form.errors[name]} {...form.bind(name)} />
  );
  return (
    <form class="form goal-form" noValidate onSubmit={form.onSubmit} aria-label={label}>
      <TextField label="Title" maxLength={200} placeholder="e.g. Contribute to open source" error={form.errors.title} {...form.bind('title')} />
      <Field label="Description" note="optional" error={form.errors.description} hint="Markdown: **bold**, lists, > quotes, links.">
        {(control) => <textarea class="input goal-textarea" rows={4} {...control} {...form.bind('description')} />}
      </Field>
      <div class="goal-form-grid">
        {select('area', 'Area', AREAS)}
        {select('importance', 'Importance', IMPORTANCE)}
        {select('enthusiasm', 'Enthusiasm', ENTHUSIASM, `${ENTHUSIASM_SCALE}.`)}
        {select('status', 'Status', GOAL_STATUS)}
        <TextField label="Target date" note="optional" type="date" error={form.errors.target_date} {...form.bind('target_date')} />
      </div>
      <FormActions form={form} submitLabel={submitLabel} busyLabel={busyLabel} onCancel={onCancel} />
    </form>
  );
}
