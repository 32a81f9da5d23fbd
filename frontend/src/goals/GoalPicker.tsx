// The one way to choose goals in a form: a <select> (one goal or none) or, with `multiple`, a
// list of checkboxes. It loads the goals itself through goalChoices() — one shared request for
// every picker on the page, not a `GET /goals` per form — and shows loading and error states.
// A chosen goal the list doesn't hold (not loaded, or filtered out) stays chosen as "Goal #id".
import type { ComponentChildren } from 'preact';
import { Field, FieldMessages, LabelText, useFieldIds } from '../ui/Field';
import { useRequest } from '../ui/useRequest';
import { goalChoices, type Goal } from './api';
import { statusLabel } from './labels';

/** The goals every picker shares (cached per session; see goalChoices()). */
export function useGoalChoices() {
  return useRequest(goalChoices);
}

interface CommonProps {
  /** Default: "Goal" (single) or "Goals" (multiple). */
  label?: string;
  /** The form field's name (the server's 422 for it lands in `error`). */
  name?: string;
  /** Shown after the label; default "optional". Pass '' for none. */
  note?: string;
  error?: string | undefined;
  hint?: ComponentChildren;
  /** Offer only active goals (chosen ones are always offered). Default: every goal. */
  activeOnly?: boolean;
}

export interface SingleGoalPickerProps extends CommonProps {
  multiple?: false;
  value: number | null;
  onChange: (id: number | null) => void;
}

export interface MultiGoalPickerProps extends CommonProps {
  multiple: true;
  value: number[];
  onChange: (ids: number[]) => void;
  /** Shown instead of the list when there are no goals at all. */
  emptyText?: string;
}

export type GoalPickerProps = SingleGoalPickerProps | MultiGoalPickerProps;

const LOAD_FAILED = "Your goals couldn't be loaded; the chosen ones are kept as they are.";

/** Goals to offer: all (or the active ones), plus every chosen id, unknown ones as "Goal #id". */
function offered(goals: Goal[] | undefined, chosen: number[], activeOnly: boolean): { id: number; title: string; status?: Goal['status'] }[] {
  const list = goals ?? [];
  const unknown = chosen.filter((id) => !list.some((g) => g.id === id)).map((id) => ({ id, title: `Goal #${id}` }));
  const shown = list.filter((g) => !activeOnly || g.status === 'active' || chosen.includes(g.id));
  return [...unknown, ...shown];
}

export function GoalPicker(props: GoalPickerProps) {
  return props.multiple ? <MultiGoalPicker {...props} /> : <SingleGoalPicker {...props} />;
}

function SingleGoalPicker({ label = 'Goal', name, note = 'optional', error, hint, activeOnly = false, value, onChange }: SingleGoalPickerProps) {
  const goals = useGoalChoices();
  const options = offered(goals.data, value === null ? [] : [value], activeOnly);
  const status = goals.status === 'error' ? LOAD_FAILED : goals.status === 'loading' ? 'Loading your goals…' : undefined;
  return (
    <Field label={label} note={note || undefined} error={error} hint={status ?? hint}>
      {(control) => (
        <select
          class="input select"
          name={name}
          value={value === null ? '' : String(value)}
          onChange={(e) => onChange(e.currentTarget.value ? Number(e.currentTarget.value) : null)}
          {...control}
        >
          <option value="">No goal</option>
          {options.map((g) => (
            <option key={g.id} value={String(g.id)}>
              {g.title}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function MultiGoalPicker({ label = 'Goals', name, note = 'optional', error, hint, activeOnly = false, value, onChange, emptyText = 'No goals yet.' }: MultiGoalPickerProps) {
  const ids = useFieldIds('goal-picker', error, hint);
  const goals = useGoalChoices();
  const options = offered(goals.data, value, activeOnly);
  const toggle = (goalId: number, on: boolean) => {
    const rest = value.filter((x) => x !== goalId);
    onChange(on ? [...rest, goalId] : rest);
  };
  return (
    <fieldset class="fieldset" aria-describedby={ids.describedBy}>
      <legend class="field-label">
        <LabelText label={label} note={note} />
      </legend>
      {goals.status === 'error' && <p class="field-hint">{LOAD_FAILED}</p>}
      {goals.status === 'loading' && !goals.data ? (
        <p class="field-hint" role="status">
          Loading your goals…
        </p>
      ) : options.length === 0 ? (
        goals.data && <p class="muted field-hint">{emptyText}</p>
      ) : (
        <ul class="check-list">
          {options.map((g) => (
            <li key={g.id}>
              <label class="check-item">
                <input type="checkbox" name={name} value={String(g.id)} checked={value.includes(g.id)} onChange={(e) => toggle(g.id, e.currentTarget.checked)} />
                <span>{g.title}</span>
                {g.status && g.status !== 'active' && <span class="field-note"> ({statusLabel(g.status).toLowerCase()})</span>}
              </label>
            </li>
          ))}
        </ul>
      )}
      <FieldMessages ids={ids} error={error} hint={hint} />
    </fieldset>
  );
}
