// Plan a sprint (/sprints/new) or edit one (/sprints/:id/edit): title, theme, dates (the end
// follows the start at +13 days until changed), target as a percentage, action items, goals
// and the plan in Markdown. Checked before sending; the server's 422s land next to the field.
import type { TargetedEvent } from 'preact';
import { useLocation } from 'preact-iso';
import { useRef, useState } from 'preact/hooks';
import { errorMessage } from '../api/errors';
import { GoalPicker } from '../goals/GoalPicker';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { TextField } from '../ui/Field';
import { useForm, type Errors } from '../ui/form';
import { ErrorState, Loading } from '../ui/Status';
import { useAction } from '../ui/useAction';
import { useRequest } from '../ui/useRequest';
import { createHabit, getTodayDate, listHabits, type Habit } from '../habits/api';
import { PlusIcon } from './icons';
import { SprintNav } from './SprintHeader';
import { createSprint, deleteSprint, getSprint, rememberWarnings, updateSprint, type Sprint } from './api';
import { CURRENT_PATH, HISTORY_PATH, sprintPath } from './paths';
import { addDays, daysBetween, isIsoDate } from '../ui/dates';
import { checkTargetInput, daysNeeded, percentInputToRate, plural, rateToPercentInput } from './format';
import { TargetField } from './TargetField';
import { MarkdownEditor } from '../ui/MarkdownEditor';
import { changedFields } from '../ui/changes';
import './sprints.css';

const DEFAULT_DAYS = 14;
const MAX_DAYS = 366;
const MAX_TEXT = 200;
const MAX_PLAN = 20_000;

type SprintValues = {
  title: string;
  theme: string;
  start_date: string;
  end_date: string;
  target_rate: string;
  habit_ids: number[];
  goal_ids: number[];
  plan: string;
};

export function validateSprint(v: SprintValues): Errors<SprintValues> {
  const errors: Errors<SprintValues> = {};
  if (!v.title.trim()) errors.title = 'Give the sprint a title, e.g. “Fortnight 2: hit 75%”.';
  else if (v.title.trim().length > MAX_TEXT) errors.title = `Use at most ${MAX_TEXT} characters.`;
  if (v.theme.trim().length > MAX_TEXT) errors.theme = `Use at most ${MAX_TEXT} characters.`;
  if (!isIsoDate(v.start_date)) errors.start_date = 'Enter the first day of the sprint.';
  if (!isIsoDate(v.end_date)) errors.end_date = 'Enter the last day of the sprint.';
  else if (!errors.start_date) {
    const days = daysBetween(v.start_date, v.end_date) + 1;
    if (days < 1) errors.end_date = 'The end date can’t be before the start date.';
    else if (days > MAX_DAYS) errors.end_date = `A sprint lasts at most ${MAX_DAYS} days.`;
  }
  const target = checkTargetInput(v.target_rate, 75);
  if (target) errors.target_rate = target;
  if (v.plan.length > MAX_PLAN) errors.plan = `Use at most ${MAX_PLAN.toLocaleString('en')} characters.`;
  return errors;
}

interface FormData {
  sprint: Sprint | null;
  today: string;
  habits: Habit[];
}

async function loadForm(id: number | null): Promise<FormData> {
  const [sprint, today, habits] = await Promise.all([
    id === null ? Promise.resolve(null) : getSprint(id),
    getTodayDate(),
    listHabits(),
  ]);
  return { sprint, today, habits: habits.items };
}

/** The form loaded for a new sprint (`id` null: NewSprintPage.tsx) or an existing one (EditSprintPage.tsx). */
export function SprintFormLoader({ id = null }: { id?: number | null }) {
  const request = useRequest(() => loadForm(id), [id]);
  const heading = id === null ? 'Plan a sprint' : 'Edit sprint';
  if (request.status === 'ready') return <SprintForm data={request.data} heading={heading} />;
  return (
    <div class="page sp-page">
      <SprintNav />
      <header class="page-header">
        <h1 tabIndex={-1}>{heading}</h1>
      </header>
      {request.status === 'error' ? (
        <ErrorState title="Couldn't load the form" error={request.error} onRetry={request.reload} />
      ) : (
        <Loading label="Loading…" minHeight="60vh" />
      )}
    </div>
  );
}

function SprintForm({ data, heading }: { data: FormData; heading: string }) {
  const { route } = useLocation();
  const { sprint, today } = data;
  const [habits, setHabits] = useState<Habit[]>(data.habits);
  const del = useAction(
    async () => {
      if (sprint) await deleteSprint(sprint.id);
    },
    { stayBusy: true, onDone: () => route(HISTORY_PATH) },
  );

  const form = useForm<SprintValues>({
    initial: {
      title: sprint?.title ?? '',
      theme: sprint?.theme ?? '',
      start_date: sprint?.start_date ?? today,
      end_date: sprint?.end_date ?? addDays(today, DEFAULT_DAYS - 1),
      target_rate: rateToPercentInput(sprint?.target_rate ?? 0.75),
      habit_ids: sprint?.habit_ids ?? [],
      goal_ids: sprint?.goal_ids ?? [],
      plan: sprint?.plan ?? '',
    },
    validate: validateSprint,
    submit: async (v) => {
      const body = {
        title: v.title.trim(),
        theme: v.theme.trim(),
        start_date: v.start_date,
        end_date: v.end_date,
        target_rate: percentInputToRate(v.target_rate) ?? 0.75,
        habit_ids: v.habit_ids,
        goal_ids: v.goal_ids,
        plan: v.plan,
      };
      if (sprint) {
        // Only what changed, so another tab's edits to other fields survive.
        await updateSprint(sprint.id, changedFields(body, sprint), sprint);
        route(sprintPath(sprint.id));
        return;
      }
      const created = await createSprint({ ...body, retrospective: '' });
      rememberWarnings(created.id, created.warnings);
      route(sprintPath(created.id));
    },
  });
  const v = form.values;

  const onStart = (e: TargetedEvent<HTMLInputElement>) => {
    const start = e.currentTarget.value;
    // The end follows the start (+13 days) for as long as it is still the default length.
    const wasDefault = isIsoDate(v.start_date) && v.end_date === addDays(v.start_date, DEFAULT_DAYS - 1);
    form.set('start_date', start);
    if ((wasDefault || !v.end_date) && isIsoDate(start)) form.set('end_date', addDays(start, DEFAULT_DAYS - 1));
  };

  const length = isIsoDate(v.start_date) && isIsoDate(v.end_date) ? daysBetween(v.start_date, v.end_date) + 1 : null;
  const needed = daysNeeded(percentInputToRate(v.target_rate), length);
  const targetHint =
    needed !== null ? `A daily item then needs ${needed} of its ${length} days.` : 'The share of each item’s days you mean to do.';

  const selectedHabits = v.habit_ids;
  const toggleHabit = (id: number, on: boolean) => {
    const ids = v.habit_ids.filter((x) => x !== id);
    form.set('habit_ids', on ? [...ids, id] : ids);
  };
  // Active items, plus archived ones the sprint already holds (so saving never drops them).
  const shownHabits = habits.filter((h) => !h.archived || selectedHabits.includes(h.id));

  return (
    <div class="page sp-page">
      <SprintNav />
      <header class="page-header">
        <h1 tabIndex={-1}>{heading}</h1>
        <p class="muted">
          {sprint ? `“${sprint.title}”` : 'A time box — two weeks by default — with a target for each action item.'}
        </p>
      </header>
      <form class="form card sp-form" noValidate onSubmit={form.onSubmit} aria-label={heading}>
        <TextField label="Title" maxLength={MAX_TEXT} placeholder="e.g. Fortnight 2: hit 75%" error={form.errors.title} {...form.bind('title')} />
        <TextField label="Theme" note="optional" maxLength={MAX_TEXT} placeholder="e.g. torch inside out" error={form.errors.theme} {...form.bind('theme')} />
        <div class="sp-form-row">
          <TextField label="Start date" type="date" error={form.errors.start_date} {...form.bind('start_date')} onInput={onStart} />
          <TextField
            label="End date"
            type="date"
            error={form.errors.end_date}
            hint={length !== null && length > 0 ? plural(length, 'day') : undefined}
            min={isIsoDate(v.start_date) ? v.start_date : undefined}
            {...form.bind('end_date')}
          />
          <TargetField error={form.errors.target_rate} hint={targetHint} {...form.bind('target_rate')} />
        </div>

        <HabitPicker
          habits={shownHabits}
          selected={selectedHabits}
          error={form.errors.habit_ids}
          onToggle={toggleHabit}
          onCreated={(habit) => {
            setHabits((list) => [...list, habit]);
            toggleHabit(habit.id, true);
          }}
        />

        <GoalPicker
          multiple
          name="goal_ids"
          value={v.goal_ids}
          onChange={(ids) => form.set('goal_ids', ids)}
          error={form.errors.goal_ids}
          emptyText="No goals yet. Goals are the long-running processes a sprint serves."
        />

        <MarkdownEditor
          label="Plan"
          note="Markdown"
          name="plan"
          rows={8}
          maxLength={MAX_PLAN}
          placeholder={'What will you do, and how?\n\n- gym before work\n- no junk food at home'}
          value={v.plan}
          onInput={(e) => form.set('plan', e.currentTarget.value)}
          error={form.errors.plan}
        />

        {form.formError && <Alert>{form.formError}</Alert>}
        <div class="form-actions sp-form-actions">
          <Button type="submit" variant="primary" busy={form.busy} busyLabel="Saving…">
            {sprint ? 'Save changes' : 'Plan sprint'}
          </Button>
          <a class="btn btn-ghost" href={sprint ? sprintPath(sprint.id) : CURRENT_PATH}>
            Cancel
          </a>
          {sprint && (
            <Button
              variant="danger"
              class="sp-delete"
              onClick={() => del.ask()}
            >
              Delete sprint
            </Button>
          )}
        </div>
      </form>
      <ConfirmDialog
        {...del.dialog}
        title={`Delete “${sprint?.title ?? ''}”?`}
        confirmLabel="Delete sprint"
        busyLabel="Deleting…"
        danger
      >
        <p>The sprint, its plan and its retrospective go. Its action items and their check-ins stay.</p>
      </ConfirmDialog>
    </div>
  );
}

function HabitPicker({ habits, selected, error, onToggle, onCreated }: {
  habits: Habit[];
  selected: number[];
  error?: string | undefined;
  onToggle: (id: number, on: boolean) => void;
  onCreated: (habit: Habit) => void;
}) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [addError, setAddError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const add = async () => {
    const trimmed = name.trim();
    if (!trimmed) {
      setAddError('Type the action item’s name first.');
      inputRef.current?.focus();
      return;
    }
    if (trimmed.length > MAX_TEXT) {
      setAddError(`Use at most ${MAX_TEXT} characters.`);
      return;
    }
    setBusy(true);
    setAddError(null);
    try {
      const habit = await createHabit({ name: trimmed });
      onCreated(habit);
      setName('');
    } catch (err) {
      setAddError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset class="fieldset" aria-describedby={error ? 'sp-habits-error' : undefined}>
      <legend class="field-label">Action items</legend>
      {habits.length === 0 ? (
        <p class="muted sp-small">No action items yet — add the first one below.</p>
      ) : (
        <ul class="check-list">
          {habits.map((h) => (
            <li key={h.id}>
              <label class="check-item">
                <input type="checkbox" checked={selected.includes(h.id)} onChange={(e) => onToggle(h.id, e.currentTarget.checked)} />
                <span>{h.name}</span>
                {h.archived && <span class="muted sp-small"> (archived)</span>}
              </label>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p class="field-error" id="sp-habits-error">
          {error}
        </p>
      )}
      <div class="sp-add">
        <label for="sp-new-habit" class="sp-add-label">
          New daily action item
        </label>
        <div class="input-row">
          <input
            id="sp-new-habit"
            ref={inputRef}
            class="input"
            value={name}
            maxLength={MAX_TEXT}
            placeholder="e.g. Gym every day"
            aria-invalid={addError ? 'true' : undefined}
            aria-describedby={addError ? 'sp-new-habit-error' : undefined}
            onInput={(e) => {
              setName(e.currentTarget.value);
              setAddError(null);
            }}
            onKeyDown={(e) => {
              // Enter adds the item instead of submitting the whole sprint.
              if (e.key === 'Enter') {
                e.preventDefault();
                void add();
              }
            }}
          />
          <Button onClick={() => void add()} busy={busy} busyLabel="Adding…">
            <PlusIcon />
            Add
          </Button>
        </div>
        {addError && (
          <p class="field-error" id="sp-new-habit-error">
            {addError}
          </p>
        )}
      </div>
    </fieldset>
  );
}
