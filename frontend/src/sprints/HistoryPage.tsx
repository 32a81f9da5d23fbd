// /sprints/history — every sprint with its dates, status and score against its target, and a
// trend of the scores with the targets beside them.
import { LineChart } from '../ui/charts/LineChart';
import { ErrorState, Loading } from '../ui/Status';
import { useRequest } from '../ui/useRequest';
import { SprintNav, StatusBadge } from './SprintHeader';
import { listSprints, type Sprint } from './api';
import { NEW_PATH, retroPath, sprintPath } from './paths';
import { formatDay, formatDayMonthGB, formatPercent, formatRange } from '../ui/format';
import './sprints.css';

/** Where the sprint stands against its target: the API's one sentence (the board and the
 * review say the same), with a colour key. "Met"/"reached" only once every item has its
 * required days. */
export function outcome(s: Sprint): { key: 'met' | 'below' | 'none' | 'pending'; text: string } {
  const { state, text } = s.outcome;
  if (state === 'met' || state === 'reached') return { key: 'met', text };
  if (state === 'missed' || state === 'out_of_reach') return { key: 'below', text };
  if (state === 'no_items') return { key: 'none', text };
  if (state === 'not_started') return { key: 'pending', text: `Starts ${formatDay(s.start_date)}` };
  return { key: 'pending', text };
}

function Trend({ sprints }: { sprints: Sprint[] }) {
  // Oldest first; planned sprints have nothing to plot yet.
  const scored = sprints.filter((s) => s.status !== 'planned').slice().reverse();
  if (scored.length < 2) {
    return (
      <p class="muted sp-small">
        The trend appears once two sprints have started. {scored.length === 1 ? 'One so far.' : ''}
      </p>
    );
  }
  return (
    <LineChart
      title="Score per sprint, with its target"
      hideTitle
      labels={scored.map((s) => formatDayMonthGB(s.start_date))}
      series={[
        { name: 'Score', values: scored.map((s) => s.score) },
        { name: 'Target', values: scored.map((s) => s.target_rate), dashed: true, color: 'var(--text-muted)' },
      ]}
      max={1}
      format={formatPercent}
      height={180}
    />
  );
}

/** /sprints/history */
export default function HistoryPage() {
  const list = useRequest(listSprints, []);
  return (
    <div class="page sp-page">
      <SprintNav current="history" />
      <header class="page-header-row sp-header">
        <div class="sp-header-main">
          <h1 tabIndex={-1}>Sprint history</h1>
          <p class="muted">Every sprint, its score against its target, and the trend.</p>
        </div>
        <div class="sp-header-actions">
          <a class="btn btn-primary" href={NEW_PATH}>
            Plan a sprint
          </a>
        </div>
      </header>
      {list.data ? (
        list.data.items.length === 0 ? (
          <p class="empty">
            No sprints yet. <a href={NEW_PATH}>Plan your first one</a> — two weeks and a target.
          </p>
        ) : (
          <div class="sp-board">
            <section class="card" aria-labelledby="sp-trend-title">
              <h2 id="sp-trend-title">Trend</h2>
              <p class="muted card-lede">Score per sprint (solid) and the target it aimed for (dashed).</p>
              <Trend sprints={list.data.items} />
            </section>
            <section class="card" aria-labelledby="sp-all-title">
              <h2 id="sp-all-title">All sprints</h2>
              {list.data.total > list.data.items.length && (
                <p class="muted sp-small">
                  Showing the newest {list.data.items.length} of {list.data.total}.
                </p>
              )}
              <ul class="sp-history" aria-label="Sprints, newest first">
                {list.data.items.map((s) => {
                  const o = outcome(s);
                  return (
                    <li key={s.id} class="sp-history-item">
                      <div class="sp-history-main">
                        <a class="sp-history-title" href={sprintPath(s.id)}>
                          {s.title}
                        </a>
                        <p class="sp-history-dates muted">
                          <StatusBadge status={s.status} /> {formatRange(s.start_date, s.end_date)}
                        </p>
                      </div>
                      <dl class="sp-history-nums">
                        <div>
                          <dt>Score</dt>
                          <dd class="sp-history-score">{formatPercent(s.score)}</dd>
                        </div>
                        <div>
                          <dt>Target</dt>
                          <dd>{formatPercent(s.target_rate)}</dd>
                        </div>
                        <div>
                          <dt>Result</dt>
                          <dd class={`sp-outcome sp-outcome-${o.key}`}>{o.text}</dd>
                        </div>
                      </dl>
                      <a class="sp-history-retro" href={retroPath(s.id)} aria-label={`Retrospective of ${s.title}`}>
                        Retro
                      </a>
                    </li>
                  );
                })}
              </ul>
            </section>
          </div>
        )
      ) : list.status === 'error' ? (
        <ErrorState title="Couldn't load your sprints" error={list.error} onRetry={list.reload} />
      ) : (
        <Loading label="Loading sprints…" minHeight="50vh" />
      )}
    </div>
  );
}
