// The check-in rows of Today and Home: one list of <TodayRow>s wired to `useToday` the same way on
// both pages (a tap toggles done, ⋯ opens the panel, a past day before the start date offers to
// move the start date), so a check-in behaves alike, online or offline, wherever it is made.
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Alert } from '../ui/Alert';
import { updateHabit } from './api';
import { TodayRow } from './TodayRow';
import { toggled, type CheckIns, type Notice } from './useToday';

/** The open ⋯ panel: which item, and the day it starts on (null: today). */
export interface OpenPanel {
  id: number;
  date: string | null;
}

/** What a page can do to its rows (Today's keyboard shortcuts use the same actions). */
export function useCheckInRows(today: CheckIns) {
  const [panel, setPanel] = useState<OpenPanel | null>(null);

  /** Tap on a day: anything but done becomes done; done clears. A PUT replaces the note, so the day's own is sent back. */
  const toggleDay = (i: number, date: string) => {
    const entry = today.data?.habits[i];
    if (!entry) return;
    const day = entry.last_7_days.find((d) => d.date === date);
    const next = toggled(day?.status);
    void today.checkIn(entry.habit.id, date, next ? { status: next, note: day?.note ?? '' } : null, next).catch(() => undefined);
  };

  /** Skips today, or clears a skip. */
  const toggleSkip = (i: number) => {
    const data = today.data;
    const entry = data?.habits[i];
    if (!data || !entry) return;
    const skipped = entry.today?.status === 'skipped';
    void today
      .checkIn(entry.habit.id, data.date, skipped ? null : { status: 'skipped', note: entry.today?.note ?? '' }, skipped ? null : 'skipped')
      .catch(() => undefined);
  };

  return { panel, setPanel, toggleDay, toggleSkip };
}

export type CheckInRows = ReturnType<typeof useCheckInRows>;

interface Props {
  today: CheckIns;
  rows: CheckInRows;
  class?: string;
  listRef?: RefObject<HTMLOListElement>;
  /** Told when a row's panel opens or closes (Today moves its keyboard cursor there). */
  onPanel?: (index: number, open: boolean) => void;
}

export function CheckInList({ today, rows, class: className, listRef, onPanel }: Props) {
  const own = useRef<HTMLOListElement>(null);
  const ref = listRef ?? own;
  const data = today.data;
  if (!data) return null;
  // Closing a panel gives the focus back to its row's toggle.
  const focusRow = (i: number) => ref.current?.querySelectorAll<HTMLElement>('[data-habit-index]')[i]?.querySelector<HTMLElement>('[data-nav-target]')?.focus();
  return (
    <ol class={className ? `today-list ${className}` : 'today-list'} ref={ref} aria-label="Action items for today">
      {data.habits.map((entry, i) => {
        const mine = rows.panel?.id === entry.habit.id;
        return (
          <TodayRow
            key={entry.habit.id}
            entry={entry}
            index={i}
            todayDate={data.date}
            panelOpen={mine}
            panelDate={mine ? rows.panel?.date ?? data.date : data.date}
            onToggle={(date) => rows.toggleDay(i, date)}
            onOpenPanel={(open, date) => {
              onPanel?.(i, open);
              rows.setPanel(open ? { id: entry.habit.id, date: date ?? null } : null);
              if (!open) setTimeout(() => focusRow(i), 0);
            }}
            onSave={(date, body, optimistic) => today.checkIn(entry.habit.id, date, body, optimistic, true)}
            onMoveStart={async (date) => {
              await updateHabit(entry.habit.id, { start_date: date });
              void today.reload();
            }}
          />
        );
      })}
    </ol>
  );
}

/** The check-ins' message (a refused change, an offline change dropped): a live region that
 * stays in view while the list scrolls, and the message goes away on its own after a while. */
export function CheckInNotice({ notice, dismiss }: { notice: Notice | null; dismiss: () => void }) {
  useEffect(() => {
    if (!notice) return undefined;
    const t = window.setTimeout(dismiss, 8000);
    return () => window.clearTimeout(t);
  }, [notice?.id]);
  return (
    <div class="today-notice" aria-live="polite">
      {notice && (
        <div class="today-notice-inner">
          <Alert kind={notice.kind === 'error' ? 'error' : 'info'}>
            {notice.text}{' '}
            <button type="button" class="link-btn" onClick={dismiss}>
              Dismiss
            </button>
          </Alert>
        </div>
      )}
    </div>
  );
}
