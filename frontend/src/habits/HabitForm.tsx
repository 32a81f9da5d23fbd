// Create or edit an action item: name, description, the goal it serves, yes/no or numeric
// (target, unit, at least / at most), schedule (daily, chosen weekdays, N times a week), start
// date, colour.
import { GoalPicker } from '../goals/GoalPicker';
import { FormActions } from '../ui/FormActions';
import { Field, TextField } from '../ui/Field';
import { useForm, type Errors } from '../ui/form';
import { useUniqueId } from '../ui/useUniqueId';
import { ISO_DATE_RE } from '../ui/dates';
import { WEEKDAYS } from '../ui/format';
import { createHabit, updateHabit, type Habit, type HabitCreate, type Schedule } from './api';
import { COLORS } from './colors';

type FormValues = {
  name: string;
  description: string;
  goal_id: number | null;
  kind: string;
  target_value: string;
  unit: string;
  target_type: string;
  schedule: string;
  days: number[];
  times: string;
  start_date: string;
  color: string;
};

function initialValues(habit: Habit | undefined, today: string): FormValues {
  const s = habit?.schedule;
  return {
    name: habit?.name ?? '',
    description: habit?.description ?? '',
    goal_id: habit?.goal_id ?? null,
    kind: habit?.kind ?? 'boolean',
    target_value: habit?.target_value?.toString() ?? '',
    unit: habit?.unit ?? '',
    target_type: habit?.target_type ?? 'at_least',
    schedule: s?.type ?? 'daily',
    days: s?.type === 'weekdays' ? s.days : [1, 2, 3, 4, 5],
    times: s?.type === 'times_per_week' ? String(s.times) : '3',
    start_date: habit?.start_date ?? today,
    color: habit?.color ?? '',
  };
}

function validate(v: FormValues): Errors<FormValues> {
  const e: Errors<FormValues> = {};
  if (!v.name.trim()) e.name = 'Give it a name, e.g. "Gym".';
  else if (v.name.trim().length > 200) e.name = 'Keep the name under 200 characters.';
  if (v.kind === 'numeric') {
    if (v.target_value.trim() === '' || !Number.isFinite(Number(v.target_value))) e.target_value = 'Enter the target, e.g. 30.';
    if (v.unit.length > 32) e.unit = 'Keep the unit under 32 characters.';
  }
  if (v.schedule === 'weekdays' && v.days.length === 0) e.days = 'Pick at least one day.';
  if (v.schedule === 'times_per_week') {
    const n = Number(v.times);
    if (!Number.isInteger(n) || n < 1 || n > 7) e.times = 'Between 1 and 7 times a week.';
  }
  if (!ISO_DATE_RE.test(v.start_date)) e.start_date = 'Pick a start date.';
  return e;
}

function toBody(v: FormValues): HabitCreate {
  let schedule: Schedule = { type: 'daily' };
  if (v.schedule === 'weekdays') schedule = { type: 'weekdays', days: [...v.days].sort((a, b) => a - b) };
  if (v.schedule === 'times_per_week') schedule = { type: 'times_per_week', times: Number(v.times) };
  const numeric = v.kind === 'numeric';
  return {
    name: v.name.trim(),
    description: v.description,
    goal_id: v.goal_id,
    kind: numeric ? 'numeric' : 'boolean',
    target_value: numeric ? Number(v.target_value) : null,
    unit: numeric ? v.unit.trim() || null : null,
    target_type: numeric ? (v.target_type === 'at_most' ? 'at_most' : 'at_least') : null,
    schedule,
    start_date: v.start_date,
    color: v.color || null,
  };
}

interface Props {
  habit?: Habit;
  today: string;
  onSaved: (habit: Habit) => void;
  onCancel: () => void;
  /** Extra actions (e.g. Delete) shown with Save and Cancel. */
  extra?: preact.ComponentChildren;
}

export function HabitForm({ habit, today, onSaved, onCancel, extra }: Props) {
  const ids = useUniqueId('habit-form');
  const form = useForm<FormValues>({
    initial: initialValues(habit, today),
    validate,
    submit: async (v) => {
      const body = toBody(v);
      const saved = habit
        ? await updateHabit(habit.id, body)
        : await createHabit(body);
      onSaved(saved);
    },
  });
  const v = form.values;
  const days = v.days;
  const toggleDay = (d: number) => {
    const next = days.includes(d) ? days.filter((x) => x !== d) : [...days, d];
    form.set('days', next.sort((a, b) => a - b));
  };

  return (
    <form class="form habit-form" onSubmit={form.onSubmit} noValidate aria-label={habit ? `Edit ${habit.name}` : 'New action item'}>
      <TextField label="Name" maxLength={200} autoComplete="off" placeholder="e.g. Gym every day" error={form.errors.name} {...form.bind('name')} />
      <Field label="Description" note="optional" error={form.errors.description}>
        {(c) => <textarea class="input habit-form-desc" rows={2} {...form.bind('description')} {...c} />}
      </Field>
      <GoalPicker label="Serves goal" name="goal_id" activeOnly value={v.goal_id} onChange={(id) => form.set('goal_id', id)} error={form.errors.goal_id} />

      <fieldset class="fieldset">
        <legend class="field-label">Kind</legend>
        <div class="choice-row">
          <label class="choice">
            <input type="radio" name={`${ids}-kind`} value="boolean" checked={v.kind === 'boolean'} onChange={() => form.set('kind', 'boolean')} />
            Yes / no
          </label>
          <label class="choice">
            <input type="radio" name={`${ids}-kind`} value="numeric" checked={v.kind === 'numeric'} onChange={() => form.set('kind', 'numeric')} />
            A number (e.g. minutes, pages)
          </label>
        </div>
        {v.kind === 'numeric' && (
          <div class="habit-form-row">
            <Field label="Done when the value is" error={form.errors.target_type}>
              {(c) => (
                <select class="input select" {...form.bind('target_type')} onChange={(e) => form.set('target_type', e.currentTarget.value)} {...c}>
                  <option value="at_least">At least</option>
                  <option value="at_most">At most</option>
                </select>
              )}
            </Field>
            <TextField label="Target" type="number" step="any" inputMode="decimal" error={form.errors.target_value} {...form.bind('target_value')} />
            <TextField label="Unit" note="optional" maxLength={32} placeholder="minutes" error={form.errors.unit} {...form.bind('unit')} />
          </div>
        )}
      </fieldset>

      <fieldset class="fieldset">
        <legend class="field-label">Schedule</legend>
        <div class="choice-row">
          {[
            ['daily', 'Every day'],
            ['weekdays', 'On chosen days'],
            ['times_per_week', 'N times a week'],
          ].map(([value, label]) => (
            <label class="choice" key={value}>
              <input type="radio" name={`${ids}-schedule`} value={value} checked={v.schedule === value} onChange={() => form.set('schedule', value!)} />
              {label}
            </label>
          ))}
        </div>
        {v.schedule === 'weekdays' && (
          <div class="field">
            <div class="weekday-picker" role="group" aria-label="Days of the week" aria-describedby={form.errors.days ? `${ids}-days-error` : undefined}>
              {WEEKDAYS.map((name, i) => (
                <label key={name} class="weekday-chip">
                  <input type="checkbox" checked={days.includes(i + 1)} onChange={() => toggleDay(i + 1)} aria-invalid={form.errors.days ? 'true' : undefined} />
                  <span>{name}</span>
                </label>
              ))}
            </div>
            {form.errors.days && (
              <p class="field-error" id={`${ids}-days-error`}>
                {form.errors.days}
              </p>
            )}
          </div>
        )}
        {v.schedule === 'times_per_week' && (
          <div class="habit-form-times">
            <TextField label="Times per week (Monday to Sunday)" type="number" min={1} max={7} step={1} inputMode="numeric" error={form.errors.times} {...form.bind('times')} />
          </div>
        )}
      </fieldset>

      <div class="habit-form-row">
        <TextField label="Start date" type="date" max={today} error={form.errors.start_date} hint="Days before it don't count." {...form.bind('start_date')} />
        <fieldset class="fieldset">
          <legend class="field-label">Colour</legend>
          <div class="swatches">
            <label class="swatch swatch-none" title="Theme colour">
              <input type="radio" name={`${ids}-color`} value="" checked={!v.color} onChange={() => form.set('color', '')} />
              <span class="visually-hidden">Theme colour</span>
            </label>
            {COLORS.map(([c, name]) => (
              <label key={c} class="swatch" title={name} style={{ '--swatch': c }}>
                <input type="radio" name={`${ids}-color`} value={c} checked={v.color.toLowerCase() === c} onChange={() => form.set('color', c)} />
                <span class="visually-hidden">{name}</span>
              </label>
            ))}
          </div>
          {form.errors.color && <p class="field-error">{form.errors.color}</p>}
        </fieldset>
      </div>

      <FormActions form={form} submitLabel={habit ? 'Save changes' : 'Create action item'} onCancel={onCancel}>
        {extra}
      </FormActions>
    </form>
  );
}
