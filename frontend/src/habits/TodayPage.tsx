import { useEffect, useRef, useState } from 'preact/hooks';
import { OfflineStatus } from '../offline/OfflineStatus';
import { ErrorState, Loading } from '../ui/Status';
import { longDay } from '../ui/dates';
import { QuickAdd } from './QuickAdd';
import { SprintPaceLine } from '../sprints/PaceLine';
import { CheckInList, CheckInNotice, useCheckInRows } from './CheckInList';
import { useToday } from './useToday';
import './habits.css';

const SHORTCUTS: [string, string][] = [
  ['j / ↓', 'Next action item'],
  ['k / ↑', 'Previous action item'],
  ['x / Space', 'Toggle done today'],
  ['s', 'Skip today'],
  ['n', 'Value and note'],
  ['?', 'Show or hide these shortcuts'],
];

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export default function TodayPage() {
  const today = useToday();
  const { data, load, notice } = today;
  // The rows' actions and the open ⋯ panel (which habit, and the day it starts on).
  const rows = useCheckInRows(today);
  const { setPanel, toggleDay } = rows;
  const [help, setHelp] = useState(false);
  const cursor = useRef(0);
  const listRef = useRef<HTMLOListElement>(null);

  const habits = data?.habits ?? [];
  const doneCount = habits.filter((h) => h.today?.status === 'done').length;

  const rowIndex = (el: Element | null) => {
    const row = el?.closest<HTMLElement>('[data-habit-index]');
    return row ? Number(row.dataset.habitIndex) : null;
  };
  const focusRow = (i: number) => {
    const rows = listRef.current?.querySelectorAll<HTMLElement>('[data-habit-index]');
    if (!rows?.length) return;
    const next = Math.max(0, Math.min(rows.length - 1, i));
    cursor.current = next;
    rows[next]?.querySelector<HTMLElement>('[data-nav-target]')?.focus();
  };

  // Keyboard shortcuts, while no field has the focus and no dialog is open.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      if (e.key === '?') {
        setHelp((h) => !h);
        e.preventDefault();
        return;
      }
      if (!data || data.habits.length === 0) return;
      const inList = !!listRef.current?.contains(document.activeElement);
      const focused = rowIndex(document.activeElement);
      const i = focused ?? cursor.current;
      const entry = data.habits[i];
      const onButton = (e.target as HTMLElement | null)?.closest('button, a');
      switch (e.key) {
        case 'j':
        case 'k':
        case 'ArrowDown':
        case 'ArrowUp': {
          if (e.key.startsWith('Arrow') && !inList) return;
          e.preventDefault();
          const down = e.key === 'j' || e.key === 'ArrowDown';
          focusRow(focused === null && !inList ? cursor.current : i + (down ? 1 : -1));
          return;
        }
        case ' ':
        case 'x':
          if (e.key === ' ' && onButton) return; // a focused button handles Space itself
          if (!entry) return;
          e.preventDefault();
          cursor.current = i;
          if (entry.habit.kind === 'numeric') setPanel({ id: entry.habit.id, date: null });
          else toggleDay(i, data.date);
          return;
        case 's':
          if (!entry) return;
          e.preventDefault();
          cursor.current = i;
          rows.toggleSkip(i);
          return;
        case 'n':
          if (!entry) return;
          e.preventDefault();
          cursor.current = i;
          setPanel({ id: entry.habit.id, date: null });
          return;
        default:
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [data]);

  return (
    <section class="page today">
      <header class="page-header today-header">
        <div>
          <h1 tabIndex={-1}>Today</h1>
          <p class="muted today-date">
            {data ? longDay(data.date, false) : '\u00a0'}
            {data && habits.length > 0 && (
              <span class="today-count">
                {' · '}
                {doneCount} of {habits.length} done
              </span>
            )}
          </p>
          {/* After /today is (re)loaded, so a check-in is saved before the pace is read. */}
          {today.revision > 0 && <SprintPaceLine refreshKey={today.revision} />}
        </div>
        <button type="button" class="btn btn-ghost today-help-btn" aria-expanded={help} aria-controls="today-shortcuts" onClick={() => setHelp(!help)}>
          <kbd>?</kbd> Shortcuts
        </button>
      </header>

      <OfflineStatus state={today.connection} />

      <div id="today-shortcuts" class="card today-shortcuts" hidden={!help}>
        <h2>Keyboard shortcuts</h2>
        <dl>
          {SHORTCUTS.map(([keys, what]) => (
            <div key={keys}>
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <p class="muted">On a touch screen, press and hold the check button (or use ⋯) to skip or add a note. Tap a past day to fill it in.</p>
      </div>

      <CheckInNotice notice={notice} dismiss={today.dismiss} />

      {load.status === 'loading' && !data && <Loading label="Loading today…" minHeight="40vh" />}
      {load.status === 'error' && !data && <ErrorState error={load.error} onRetry={today.reload} />}
      {data && habits.length === 0 && (
        <div class="card today-empty">
          <h2>Start with one action item</h2>
          <p class="card-lede muted">
            Something small you can do every day — "Gym", "No junk food", "Read 20 pages". You'll check it off here, and Kaizen keeps the honest
            numbers.
          </p>
          <QuickAdd label="Your first action item" onCreated={() => void today.refresh()} />
          <p class="muted today-empty-more">
            Need a schedule, a numeric target or a colour? <a href="/habits">Create it on the Action items page</a>.
          </p>
        </div>
      )}
      {data && habits.length > 0 && (
        <>
          <CheckInList
            today={today}
            rows={rows}
            listRef={listRef}
            onPanel={(i) => {
              cursor.current = i;
            }}
          />
          <p class="today-footer muted">
            <a href="/habits">Manage action items</a>
          </p>
        </>
      )}
    </section>
  );
}
