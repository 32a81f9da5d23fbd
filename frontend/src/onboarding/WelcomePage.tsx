// The first-run offer: take the starter plan in one click, or start from scratch. The plan shown
// is the server's own preview (GET /starter-plan), so it is exactly what taking it creates.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { safeNext } from '../auth/next';
import { HOME_PATH } from '../paths';
import { getMe, updateMe } from '../auth/api';
import { useSession, useUser } from '../auth/session';
import { formatDate, formatPercent } from '../ui/format';
import { AreaTag, EnthusiasmTag, ImportanceTag } from '../goals/GoalTags';
import { daysBetween } from '../ui/dates';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { Markdown } from '../ui/Markdown';
import { ErrorState, Loading } from '../ui/Status';
import { useAction } from '../ui/useAction';
import { useRequest } from '../ui/useRequest';
import { getStarterPlan, takeStarterPlan, type StarterPlan as Plan } from './api';
import './onboarding.css';

/** Where "Start from scratch" goes: ?next= if it is a same-site path, else home. */
function nextPath(raw: string | undefined): string {
  return raw ? safeNext(raw) : HOME_PATH;
}

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** 9 → "nine" (up to twelve; digits after that), capitalised on request. */
function count(n: number, capital = false): string {
  const word = WORDS[n] ?? String(n);
  return capital ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

function PlanDetails({ plan }: { plan: Plan }) {
  const { goals, action_items: items, sprint } = plan;
  const days = daysBetween(sprint.start_date, sprint.end_date) + 1;
  const required = goals.filter((g) => g.importance === 'required').length;
  return (
    <>
      <h3 class="welcome-subtitle">
        {count(goals.length, true)} goal{goals.length === 1 ? '' : 's'} — the growth processes, with their labels
      </h3>
      <ol class="welcome-goals">
        {goals.map((g) => (
          <li key={g.title} class="welcome-goal">
            <span class="welcome-goal-title">{g.title}</span>
            <span class="welcome-goal-tags">
              <AreaTag goal={g} />
              <ImportanceTag goal={g} />
              <EnthusiasmTag goal={g} />
            </span>
            {g.description && <Markdown source={g.description} class="welcome-goal-desc" />}
          </li>
        ))}
      </ol>

      <div class="welcome-two">
        <div>
          <h3 class="welcome-subtitle">
            {count(items.length, true)} action item{items.length === 1 ? '' : 's'}, every day
          </h3>
          <ul class="welcome-list">
            {items.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </div>
        <div>
          <h3 class="welcome-subtitle">A first sprint</h3>
          <p class="welcome-sprint">
            <strong>{sprint.title}</strong>: {days} days starting today ({formatDate(sprint.start_date)}), target {formatPercent(sprint.target_rate)} —{' '}
            {sprint.required_days} of {days} days for each action item.
            {required > 0 && ` The ${count(required)} required goal${required === 1 ? ' is' : 's are'} part of it.`}
          </p>
          {sprint.theme && <p class="welcome-theme muted">Theme: “{sprint.theme}”</p>}
        </div>
      </div>
    </>
  );
}

export default function WelcomePage() {
  const user = useUser();
  const { setUser } = useSession();
  const { query, route } = useLocation();
  const plan = useRequest(getStarterPlan);
  const [nothingNew, setNothingNew] = useState(false);

  const finish = useAction(async (action: 'take' | 'skip') => {
    setNothingNew(false);
    if (action === 'take') {
      const result = await takeStarterPlan();
      setUser(await getMe());
      if (!result.created) {
        // They had all of it already: say so rather than pretend something was made.
        setNothingNew(true);
        return;
      }
      // Straight to the day: Today lists the new action items, and its sprint line the pace.
      route(HOME_PATH);
    } else {
      setUser(await updateMe({ onboarded: true }));
      route(nextPath(query.next));
    }
  });
  const busy = finish.running;

  const name = user.display_name.trim();
  const taken = user.onboarded || plan.data?.taken === true;

  return (
    <div class="page welcome">
      <header class="page-header">
        <h1 tabIndex={-1}>{name ? `Welcome, ${name}` : 'Welcome to Kaizen'}</h1>
        <p class="muted welcome-lede">
          Kaizen grew from one person's plan to grow their career: a handful of growth processes, a few daily action items
          and a fortnight at a time. Start from that plan, or from a blank page. Either way, everything can be changed or
          deleted later.
        </p>
      </header>

      {taken && !nothingNew && (
        <Alert kind="info">You have already made this choice. Taking the plan again adds only what you don't have yet.</Alert>
      )}

      <section class="card welcome-plan" aria-labelledby="welcome-plan-title" aria-busy={plan.status === 'loading' || undefined}>
        <h2 id="welcome-plan-title">The starter plan</h2>

        {plan.data ? (
          <PlanDetails plan={plan.data} />
        ) : plan.status === 'error' ? (
          <ErrorState error={plan.error} onRetry={plan.reload} title="Couldn't load the starter plan" />
        ) : (
          <Loading label="Loading the starter plan…" minHeight="16rem" />
        )}

        {finish.error && <Alert>{finish.error}</Alert>}
        {nothingNew && (
          <Alert kind="info">
            You already have everything in the starter plan, so nothing new was added. <a href="/goals">See your goals</a>.
          </Alert>
        )}
        <div class="form-actions welcome-actions">
          <Button
            variant="primary"
            busy={busy === 'take'}
            busyLabel="Setting up…"
            disabled={busy !== null || !plan.data}
            onClick={() => void finish.run('take')}
          >
            Take the starter plan
          </Button>
          <Button busy={busy === 'skip'} busyLabel="One moment…" disabled={busy !== null} onClick={() => void finish.run('skip')}>
            Start from scratch
          </Button>
        </div>
        <p class="muted welcome-note">
          Goals and action items you already have (by title) are kept as they are, never duplicated.
        </p>
      </section>
    </div>
  );
}
