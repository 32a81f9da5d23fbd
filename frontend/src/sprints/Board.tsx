// The sprint board (for SprintPage.tsx and CurrentSprintPage.tsx): the score against the target
// against the previous sprint, and per action item the done days, the required line, how many
// more days it needs and whether that can still happen. Reloads when the person comes back to
// the tab (after checking in).
import { useCallback, useState } from 'preact/hooks';
import { errorMessage } from '../api/errors';
import { Alert } from '../ui/Alert';
import { Markdown } from '../ui/Markdown';
import { ErrorState, Loading } from '../ui/Status';
import { useRequest } from '../ui/useRequest';
import { useRefreshOnFocus } from '../ui/useRefreshOnFocus';
import { goalChoices, type Goal } from '../goals/api';
import { PencilIcon, StateIcon } from './icons';
import { SprintEyebrow, SprintNav } from './SprintHeader';
import { getScoreboard, takeWarnings, type Scoreboard, type ScoreItem, type Sprint } from './api';
import { editPath, retroPath } from './paths';
import { formatDay, formatPercent } from '../ui/format';
import { deltaPoints, formatPoints, plural, suggestTarget } from './format';
import { itemVerdict } from './itemState';
import './sprints.css';

export interface BoardData {
  sprint: Sprint;
  board: Scoreboard;
  /** Titles of the sprint's goals; null if they couldn't be loaded. */
  goals: Goal[] | null;
}

export async function loadBoard(sprint: Sprint): Promise<BoardData> {
  const [board, goals] = await Promise.all([
    getScoreboard(sprint.id),
    sprint.goal_ids.length > 0
      ? goalChoices().then((goals) => goals.filter((g) => sprint.goal_ids.includes(g.id)), () => null)
      : Promise.resolve([]),
  ]);
  return { sprint, board, goals };
}

const pct = (part: number, whole: number) => (whole > 0 ? `${Math.min(100, Math.max(0, (part / whole) * 100))}%` : '0%');

function ItemRow({ item, status }: { item: ScoreItem; status: Sprint['status'] }) {
  const verdict = itemVerdict(item, status);
  // The whole sprint's countable days: those over so far plus those that can still count.
  const total = item.eligible + item.eligible_left;
  const missed = Math.max(0, item.eligible - item.done);
  const unit = item.streak_unit === 'weeks' ? 'time' : 'day';
  const barLabel =
    `${item.done} of ${plural(total, unit)} done` +
    (missed ? `, ${missed} not done` : '') +
    (item.eligible_left ? `, ${item.eligible_left} still to come` : '') +
    `; ${item.required} needed for the target`;
  return (
    <li class={`sp-item sp-state-${verdict.state}`}>
      <div class="sp-item-head">
        <h3 class="sp-item-name">{item.name}</h3>
        <p class="sp-item-count">
          <strong>
            {item.done}/{item.eligible}
          </strong>{' '}
          <span class="muted">· {formatPercent(item.rate)}</span>
        </p>
      </div>
      {total > 0 ? (
        <div class="sp-bar" role="img" aria-label={barLabel}>
          <span class="sp-bar-done" style={{ width: pct(item.done, total) }} />
          <span class="sp-bar-missed" style={{ width: pct(missed, total) }} />
          <span class="sp-bar-required" style={{ left: pct(item.required, total) }} />
        </div>
      ) : (
        <p class="muted sp-small">No day of this sprint is scheduled for this item.</p>
      )}
      <div class="sp-item-foot">
        <p class="sp-verdict">
          <strong class="sp-verdict-label">
            <StateIcon state={verdict.state} />
            {verdict.label}
          </strong>
          {verdict.detail && <> <span class="sp-verdict-detail">{verdict.detail}</span></>}
        </p>
        <p class="sp-item-meta muted">
          {item.required} of {total} needed
          {item.skipped > 0 && <> · {item.skipped} skipped</>}
          {item.streak > 0 && <> · streak {plural(item.streak, item.streak_unit === 'weeks' ? 'week' : 'day')}</>}
        </p>
      </div>
    </li>
  );
}

function ScoreSummary({ board }: { board: Scoreboard }) {
  const points = deltaPoints(board.score, board.previous_score ?? 0);
  const first = board.previous_score === null;
  let days: string;
  if (board.status === 'planned') days = `Starts ${formatDay(board.start_date)}`;
  else if (board.status === 'finished') days = `Ended ${formatDay(board.end_date)}`;
  else days = `${plural(board.days_left, 'day')} left`;
  const dayOf =
    board.status === 'active'
      ? `Day ${Math.min(board.days_elapsed + 1, board.days_total)} of ${board.days_total}`
      : plural(board.days_total, 'day');
  return (
    <section class="card sp-summary" aria-label="Score">
      <div class="sp-summary-score">
        <p class="sp-score">
          {board.score === null ? (
            <span class="sp-score-value sp-score-none">No score yet</span>
          ) : (
            <>
              <span class="sp-score-value">{formatPercent(board.score)}</span>
              <span class="sp-score-unit">{board.status === 'active' ? 'score so far' : 'score'}</span>
            </>
          )}
        </p>
        <p class="sp-score-line">
          <span>target {formatPercent(board.target_rate)}</span>
          <span aria-hidden="true"> · </span>
          <span>
            from {formatPercent(board.previous_score ?? 0)}
            {first && <span class="muted"> (first sprint)</span>}
          </span>
        </p>
        {board.score !== null && points !== null && (
          <p class={`sp-delta ${points > 0 ? 'sp-up' : points < 0 ? 'sp-down' : ''}`}>
            {formatPoints(points)}
            {first ? '' : ' on the last sprint'}
          </p>
        )}
        <p class={`sp-outcome-line sp-outcome-${board.outcome.state}`}>{board.outcome.text}</p>
        <div class="sp-meter" aria-hidden="true">
          <span class="sp-meter-fill" style={{ width: pct(board.score ?? 0, 1) }} />
          <span class="sp-meter-target" style={{ left: pct(board.target_rate, 1) }} />
        </div>
      </div>
      <div class="sp-summary-days">
        <p class="sp-days-left">{days}</p>
        <p class="muted">{dayOf}</p>
        {board.frozen && <p class="muted sp-small">Results kept as they were when it ended.</p>}
      </div>
    </section>
  );
}

/**
 * The next move, when the board has one to offer: an item out of reach (adjust this sprint or
 * plan the next one), the last days of a sprint, or a sprint that is over.
 */
export function NextStep({ sprint, board }: { sprint: Sprint; board: Scoreboard }) {
  if (board.status === 'planned' || board.habits.length === 0) return null;
  const stuck = board.habits.filter((h) => h.still_needed > 0 && !h.feasible);
  const ending = board.status === 'active' && board.days_left <= 3;
  if (board.status === 'active' && stuck.length === 0 && !ending) return null;
  const suggested = formatPercent(suggestTarget(board.score, board.target_rate));
  let lead: string;
  if (board.status === 'finished') lead = `This sprint is over: ${board.outcome.text}.`;
  else if (stuck.length > 0) {
    const names = stuck.map((h) => h.name).join(', ');
    lead = `${names} can no longer reach ${formatPercent(board.target_rate)} this sprint.`;
  } else lead = `The sprint ends ${board.days_left === 1 ? 'today' : `in ${plural(board.days_left, 'day')}`}.`;
  return (
    <section class="card sp-next-step" aria-labelledby="sp-next-step-title">
      <h2 id="sp-next-step-title">Next step</h2>
      <p>{lead}</p>
      <p class="muted">
        From {board.score === null ? 'this sprint' : `a score of ${formatPercent(board.score)}`}, a next sprint at{' '}
        <strong>{suggested}</strong> is a step up you can make.
        {stuck.length > 0 && board.status === 'active' ? ' Or adjust this one: a lower target, or fewer items.' : ''}
      </p>
      <div class="form-actions">
        <a class="btn btn-primary" href={`${retroPath(sprint.id)}#sp-next-title`}>
          Plan the next sprint at {suggested}
        </a>
        {board.status === 'active' && (
          <a class="btn" href={editPath(sprint.id)}>
            Adjust this sprint
          </a>
        )}
      </div>
    </section>
  );
}

const PRODUCED: [keyof Scoreboard['outputs'], string][] = [
  ['papers_finished', 'Papers finished'],
  ['pages_read', 'Pages read'],
  ['posts_published', 'Posts published'],
  ['implementations_published', 'Implementations published'],
  ['applications_sent', 'Applications sent'],
  ['applications_moved', 'Applications moved'],
  ['interviews_held', 'Interviews held'],
];

/** What a topic sprint produced in its dates besides check-ins; nothing shown when nothing was. */
function Produced({ board }: { board: Scoreboard }) {
  const figures = PRODUCED.filter(([key]) => (board.outputs?.[key] ?? 0) > 0);
  if (figures.length === 0) return null;
  return (
    <section class="card" aria-labelledby="sp-produced-title">
      <h2 id="sp-produced-title">What it produced</h2>
      <ul class="sp-produced">
        {figures.map(([key, label]) => (
          <li key={key}>
            {label}: <strong>{board.outputs[key]}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function BoardView({ data, reloading, reloadError }: { data: BoardData; reloading?: boolean; reloadError?: unknown }) {
  const { sprint, board, goals } = data;
  const [warnings] = useState(() => takeWarnings(sprint.id));
  return (
    <div class="page sp-page">
      <SprintNav current={undefined} />
      <header class="page-header-row sp-header">
        <div class="sp-header-main">
          <SprintEyebrow sprint={sprint} />
          <h1 tabIndex={-1}>{sprint.title}</h1>
          {sprint.theme && <p class="muted sp-theme">Theme: {sprint.theme}</p>}
        </div>
        <div class="sp-header-actions">
          <a class="btn" href={editPath(sprint.id)}>
            <PencilIcon />
            Edit
          </a>
          <a class={`btn ${sprint.status === 'finished' ? 'btn-primary' : ''}`} href={retroPath(sprint.id)}>
            Retrospective
          </a>
        </div>
      </header>

      {warnings.length > 0 && (
        <Alert kind="info">
          {warnings.join(' ')} That is allowed (a topic sprint may run beside your fortnight); <a href={editPath(sprint.id)}>change the dates</a> if
          it was not meant to.
        </Alert>
      )}
      {reloadError !== undefined && <Alert>Couldn't refresh the board: {errorMessage(reloadError)}</Alert>}
      <p class="visually-hidden" role="status">
        {reloading ? 'Refreshing the board…' : ''}
      </p>

      <div class="sp-board">
        <ScoreSummary board={board} />
        <NextStep sprint={sprint} board={board} />

        <section class="card" aria-labelledby="sp-items-title">
          <h2 id="sp-items-title">Action items</h2>
          {board.habits.length === 0 ? (
            <p class="empty">
              This sprint has no action items yet. <a href={editPath(sprint.id)}>Choose some</a>.
            </p>
          ) : (
            <>
              <p class="muted sp-legend">
                <span class="sp-key sp-key-done" aria-hidden="true" /> done
                <span class="sp-key sp-key-missed" aria-hidden="true" /> not done
                <span class="sp-key sp-key-required" aria-hidden="true" /> target line ({formatPercent(board.target_rate)})
              </p>
              <ul class="sp-items" aria-label="Action items">
                {board.habits.map((item) => (
                  <ItemRow key={item.habit_id} item={item} status={board.status} />
                ))}
              </ul>
            </>
          )}
        </section>

        <Produced board={board} />

        <section class="card" aria-labelledby="sp-plan-title">
          <h2 id="sp-plan-title">Plan</h2>
          <Markdown source={sprint.plan} class="sp-markdown" empty="No plan written yet." />
          {goals === null && <p class="muted sp-small">Couldn't load this sprint's goals.</p>}
          {goals && goals.length > 0 && (
            <>
              <h3 class="sp-subtitle">Goals it serves</h3>
              <ul class="sp-chips">
                {goals.map((g) => (
                  <li key={g.id} class="sp-chip">
                    {g.title}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      </div>
    </div>
  );
}

export function useBoard(load: () => Promise<BoardData | null>, deps: unknown[]) {
  const request = useRequest(load, deps);
  const reload = useCallback(() => request.reload(), [request.reload]);
  useRefreshOnFocus(reload);
  return request;
}

export function BoardState({ request, title }: { request: ReturnType<typeof useBoard>; title: string }) {
  if (request.data) {
    return (
      <BoardView
        data={request.data}
        reloading={request.status === 'loading'}
        reloadError={request.status === 'error' ? request.error : undefined}
      />
    );
  }
  return (
    <div class="page sp-page">
      <SprintNav current={title === 'Current sprint' ? 'current' : undefined} />
      <h1 tabIndex={-1} class={request.status === 'error' ? undefined : 'visually-hidden'}>{title}</h1>
      {request.status === 'error' ? (
        <ErrorState title="Couldn't load the sprint" error={request.error} onRetry={request.reload} />
      ) : (
        <Loading label="Loading the sprint…" minHeight="60vh" />
      )}
    </div>
  );
}
