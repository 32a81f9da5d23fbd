// The reading stats chart: finished per month (by kind), pages per week, and two numbers.
import { BarChart } from '../ui/charts/BarChart';
import { formatMonth } from '../ui/format';
import { shortDay } from '../ui/dates';
import { ErrorState, Loading } from '../ui/Status';
import { useRequest } from '../ui/useRequest';
import { getStats, type ReadingStats } from './api';
import { kindLabel } from './labels';

export function StatsView({ stats }: { stats: ReadingStats }) {
  const months = new Map<string, { total: number; parts: string[] }>(stats.months.map((m) => [m, { total: 0, parts: [] }]));
  for (const row of stats.finished_per_month) {
    const m = months.get(row.month) ?? { total: 0, parts: [] };
    m.total += row.count;
    m.parts.push(`${row.count} ${kindLabel(row.kind).toLowerCase()}${row.count === 1 ? '' : 's'}`);
    months.set(row.month, m);
  }
  const finished = [...months.entries()].map(([month, m]) => ({
    label: formatMonth(month, true),
    value: m.total,
    title: `${formatMonth(month)}: ${m.parts.join(', ') || 'nothing finished'}`,
  }));
  const weeks = stats.pages_per_week.map((w) => ({
    label: shortDay(w.week_start).replace(/^\w+ /, ''),
    value: w.pages,
    title: `Week of ${shortDay(w.week_start)}: ${Math.round(w.pages)} pages`,
  }));
  return (
    <div class="rd-stats">
      <dl class="rd-numbers">
        <div>
          <dt>Reading streak</dt>
          <dd>
            {stats.current_streak} day{stats.current_streak === 1 ? '' : 's'}
          </dd>
        </div>
        <div>
          <dt>Median days to finish</dt>
          <dd>{stats.median_days_to_finish === null ? '—' : Math.round(stats.median_days_to_finish * 10) / 10}</dd>
        </div>
        <div>
          <dt>Finished</dt>
          <dd>{stats.by_status.done ?? 0}</dd>
        </div>
      </dl>
      <div class="rd-charts">
        <BarChart title="Finished per month" data={finished} integer format={(v) => String(v)} emptyText="Nothing finished in the last 12 months yet." />
        <BarChart title="Pages per week, last 12 weeks" data={weeks} format={(v) => String(Math.round(v))} />
      </div>
    </div>
  );
}

export function Stats() {
  const req = useRequest(getStats);
  if (req.status === 'error' && !req.data) return <ErrorState title="Couldn't load your reading stats" error={req.error} onRetry={req.reload} />;
  if (!req.data) return <Loading label="Loading stats…" minHeight="10rem" />;
  return <StatsView stats={req.data} />;
}
