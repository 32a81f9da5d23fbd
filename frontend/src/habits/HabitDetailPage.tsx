import { useState } from 'preact/hooks';
import { ApiError } from '../api/errors';
import { BarChart, Heatmap, LineChart } from '../ui/charts';
import { flooredPercent, formatPercent } from '../ui/format';
import { ErrorState, Loading } from '../ui/Status';
import { useIdParam } from '../ui/routeId';
import { useRequest } from '../ui/useRequest';
import { useTitle } from '../ui/useTitle';
import { dayMonth, longDay, monthLabel, shortDay } from '../ui/dates';
import { getHabit, getHabitStats, type Habit, type HabitStats } from './api';
import { habitStyle } from './colors';
import { describeSchedule, describeStreak, describeTarget } from './labels';
import './habits.css';

interface Window {
  from?: string;
  to?: string;
}

/** Loop's strength as a 0–100 score (floored), written so it never reads as a percentage rate. */
export function formatStrength(value: number): string {
  return String(flooredPercent(value));
}

async function load(id: number, win: Window): Promise<{ habit: Habit; stats: HabitStats }> {
  const [habit, stats] = await Promise.all([getHabit(id), getHabitStats(id, win)]);
  return { habit, stats };
}

function NotFoundHabit() {
  return (
    <section class="page page-narrow">
      <h1 tabIndex={-1}>Action item not found</h1>
      <p class="muted">There is no action item at this address — it may have been deleted, or the link is wrong.</p>
      <p>
        <a href="/habits" class="btn btn-primary">
          Go to your habits
        </a>
      </p>
    </section>
  );
}

function WindowPicker({ stats, onApply, busy }: { stats: HabitStats; onApply: (w: Window) => void; busy: boolean }) {
  const [from, setFrom] = useState(stats.from);
  const [to, setTo] = useState(stats.to);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      class="window-picker"
      aria-label="Window"
      onSubmit={(e) => {
        e.preventDefault();
        if (!from || !to) return setError('Pick both dates.');
        if (from > to) return setError('"From" must be on or before "to".');
        setError(null);
        onApply({ from, to });
      }}
    >
      <label class="window-field">
        <span>From</span>
        <input class="input" type="date" value={from} max={to} onInput={(e) => setFrom(e.currentTarget.value)} aria-invalid={error ? 'true' : undefined} />
      </label>
      <label class="window-field">
        <span>To</span>
        <input class="input" type="date" value={to} min={from} onInput={(e) => setTo(e.currentTarget.value)} aria-invalid={error ? 'true' : undefined} />
      </label>
      <button type="submit" class="btn" disabled={busy}>
        Show
      </button>
      {error && (
        <p class="field-error window-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

export default function HabitDetailPage() {
  const id = useIdParam();
  const [win, setWin] = useState<Window>({});
  const req = useRequest(() => (id !== null ? load(id, win) : Promise.reject(new ApiError(404, 'Not found.'))), [id, win.from, win.to]);
  useTitle(req.data?.habit.name);

  if (id === null || (req.status === 'error' && req.error instanceof ApiError && req.error.status === 404)) return <NotFoundHabit />;
  if (req.status === 'error' && !req.data) {
    return (
      <section class="page">
        <h1 tabIndex={-1}>Action item</h1>
        <ErrorState error={req.error} onRetry={req.reload} />
      </section>
    );
  }
  if (!req.data) {
    return (
      <section class="page">
        <h1 tabIndex={-1} class="visually-hidden">
          Habit
        </h1>
        <Loading label="Loading the numbers…" minHeight="60vh" />
      </section>
    );
  }

  const { habit, stats } = req.data;
  const target = describeTarget(habit);
  const weeks = stats.weeks.map((w) => ({
    label: dayMonth(w.start),
    value: w.eligible > 0 ? w.rate : null,
    title: `Week of ${shortDay(w.start)}: ${w.done} of ${w.eligible} eligible days${w.eligible ? ` (${formatPercent(w.rate)})` : ''}`,
  }));
  const months = stats.months.map((m) => ({
    label: monthLabel(m.start.slice(0, 7)).slice(0, 3),
    value: m.done,
    title: `${monthLabel(m.start.slice(0, 7))}: done ${m.done} of ${m.eligible} eligible days${m.eligible ? ` (${formatPercent(m.rate)})` : ''}`,
  }));
  const strengthLabels = stats.strength_series.map((p) => dayMonth(p.date));

  return (
    <section class="page habit-detail" style={habitStyle(habit.color)}>
      <p class="detail-back">
        <a href="/habits">← Action items</a>
      </p>
      <header class="page-header detail-header">
        <h1 tabIndex={-1}>
          <span class="habit-swatch" aria-hidden="true" /> {habit.name}
        </h1>
        <p class="muted">
          {describeSchedule(habit.schedule)}
          {target && ` · ${target}`} · since {shortDay(habit.start_date)}
          {habit.archived && <strong class="detail-archived"> · Archived</strong>}
        </p>
        {habit.description && <p class="detail-description">{habit.description}</p>}
      </header>

      <div class="card detail-window">
        <p class="detail-window-text">
          Numbers from <strong>{longDay(stats.from)}</strong> to <strong>{longDay(stats.to)}</strong>
        </p>
        <WindowPicker key={`${stats.from}-${stats.to}`} stats={stats} busy={req.status === 'loading'} onApply={setWin} />
        {req.status === 'error' && <ErrorState error={req.error} onRetry={req.reload} title="Couldn't load that window" />}
      </div>

      <dl class="detail-stats" aria-busy={req.status === 'loading' || undefined}>
        <div class="stat">
          <dt>Rate</dt>
          <dd>
            <span class="stat-value" data-testid="rate">{formatPercent(stats.rate)}</span>
            <span class="stat-sub">
              done {stats.done} of {stats.eligible} eligible days{stats.skipped ? `, ${stats.skipped} skipped` : ''}
            </span>
          </dd>
        </div>
        <div class="stat">
          <dt>Current streak</dt>
          <dd>
            <span class="stat-value" data-testid="current-streak">{describeStreak(stats.current_streak, stats.streak_unit)}</span>
          </dd>
        </div>
        <div class="stat">
          <dt>Best streak</dt>
          <dd>
            <span class="stat-value" data-testid="best-streak">{describeStreak(stats.best_streak, stats.streak_unit)}</span>
          </dd>
        </div>
        <div class="stat stat-strength">
          <dt>Strength (Loop-style score)</dt>
          <dd>
            <span class="stat-value" data-testid="strength">
              {formatStrength(stats.strength)}
              <span class="stat-unit"> / 100</span>
            </span>
            <span class="stat-sub">An exponential average that favours recent days — not the rate.</span>
          </dd>
        </div>
      </dl>

      <div class="card detail-card">
        <Heatmap title={`Last 365 days to ${shortDay(stats.to)}`} cells={stats.history} />
      </div>

      <div class="detail-charts">
        <div class="card detail-card">
          <BarChart title="Rate per week (done ÷ eligible days)" data={weeks} max={1} format={formatPercent} maxLabels={6} emptyText="No weeks in this window yet." />
        </div>
        <div class="card detail-card">
          <LineChart
            title="Strength (Loop-style score)"
            labels={strengthLabels}
            series={[{ name: 'Strength (Loop-style score)', values: stats.strength_series.map((p) => p.value), color: 'var(--habit-color)' }]}
            max={1}
            format={formatStrength}
            markers={false}
            maxLabels={5}
            emptyText="No strength yet."
          />
          <p class="chart-note muted">0–100. Each day moves it a little towards done or not done, so it rises and falls slowly.</p>
        </div>
        <div class="card detail-card">
          <BarChart title="Days done per month" data={months} format={(v) => String(Math.round(v))} integer maxLabels={12} emptyText="No months in this window yet." />
        </div>
        <div class="card detail-card">
          <h2 class="chart-title">Recent notes</h2>
          {stats.recent_notes.length === 0 ? (
            <p class="muted detail-no-notes">No notes yet. Add one from Today with ⋯.</p>
          ) : (
            <ul class="notes">
              {stats.recent_notes.map((n) => (
                <li key={n.date}>
                  <time dateTime={n.date}>{shortDay(n.date)}</time>
                  <p>{n.note}</p>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
