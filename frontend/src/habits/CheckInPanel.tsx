// The "more" panel of a Today row: pick a day of the last week, then done / skip / missed (or a
// value, for numeric habits) and a note. Client checks first; the server's 422s go next to the
// field they are about.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, errorMessage } from '../api/errors';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { shortDay } from '../ui/dates';
import type { CheckInPut, CheckInStatus, TodayHabit } from './api';
import { describeTarget } from './labels';
import type { Optimistic } from './useToday';

interface Props {
  entry: TodayHabit;
  todayDate: string;
  initialDate: string;
  onSave: (date: string, body: CheckInPut | null, optimistic: Optimistic) => Promise<unknown>;
  onClose: () => void;
}

const NOTE_MAX = 1000;

export function CheckInPanel({ entry, todayDate, initialDate, onSave, onClose }: Props) {
  const { habit } = entry;
  const numeric = habit.kind === 'numeric';
  // The week's days from the start date on (the API refuses earlier ones), newest first; each
  // carries its status, value and note, so nothing else needs loading.
  const week = entry.last_7_days.filter((d) => d.date >= habit.start_date).reverse();
  const days = week.map((d) => d.date);
  const dayOf = (d: string) => week.find((x) => x.date === d);
  const dayStatus = (d: string) => dayOf(d)?.status ?? null;
  // A numeric day's verdict may be "missed" (below target); its panel edits the value.
  const startStatus = (d: string): CheckInStatus => {
    const s = dayStatus(d);
    return s === 'skipped' || (s && !numeric) ? s : 'done';
  };
  const [date, setDate] = useState(days.includes(initialDate) ? initialDate : days[0] ?? todayDate);
  const [status, setStatus] = useState<CheckInStatus>(() => startStatus(date));
  const [value, setValue] = useState(() => (dayOf(date)?.value ?? '').toString());
  const [note, setNote] = useState(() => dayOf(date)?.note ?? '');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const rootRef = useRef<HTMLFormElement>(null);
  const name = habit.name;

  useEffect(() => {
    rootRef.current?.querySelector<HTMLElement>(numeric ? 'input[type=number]' : '[aria-checked=true], [role=radio]')?.focus();
  }, []);

  const pickDate = (d: string) => {
    setDate(d);
    setStatus(startStatus(d));
    setValue((dayOf(d)?.value ?? '').toString());
    setNote(dayOf(d)?.note ?? '');
    setErrors({});
    setFormError(null);
  };

  const submit = async (clear: boolean) => {
    const next: Record<string, string | undefined> = {};
    let body: CheckInPut | null = null;
    let optimistic: Optimistic = null;
    if (!clear) {
      if (note.length > NOTE_MAX) next.note = `Keep the note under ${NOTE_MAX} characters.`;
      if (numeric && status !== 'skipped') {
        const n = Number(value);
        if (value.trim() === '' || !Number.isFinite(n)) next.value = `Enter today's amount${habit.unit ? ` in ${habit.unit}` : ''}.`;
        body = { value: n, note };
        optimistic = undefined;
      } else {
        body = { status, note };
        optimistic = status;
      }
    }
    if (Object.values(next).some(Boolean)) {
      setErrors(next);
      return;
    }
    setBusy(true);
    setErrors({});
    setFormError(null);
    try {
      await onSave(date, body, optimistic);
      onClose();
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length) {
        const { date: dateErr, value: valueErr, note: noteErr, status: statusErr, ...rest } = err.fields;
        setErrors({ date: dateErr, value: valueErr, note: noteErr, status: statusErr });
        const stray = Object.values(rest);
        setFormError(stray.length ? stray.join(' ') : null);
      } else {
        setFormError(errorMessage(err));
      }
    } finally {
      setBusy(false);
    }
  };

  const choices: CheckInStatus[] = numeric ? ['done', 'skipped'] : ['done', 'skipped', 'missed'];
  const choiceLabel = (c: CheckInStatus) => (numeric && c === 'done' ? 'Enter value' : c === 'done' ? 'Done' : c === 'skipped' ? 'Skip' : 'Missed');
  const target = describeTarget(habit);

  return (
    <form
      ref={rootRef}
      class="checkin-panel"
      aria-label={`Check in ${name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit(false);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div class="checkin-grid">
        <Field label="Day" error={errors.date}>
          {(control) => (
            <select class="input select" value={date} onChange={(e) => pickDate(e.currentTarget.value)} {...control}>
              {week.map((d) => (
                <option key={d.date} value={d.date}>
                  {`${d.date === todayDate ? `Today, ${shortDay(d.date)}` : shortDay(d.date)}${d.scheduled ? '' : ' (not due)'}`}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div class="field">
          <span class="field-label" id={`st-${habit.id}`}>
            Status
          </span>
          <div class="segmented" role="radiogroup" aria-labelledby={`st-${habit.id}`}>
            {choices.map((c) => (
              <button
                key={c}
                type="button"
                role="radio"
                aria-checked={status === c}
                class="segmented-item"
                data-status={c}
                tabIndex={status === c ? 0 : -1}
                onClick={() => setStatus(c)}
                onKeyDown={(e) => {
                  const i = choices.indexOf(c);
                  const delta = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
                  if (!delta) return;
                  e.preventDefault();
                  const nextChoice = choices[(i + delta + choices.length) % choices.length]!;
                  setStatus(nextChoice);
                  const group = e.currentTarget.parentElement;
                  setTimeout(() => group?.querySelector<HTMLElement>('[aria-checked=true]')?.focus(), 0);
                }}
              >
                {choiceLabel(c)}
              </button>
            ))}
          </div>
          {errors.status && <p class="field-error">{errors.status}</p>}
        </div>
        {numeric && status !== 'skipped' && (
          <Field label={`Value${habit.unit ? ` (${habit.unit})` : ''}`} error={errors.value} hint={target ? `Target: ${target}` : undefined}>
            {(control) => (
              <input class="input" type="number" step="any" inputMode="decimal" value={value} onInput={(e) => setValue(e.currentTarget.value)} {...control} />
            )}
          </Field>
        )}
        <Field label="Note" note="optional" error={errors.note}>
          {(control) => (
            <textarea class="input checkin-note" rows={2} maxLength={NOTE_MAX} value={note} onInput={(e) => setNote(e.currentTarget.value)} {...control} />
          )}
        </Field>
      </div>
      {formError && <Alert>{formError}</Alert>}
      <div class="form-actions">
        <Button type="submit" variant="primary" busy={busy} busyLabel="Saving…">
          Save
        </Button>
        {dayStatus(date) !== null && (
          <Button variant="ghost" onClick={() => void submit(true)} disabled={busy}>
            Clear day
          </Button>
        )}
        <Button variant="ghost" onClick={onClose} disabled={busy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
