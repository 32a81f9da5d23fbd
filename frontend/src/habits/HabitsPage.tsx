import { useState } from 'preact/hooks';
import { errorMessage } from '../api/errors';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorState, Loading } from '../ui/Status';
import { useAction } from '../ui/useAction';
import { useRequest } from '../ui/useRequest';
import { moved, useSortable } from '../ui/useSortable';
import { shortDay } from '../ui/dates';
import { HabitForm } from './HabitForm';
import { deleteHabit, getTodayDate, listHabits, reorderHabits, updateHabit, type Habit } from './api';
import { habitStyle } from './colors';
import { describeSchedule, describeTarget } from './labels';
import './habits.css';

interface Data {
  habits: Habit[];
  today: string;
}

async function loadAll(): Promise<Data> {
  const [page, today] = await Promise.all([
    listHabits(),
    getTodayDate(),
  ]);
  const habits = [...page.items].sort((a, b) => a.position - b.position || a.id - b.id);
  return { habits, today };
}

export default function HabitsPage() {
  const req = useRequest(loadAll);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [announce, setAnnounce] = useState('');

  const data = req.data;
  const active = data?.habits.filter((h) => !h.archived) ?? [];
  const archived = data?.habits.filter((h) => h.archived) ?? [];

  const replace = (habit: Habit) =>
    req.mutate((d) => ({ ...d, habits: d.habits.some((h) => h.id === habit.id) ? d.habits.map((h) => (h.id === habit.id ? habit : h)) : [...d.habits, habit] }));

  const setArchived = async (habit: Habit, value: boolean) => {
    setBusyId(habit.id);
    setMessage(null);
    try {
      const saved = await updateHabit(habit.id, { archived: value });
      replace(saved);
      setMessage({ kind: 'success', text: value ? `Archived ${habit.name}. Its history is kept.` : `Restored ${habit.name}.` });
    } catch (err) {
      setMessage({ kind: 'error', text: `Couldn't ${value ? 'archive' : 'restore'} ${habit.name}: ${errorMessage(err)}` });
    } finally {
      setBusyId(null);
    }
  };

  const reorder = async (from: number, to: number, focusSelector?: string) => {
    if (!data || to < 0 || to >= active.length || from === to) return;
    const before = data.habits;
    const nextActive = moved(active, from, to);
    const ids = [...nextActive, ...archived].map((h) => h.id);
    const positioned = [...nextActive, ...archived].map((h, i) => ({ ...h, position: i + 1 }));
    req.mutate((d) => ({ ...d, habits: positioned }));
    const habit = active[from]!;
    setAnnounce(`${habit.name} moved to position ${to + 1} of ${active.length}.`);
    if (focusSelector) setTimeout(() => document.querySelector<HTMLElement>(focusSelector)?.focus(), 0);
    try {
      await reorderHabits(ids);
    } catch (err) {
      req.mutate((d) => ({ ...d, habits: before }));
      setMessage({ kind: 'error', text: `Couldn't save the new order: ${errorMessage(err)}` });
    }
  };

  // Drag by the grip (mouse or touch); the arrow buttons are the keyboard way.
  const sortableRef = useSortable<HTMLOListElement>((from, to) => void reorder(from, to), {
    handle: '.drag-handle',
    filter: '[data-editing]',
    disabled: editing !== null,
  });

  const del = useAction((habit: Habit) => deleteHabit(habit.id), {
    onDone: (_, habit) => {
      req.mutate((d) => ({ ...d, habits: d.habits.filter((h) => h.id !== habit.id) }));
      setMessage({ kind: 'success', text: `Deleted ${habit.name} and its check-ins.` });
      setEditing(null);
    },
  });

  return (
    <section class="page habits-page">
      <header class="page-header page-header-row habits-header">
        <div>
          <h1 tabIndex={-1}>Action items</h1>
          <p class="muted">Your action items: what you check in on Today, and how often.</p>
        </div>
        {data && !creating && (
          <Button variant="primary" onClick={() => setCreating(true)}>
            New action item
          </Button>
        )}
      </header>

      {req.status === 'loading' && !data && <Loading label="Loading habits…" minHeight="30vh" />}
      {req.status === 'error' && !data && <ErrorState error={req.error} onRetry={req.reload} />}

      {message && (
        <div class="habits-message">
          <Alert kind={message.kind}>{message.text}</Alert>
        </div>
      )}
      <p class="visually-hidden" aria-live="polite">
        {announce}
      </p>

      {data && creating && (
        <div class="card habits-new">
          <h2>New action item</h2>
          <HabitForm
            today={data.today}
            onSaved={(h) => {
              replace(h);
              setCreating(false);
              setMessage({ kind: 'success', text: `Created ${h.name}. Check it in on Today.` });
            }}
            onCancel={() => setCreating(false)}
          />
        </div>
      )}

      {data && (
        <>
          <h2 class="habits-section-title">Active</h2>
          {active.length === 0 ? (
            <p class="empty">No active action items. {!creating && 'Create one to start checking in.'}</p>
          ) : (
            <ol class="habit-list" aria-label="Active action items" ref={sortableRef}>
              {active.map((h, i) => (
                <li
                  key={h.id}
                  class="habit-item"
                  style={habitStyle(h.color)}
                  data-editing={editing === h.id ? '' : undefined}
                >
                  {editing === h.id ? (
                    <div class="habit-edit">
                      <h3>Edit {h.name}</h3>
                      <HabitForm
                        habit={h}
                        today={data.today}
                        onSaved={(saved) => {
                          replace(saved);
                          setEditing(null);
                          setMessage({ kind: 'success', text: `Saved ${saved.name}.` });
                        }}
                        onCancel={() => setEditing(null)}
                        extra={
                          <Button variant="danger" class="habit-delete" onClick={() => del.ask(h)}>
                            Delete…
                          </Button>
                        }
                      />
                    </div>
                  ) : (
                    <>
                      <span class="habit-handle drag-handle" aria-hidden="true" title="Drag to reorder (or use the arrows)">
                        ⋮⋮
                      </span>
                      <span class="habit-swatch" aria-hidden="true" />
                      <div class="habit-info">
                        <a class="habit-name" href={`/habits/${h.id}`}>
                          {h.name}
                        </a>
                        <p class="habit-sub muted">
                          {describeSchedule(h.schedule)}
                          {describeTarget(h) && ` · ${describeTarget(h)}`}
                          {` · since ${shortDay(h.start_date)}`}
                        </p>
                      </div>
                      <div class="habit-actions">
                        <button type="button" class="icon-btn" id={`up-${h.id}`} aria-label={`Move ${h.name} up`} title="Move up" disabled={i === 0}
                          onClick={() => void reorder(i, i - 1, i - 1 === 0 ? `#down-${h.id}` : `#up-${h.id}`)}>
                          <svg class="icon" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><path d="m6 15 6-6 6 6" /></svg>
                        </button>
                        <button type="button" class="icon-btn" id={`down-${h.id}`} aria-label={`Move ${h.name} down`} title="Move down" disabled={i === active.length - 1}
                          onClick={() => void reorder(i, i + 1, i + 1 === active.length - 1 ? `#up-${h.id}` : `#down-${h.id}`)}>
                          <svg class="icon" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><path d="m6 9 6 6 6-6" /></svg>
                        </button>
                        <Button variant="ghost" aria-label={`Edit ${h.name}`} onClick={() => setEditing(h.id)}>
                          Edit
                        </Button>
                        <Button variant="ghost" aria-label={`Archive ${h.name}`} busy={busyId === h.id} onClick={() => void setArchived(h, true)}>
                          Archive
                        </Button>
                      </div>
                    </>
                  )}
                </li>
              ))}
            </ol>
          )}

          {archived.length > 0 && (
            <>
              <h2 class="habits-section-title">Archived</h2>
              <p class="muted habits-section-lede">Hidden from Today; their history and numbers are kept.</p>
              <ul class="habit-list" aria-label="Archived action items">
                {archived.map((h) => (
                  <li key={h.id} class="habit-item habit-archived" style={habitStyle(h.color)}>
                    <span class="habit-swatch" aria-hidden="true" />
                    <div class="habit-info">
                      <a class="habit-name" href={`/habits/${h.id}`}>
                        {h.name}
                      </a>
                      <p class="habit-sub muted">{describeSchedule(h.schedule)}</p>
                    </div>
                    <div class="habit-actions">
                      <Button variant="ghost" aria-label={`Restore ${h.name}`} busy={busyId === h.id} onClick={() => void setArchived(h, false)}>
                        Restore
                      </Button>
                      <Button variant="danger" aria-label={`Delete ${h.name}`} onClick={() => del.ask(h)}>
                        Delete
                      </Button>
                    </div>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}

      <ConfirmDialog
        {...del.dialog}
        title={`Delete ${del.pending?.name ?? ''}?`}
        confirmLabel="Delete for good"
        busyLabel="Deleting…"
        danger
      >
        <p>This deletes the action item and every check-in it has. To keep the history, archive it instead.</p>
      </ConfirmDialog>
    </section>
  );
}
