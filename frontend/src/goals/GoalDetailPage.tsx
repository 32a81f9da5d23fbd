import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ApiError, errorMessage } from '../api/errors';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Markdown } from '../ui/Markdown';
import { ErrorState, Loading } from '../ui/Status';
import { useIdParam } from '../ui/routeId';
import { useAction } from '../ui/useAction';
import { useRequest } from '../ui/useRequest';
import { useTitle } from '../ui/useTitle';
import { formatDate, formatPercent } from '../ui/format';
import { deleteGoal, getGoal, updateGoal, type GoalCreate, type GoalDetail } from './api';
import { GoalForm } from './GoalForm';
import { KeyResults } from './KeyResults';
import { AreaTag, EnthusiasmTag, ImportanceTag, StatusTag } from './GoalTags';
import { ProgressBar } from './Progress';
import { describeStreak } from '../habits/labels';
import { entryStatusLabel, kindLabel as entryKindLabel } from '../portfolio/labels';
import { interestLabel, kindLabel, stageLabel, typeLabel } from '../opportunities/labels';
import type { Interest, Kind, OrgType, Stage } from '../opportunities/api';
import { safeHref } from '../ui/links';
import { changedFields } from '../ui/changes';
import './goals.css';

const SPRINT_STATUS: Record<string, string> = { planned: 'Planned', active: 'Active', finished: 'Finished' };

function GoalNotFound() {
  useTitle('Goal not found');
  return (
    <section class="page page-narrow">
      <h1 tabIndex={-1}>Goal not found</h1>
      <p class="muted">There is no goal here — it may have been deleted, or the link is wrong.</p>
      <p>
        <a href="/goals" class="btn btn-primary">
          See your goals
        </a>
      </p>
    </section>
  );
}

function Linked({ goal }: { goal: GoalDetail }) {
  return (
    <>
      <section class="card" aria-labelledby="goal-habits-title">
        <h2 id="goal-habits-title">Action items</h2>
        <p class="muted card-lede">Daily action items that serve this goal, over the last 14 days.</p>
        {goal.habits.length === 0 ? (
          <p class="empty">No action items are linked to this goal yet.</p>
        ) : (
          <ul class="goal-linked-list" aria-label="Linked action items">
            {goal.habits.map((h) => (
              <li key={h.id} class="goal-linked-item">
                <span class="goal-linked-name">
                  <a href={`/habits/${h.id}`}>{h.name}</a>
                  {h.archived && <span class="tag">Archived</span>}
                </span>
                <dl class="goal-linked-stats">
                  <div>
                    <dt>14-day rate</dt>
                    <dd>{h.rate_14d === null ? '—' : formatPercent(h.rate_14d)}</dd>
                  </div>
                  <div>
                    <dt>Streak</dt>
                    <dd>{describeStreak(h.current_streak, h.streak_unit)}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="card" aria-labelledby="goal-sprints-title">
        <h2 id="goal-sprints-title">Sprints</h2>
        {goal.sprints.length === 0 ? (
          <p class="empty">This goal is not part of a sprint yet.</p>
        ) : (
          <ul class="goal-linked-list" aria-label="Linked sprints">
            {goal.sprints.map((s) => (
              <li key={s.id} class="goal-linked-item">
                <a href={`/sprints/${s.id}`} class="goal-linked-name">
                  {s.title}
                </a>
                <span class="goal-linked-meta">
                  {formatDate(s.start_date)} – {formatDate(s.end_date)} · {SPRINT_STATUS[s.status] ?? s.status}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="card" aria-labelledby="goal-entries-title">
        <h2 id="goal-entries-title">Portfolio</h2>
        {goal.portfolio_entries.length === 0 ? (
          <p class="empty">
            Nothing in your <a href="/portfolio">portfolio</a> comes from this goal yet.
          </p>
        ) : (
          <ul class="goal-linked-list" aria-label="Linked portfolio entries">
            {goal.portfolio_entries.map((e) => (
              <li key={e.id} class="goal-linked-item">
                {safeHref(e.url) ? (
                  <a href={safeHref(e.url) ?? undefined} class="goal-linked-name" rel="noopener noreferrer" target="_blank">
                    {e.title}
                  </a>
                ) : (
                  <span class="goal-linked-name">{e.title}</span>
                )}
                <span class="goal-linked-meta">
                  {entryKindLabel(e.kind)} · {entryStatusLabel(e.status)}
                  {e.published_on && ` · ${formatDate(e.published_on)}`}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p class="goal-linked-more">
          <a href="/portfolio">Open the portfolio</a>
        </p>
      </section>

      <section class="card" aria-labelledby="goal-opps-title">
        <h2 id="goal-opps-title">Opportunities</h2>
        <p class="muted card-lede">The organizations and applications that demand this goal: what getting ready opens up.</p>
        {goal.organizations.length === 0 && goal.applications.length === 0 ? (
          <p class="empty">
            No organization or application demands this goal yet. Link it from an <a href="/opportunities/organizations">organization</a> (Edit → Goals it demands).
          </p>
        ) : (
          <>
            {goal.organizations.length > 0 && <h3 class="goal-linked-subtitle">Organizations</h3>}
            {goal.organizations.length > 0 && (
              <ul class="goal-linked-list" aria-label="Organizations demanding this goal">
                {goal.organizations.map((o) => (
                  <li key={o.id} class="goal-linked-item">
                    <a href={`/opportunities/organizations/${o.id}`} class="goal-linked-name">
                      {o.name}
                    </a>
                    <span class="goal-linked-meta">
                      {typeLabel(o.type as OrgType)}
                      {o.interest && ` · ${interestLabel(o.interest as Interest)}`}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {goal.applications.length > 0 && <h3 class="goal-linked-subtitle">Applications</h3>}
            {goal.applications.length > 0 && (
              <ul class="goal-linked-list" aria-label="Applications demanding this goal">
                {goal.applications.map((a) => (
                  <li key={a.id} class="goal-linked-item">
                    <a href={`/opportunities/${a.id}`} class="goal-linked-name">
                      {a.role} at {a.organization.name}
                    </a>
                    <span class="goal-linked-meta">
                      {kindLabel(a.kind as Kind)} · {stageLabel(a.stage as Stage)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>
    </>
  );
}

export default function GoalDetailPage() {
  const { route } = useLocation();
  const id = useIdParam();
  const goal = useRequest(
    () =>
      id === null
        ? Promise.reject(new ApiError(404, 'Not found.'))
        : getGoal(id),
    [id],
  );
  const [editing, setEditing] = useState(false);
  const del = useAction((goalId: number) => deleteGoal(goalId), { onDone: () => route('/goals') });
  useTitle(goal.data?.title);

  if (goal.status === 'error' && goal.error instanceof ApiError && goal.error.status === 404) return <GoalNotFound />;
  if (goal.status === 'error' && !goal.data) {
    return (
      <div class="page">
        <h1 tabIndex={-1} class="visually-hidden">
          Goal
        </h1>
        <ErrorState title="Couldn't load this goal" error={goal.error} onRetry={goal.reload} />
      </div>
    );
  }
  if (!goal.data || id === null) return <Loading label="Loading goal…" minHeight="50vh" />;
  const g = goal.data;

  const save = async (body: GoalCreate) => {
    // Only what changed, so another tab's edits to other fields survive.
    const changes = changedFields(body, g);
    if (Object.keys(changes).length > 0) await updateGoal(id, changes, g);
    setEditing(false);
    goal.reload();
  };

  return (
    <div class="page goal-detail">
      <p class="goal-back">
        <a href="/goals">← Goals</a>
      </p>
      <header class="page-header goal-detail-header">
        <h1 tabIndex={-1}>{g.title}</h1>
        <p class="goal-tags">
          <AreaTag goal={g} />
          <ImportanceTag goal={g} />
          <EnthusiasmTag goal={g} />
          <StatusTag goal={g} />
          {g.target_date && <span class="goal-target">Target {formatDate(g.target_date)}</span>}
        </p>
      </header>
      {goal.status === 'error' && <Alert>{errorMessage(goal.error)} Showing what was loaded before.</Alert>}

      <div class="stack">
        <section class="card goal-summary" aria-labelledby="goal-progress-title">
          <div class="goal-summary-progress">
            <h2 id="goal-progress-title" class="goal-summary-label">
              Progress
            </h2>
            {g.key_result_count > 0 ? (
              <>
                <ProgressBar value={g.progress} label="Goal progress" size="lg" />
                <p class="muted goal-summary-note">
                  Mean of {g.key_result_count} key result{g.key_result_count === 1 ? '' : 's'}
                </p>
              </>
            ) : (
              <p class="muted goal-summary-note">Add a key result to measure progress.</p>
            )}
          </div>
          {editing ? (
            <GoalForm
              goal={g}
              label="Edit goal"
              submitLabel="Save goal"
              busyLabel="Saving…"
              onSubmit={save}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <>
              <Markdown source={g.description} class="goal-description" empty="No description." />
              <div class="form-actions">
                <Button onClick={() => setEditing(true)}>Edit goal</Button>
                <Button variant="danger" onClick={() => del.ask(g.id)}>
                  Delete goal
                </Button>
              </div>
            </>
          )}
        </section>

        <KeyResults goalId={g.id} items={g.key_results} onChanged={goal.reload} />
        <Linked goal={g} />
      </div>

      <ConfirmDialog
        {...del.dialog}
        title={`Delete “${g.title}”?`}
        confirmLabel="Delete goal"
        busyLabel="Deleting…"
        danger
      >
        <p>Its key results are deleted too. Linked action items, sprints, portfolio entries, organizations and applications stay, unlinked.</p>
      </ConfirmDialog>
    </div>
  );
}
