import { useRef, useState } from 'preact/hooks';
import { errorMessage } from '../api/errors';
import { Button } from '../ui/Button';
import { formatPercent, WEEKDAYS } from '../ui/format';
import { CheckIcon } from '../ui/icons';
import { CheckInPanel } from './CheckInPanel';
import { isoWeekday, shortDay } from '../ui/dates';
import type { CheckInPut, DayState, TodayHabit } from './api';
import { habitStyle } from './colors';
import { describeStreak, describeTarget, STATUS_LABEL } from './labels';
import type { Optimistic } from './useToday';

interface Props {
  entry: TodayHabit;
  index: number;
  todayDate: string;
  panelOpen: boolean;
  /** The day the open panel starts on. */
  panelDate: string;
  onToggle: (date: string) => void;
  /** Opens (on `date`, else today) or closes the ⋯ panel. */
  onOpenPanel: (open: boolean, date?: string) => void;
  onSave: (date: string, body: CheckInPut | null, optimistic: Optimistic) => Promise<unknown>;
  /** Moves the item's start date back to `date` (then Today reloads), so that day can count. */
  onMoveStart: (date: string) => Promise<unknown>;
}

const LONG_PRESS_MS = 500;

/** Where a day of the strip stands: before the habit began (no check-ins), not due, or due. */
export type DayKind = 'before' | 'unscheduled' | 'due';

export function dayKind(day: DayState, startDate: string): DayKind {
  if (day.date < startDate) return 'before';
  return day.scheduled ? 'due' : 'unscheduled';
}

export function isInProgress(entry: TodayHabit): boolean {
  const { habit, today } = entry;
  return habit.kind === 'numeric' && habit.target_type !== 'at_most' && today?.status === 'missed' && today.value != null;
}

function dayLabel(name: string, day: DayState, todayDate: string, kind: DayKind): string {
  const when = day.date === todayDate ? `Today, ${shortDay(day.date)}` : shortDay(day.date);
  if (kind === 'before') return `${name}, ${when}: before the start date`;
  const state = day.status ? STATUS_LABEL[day.status].toLowerCase() : null;
  if (kind === 'unscheduled') return `${name}, ${when}: ${state ? `${state}, ` : ''}not scheduled`;
  return `${name}, ${when}: ${state ?? 'not checked in'}`;
}

/** One habit on Today: a big done toggle, its numbers, the last 7 days, and a menu for the rest. */
export function TodayRow({ entry, index, todayDate, panelOpen, panelDate, onToggle, onOpenPanel, onSave, onMoveStart }: Props) {
  const { habit } = entry;
  const numeric = habit.kind === 'numeric';
  // A numeric item partly done today (12 of 20 pages) is in progress, not missed, until the
  // day is over — the API's `in_progress`, recomputed here so optimistic edits agree.
  const inProgress = isInProgress(entry);
  const todayStatus = entry.today?.status ?? null;
  const done = todayStatus === 'done';
  const pressTimer = useRef<number | undefined>(undefined);
  // A day before the start date (backfilling yesterday for an item made today): offer to move
  // the start date back instead of a dead end.
  const [backfill, setBackfill] = useState<string | null>(null);
  const [moving, setMoving] = useState(false);
  const [moveError, setMoveError] = useState<string | null>(null);
  const moveStart = async () => {
    if (!backfill) return;
    setMoving(true);
    setMoveError(null);
    try {
      await onMoveStart(backfill);
      setBackfill(null);
    } catch (err) {
      setMoveError(errorMessage(err));
    } finally {
      setMoving(false);
    }
  };
  const longPressed = useRef(false);
  const target = describeTarget(habit);
  const streak = describeStreak(entry.current_streak, entry.streak_unit);
  const todayState = entry.last_7_days.find((d) => d.date === todayDate);
  const offToday = !!todayState && dayKind(todayState, habit.start_date) === 'unscheduled';

  const startPress = () => {
    longPressed.current = false;
    window.clearTimeout(pressTimer.current);
    pressTimer.current = window.setTimeout(() => {
      longPressed.current = true;
      onOpenPanel(true);
    }, LONG_PRESS_MS);
  };
  const endPress = () => window.clearTimeout(pressTimer.current);

  const toggleLabel = numeric
    ? `${habit.name}: today's value${entry.today?.value != null ? ` (${entry.today.value}${habit.unit ? ` ${habit.unit}` : ''})` : ''}`
    : `${habit.name} done today`;

  return (
    <li
      class="today-row"
      data-habit-index={index}
      data-status={inProgress ? 'in-progress' : todayStatus ?? 'open'}
      data-streak={entry.current_streak}
      data-due={offToday ? 'false' : undefined}
      style={habitStyle(habit.color)}
    >
      <button
        type="button"
        class="today-toggle"
        data-nav-target
        aria-pressed={done}
        aria-label={toggleLabel}
        title={numeric ? 'Enter the value (long press: more)' : 'Toggle done (long press: skip, note)'}
        onClick={() => {
          if (longPressed.current) {
            longPressed.current = false;
            return;
          }
          if (numeric) onOpenPanel(!panelOpen);
          else onToggle(todayDate);
        }}
        onPointerDown={startPress}
        onPointerUp={endPress}
        onPointerLeave={endPress}
        onPointerCancel={endPress}
        onContextMenu={(e) => {
          e.preventDefault();
          endPress();
          onOpenPanel(true);
        }}
      >
        {todayStatus === 'skipped' ? (
          <span class="today-toggle-mark" aria-hidden="true">
            –
          </span>
        ) : inProgress ? (
          <span class="today-toggle-mark" aria-hidden="true">
            …
          </span>
        ) : todayStatus === 'missed' ? (
          <span class="today-toggle-mark" aria-hidden="true">
            ×
          </span>
        ) : (
          <CheckIcon />
        )}
      </button>
      <div class="today-main">
        <a href={`/habits/${habit.id}`} class="today-name">
          {habit.name}
        </a>
        <p class="today-meta">
          <span class="today-streak" title="Current streak">
            <svg class="today-flame" viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false">
              <path d="M12 2c1 3.5-1.5 5-1.5 8 0 1.4 1 2.5 2.3 2.5 1.6 0 2.4-1.3 2.2-3.2C17.6 11 19 13.4 19 15.5 19 19.6 15.9 22 12 22s-7-2.4-7-6.3C5 10.4 10.6 7.6 12 2z" />
            </svg>
            <span class="visually-hidden">Streak: </span>
            <span class="today-streak-value">{streak}</span>
          </span>
          <span title="Done ÷ eligible days over the last 14 days">
            <strong class="today-rate">{formatPercent(entry.rate_14d)}</strong> last 14 days
          </span>
          {offToday && <span class="today-off">Not scheduled today</span>}
          {todayStatus === 'skipped' && <span class="today-badge">Skipped today</span>}
          {todayStatus === 'missed' && !inProgress && <span class="today-badge today-badge-missed">Missed today</span>}
          {inProgress && (
            <span class="today-badge today-badge-progress">
              In progress: {entry.today?.value}/{habit.target_value}
              {habit.unit ? ` ${habit.unit}` : ''}
            </span>
          )}
          {numeric && !inProgress && entry.today?.value != null && (
            <span>
              Today: {entry.today.value}
              {habit.unit ? ` ${habit.unit}` : ''}
            </span>
          )}
          {target && <span class="today-target">{target}</span>}
        </p>
      </div>
      <ol class="today-strip" aria-label={`${habit.name}, last 7 days`}>
        {entry.last_7_days.map((day) => {
          const kind = dayKind(day, habit.start_date);
          const isToday = day.date === todayDate;
          const label = isToday && inProgress ? `${habit.name}, Today, ${shortDay(day.date)}: in progress` : dayLabel(habit.name, day, todayDate, kind);
          return (
            <li key={day.date}>
              <button
                type="button"
                class="today-day"
                data-status={kind === 'before' ? 'before' : isToday && inProgress ? 'in-progress' : day.status ?? 'none'}
                data-due={kind === 'due' ? undefined : 'false'}
                data-today={isToday ? '' : undefined}
                aria-pressed={day.status === 'done'}
                aria-label={label}
                title={kind === 'unscheduled' ? `${label} (a check-in is kept but does not count)` : label}
                onClick={() => {
                  if (kind === 'before') {
                    setMoveError(null);
                    setBackfill(day.date);
                  } else if (numeric) onOpenPanel(true, day.date);
                  else onToggle(day.date);
                }}
              >
                <span class="today-dow" aria-hidden="true">
                  {WEEKDAYS[isoWeekday(day.date) - 1]!.charAt(0)}
                </span>
                <span class="today-dot" aria-hidden="true" />
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        class="icon-btn today-more"
        aria-expanded={panelOpen}
        aria-label={`More for ${habit.name}: skip, value, note`}
        title="Skip, value, note"
        onClick={() => onOpenPanel(!panelOpen)}
      >
        <svg class="icon" viewBox="0 0 24 24" width="20" height="20" fill="currentColor" aria-hidden="true" focusable="false">
          <circle cx="5" cy="12" r="1.8" />
          <circle cx="12" cy="12" r="1.8" />
          <circle cx="19" cy="12" r="1.8" />
        </svg>
      </button>
      {backfill && (
        <div class="today-panel today-backfill" role="group" aria-label={`Check in ${habit.name} before its start date`}>
          <p>
            {habit.name} starts on {shortDay(habit.start_date)}, so {shortDay(backfill)} can't count yet. Move its start date back to{' '}
            {shortDay(backfill)}?
          </p>
          {moveError && <p class="field-error">{moveError}</p>}
          <div class="form-actions">
            <Button variant="primary" busy={moving} busyLabel="Moving…" onClick={() => void moveStart()}>
              Start on {shortDay(backfill)}
            </Button>
            <Button onClick={() => setBackfill(null)}>Cancel</Button>
          </div>
        </div>
      )}
      {panelOpen && (
        <div class="today-panel">
          <CheckInPanel
            key={panelDate}
            entry={entry}
            todayDate={todayDate}
            initialDate={panelDate}
            onSave={onSave}
            onClose={() => onOpenPanel(false)}
          />
        </div>
      )}
    </li>
  );
}

