import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { useUser } from '../auth/session';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { ErrorState, Loading } from '../ui/Status';
import { useRequest } from '../ui/useRequest';
import { formatDate } from '../ui/format';
import { createGoal, listGoals, type Goal, type GoalCreate } from './api';
import { GoalForm } from './GoalForm';
import { AreaTag, EnthusiasmTag, ImportanceTag, StatusTag } from './GoalTags';
import { AREAS, ENTHUSIASM, ENTHUSIASM_SCALE, IMPORTANCE } from './labels';
import { ProgressBar } from './Progress';
import './goals.css';

type View = 'area' | 'matrix';
const VIEW_KEY = 'kaizen-goals-view';

function storedView(): View {
  try {
    return localStorage.getItem(VIEW_KEY) === 'matrix' ? 'matrix' : 'area';
  } catch {
    return 'area';
  }
}

function saveView(view: View) {
  try {
    localStorage.setItem(VIEW_KEY, view);
  } catch {
    /* storage disabled: the choice lasts for this visit */
  }
}

const isOpen = (g: Goal) => g.status === 'active' || g.status === 'paused';

function GoalCard({ goal, showArea }: { goal: Goal; showArea?: boolean }) {
  return (
    <li class="goal-card">
      <a href={`/goals/${goal.id}`} class="goal-card-title">
        {goal.title}
      </a>
      <p class="goal-tags">
        {showArea ? (
          <AreaTag goal={goal} />
        ) : (
          <>
            <ImportanceTag goal={goal} />
            <EnthusiasmTag goal={goal} />
          </>
        )}
        {goal.status !== 'active' && <StatusTag goal={goal} />}
      </p>
      {goal.key_result_count > 0 ? (
        <ProgressBar value={goal.progress} label="Progress" />
      ) : (
        <p class="goal-card-meta">No key results yet</p>
      )}
      {goal.target_date && <p class="goal-card-meta">Target {formatDate(goal.target_date)}</p>}
    </li>
  );
}

function ByArea({ goals }: { goals: Goal[] }) {
  return (
    <div class="goal-areas">
      {AREAS.map((area) => {
        const items = goals.filter((g) => g.area === area.value);
        if (items.length === 0) return null;
        const headingId = `goal-area-${area.value}`;
        return (
          <section key={area.value} class="goal-area" aria-labelledby={headingId}>
            <h2 id={headingId} class="goal-area-title">
              {area.label} <span class="goal-count">{items.length}</span>
            </h2>
            <ul class="goal-cards">
              {items.map((g) => (
                <GoalCard key={g.id} goal={g} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

/** Importance (rows) × enthusiasm (columns, meh → cool). On a phone the cells stack, each with its own label. */
function Matrix({ goals }: { goals: Goal[] }) {
  return (
    <div class="goal-matrix">
      <p class="goal-matrix-scale muted">Enthusiasm rises to the right: {ENTHUSIASM.map((e) => e.label).join(' → ')} ({ENTHUSIASM_SCALE.toLowerCase()}).</p>
      <div class="goal-matrix-corner" aria-hidden="true">
        Enthusiasm →
      </div>
      {ENTHUSIASM.map((e) => (
        <div key={e.value} class="goal-matrix-col" aria-hidden="true">
          {e.label}
        </div>
      ))}
      {IMPORTANCE.map((imp) => (
        <Fragment key={imp.value}>
          <div class="goal-matrix-row" aria-hidden="true">
            {imp.label}
          </div>
          {ENTHUSIASM.map((e) => {
            const items = goals.filter((g) => g.importance === imp.value && g.enthusiasm === e.value);
            const headingId = `goal-cell-${imp.value}-${e.value}`;
            return (
              <section
                key={`${imp.value}-${e.value}`}
                class={items.length ? 'goal-matrix-cell' : 'goal-matrix-cell goal-matrix-cell-empty'}
                aria-labelledby={headingId}
              >
                <h2 id={headingId} class="goal-matrix-cell-title">
                  {imp.label} · {e.label} <span class="goal-count">{items.length}</span>
                </h2>
                {items.length ? (
                  <ul class="goal-cards">
                    {items.map((g) => (
                      <GoalCard key={g.id} goal={g} showArea />
                    ))}
                  </ul>
                ) : (
                  <p class="goal-matrix-none">None</p>
                )}
              </section>
            );
          })}
        </Fragment>
      ))}
    </div>
  );
}

export default function GoalsPage() {
  const user = useUser();
  const [view, setView] = useState<View>(storedView);
  const [creating, setCreating] = useState(false);
  const [showClosed, setShowClosed] = useState(false);
  const [notice, setNotice] = useState<Goal | null>(null);
  const list = useRequest(listGoals);

  const choose = (next: View) => {
    setView(next);
    saveView(next);
  };

  const create = async (body: GoalCreate) => {
    const goal = await createGoal(body);
    setCreating(false);
    setNotice(goal);
    list.reload();
  };

  const goals = list.data?.items ?? [];
  const closed = goals.filter((g) => !isOpen(g));
  const shown = showClosed ? goals : goals.filter(isOpen);
  const required = goals.filter((g) => isOpen(g) && g.importance === 'required');

  return (
    <div class="page goals-page">
      <header class="page-header page-header-row">
        <div class="page-header-title">
          <h1 tabIndex={-1}>Goals</h1>
          <p class="muted">The long-running processes you grow by, made measurable with key results.</p>
        </div>
        {!creating && (
          <Button variant="primary" onClick={() => { setCreating(true); setNotice(null); }}>
            New goal
          </Button>
        )}
      </header>

      {creating && (
        <section class="card goal-new" aria-labelledby="goal-new-title">
          <h2 id="goal-new-title">New goal</h2>
          <GoalForm label="New goal" submitLabel="Create goal" busyLabel="Creating…" onSubmit={create} onCancel={() => setCreating(false)} />
        </section>
      )}
      {notice && (
        <Alert kind="success">
          Goal “{notice.title}” created. <a href={`/goals/${notice.id}`}>Add its key results</a>.
        </Alert>
      )}

      {list.status === 'error' && !list.data ? (
        <ErrorState title="Couldn't load your goals" error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading label="Loading goals…" minHeight="12rem" />
      ) : goals.length === 0 ? (
        <div class="empty goals-empty">
          <p>No goals yet. A goal is a process you keep at — open source, DSA, writing — with key results that show how far along it is.</p>
          {!user.onboarded && (
            <p>
              <a href="/welcome?next=%2Fgoals" class="btn btn-primary">
                Start from the starter plan
              </a>
            </p>
          )}
        </div>
      ) : (
        <>
          <div class="goals-toolbar">
            <div class="goals-view-switch" role="group" aria-label="Arrange goals">
              <button type="button" class="goals-view-btn" aria-pressed={view === 'area'} onClick={() => choose('area')}>
                By area
              </button>
              <button type="button" class="goals-view-btn" aria-pressed={view === 'matrix'} onClick={() => choose('matrix')}>
                Importance × enthusiasm
              </button>
            </div>
            <p class="goals-summary muted">
              {goals.length - closed.length} open · {required.length} required
              {list.data.total > goals.length && ` · showing the first ${goals.length} of ${list.data.total}`}
            </p>
          </div>
          {list.status === 'error' && <Alert>Couldn't refresh the list. Showing what was loaded before.</Alert>}
          {shown.length === 0 ? (
            <p class="empty">Every goal is done or dropped.</p>
          ) : view === 'area' ? (
            <ByArea goals={shown} />
          ) : (
            <Matrix goals={shown} />
          )}
          {closed.length > 0 && (
            <p class="goals-closed-toggle">
              <Button variant="ghost" aria-expanded={showClosed} onClick={() => setShowClosed(!showClosed)}>
                {showClosed ? 'Hide done and dropped' : `Show done and dropped (${closed.length})`}
              </Button>
            </p>
          )}
        </>
      )}
    </div>
  );
}
