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
import { describeSchedule, describeTarget } from '../habits/labels';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { Markdown } from '../ui/Markdown';
import { ErrorState, Loading } from '../ui/Status';
import { useAction } from '../ui/useAction';
import { useRequest } from '../ui/useRequest';
import { getStarterPlan, takeStarterPlan, type ActionItemKey, type StarterPlan as Plan } from './api';
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

type Item = Plan['action_items'][number];

/** "Weekdays · at least 30 min · for DSA · first sprint: 8 of 10 days". */
function itemFacts(item: Item): string {
  const unit = item.schedule.type === 'times_per_week' ? 'times' : 'days';
  return [
    describeSchedule(item.schedule),
    describeTarget(item),
    item.goal && `for “${item.goal}”`,
    `first sprint: ${item.required} of ${item.out_of} ${unit}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

interface Choice {
  skipped: ReadonlySet<ActionItemKey>;
  onToggle: (key: ActionItemKey, on: boolean) => void;
}

function ItemChoices({ title, items, skipped, onToggle }: Choice & { title: string; items: Item[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <h4 class="welcome-group">{title}</h4>
      <ul class="check-list welcome-items">
        {items.map((item) => (
          <li key={item.key}>
            <label class="check-item welcome-item">
              <input
                type="checkbox"
                checked={!skipped.has(item.key)}
                onChange={(e) => onToggle(item.key, e.currentTarget.checked)}
                aria-labelledby={`welcome-item-${item.key}`}
                aria-describedby={`welcome-item-${item.key}-facts`}
              />
              <span class="welcome-item-text">
                <span class="welcome-item-name" id={`welcome-item-${item.key}`}>{item.name}</span>
                <span class="welcome-item-facts" id={`welcome-item-${item.key}-facts`}>
                  {itemFacts(item)}
                  {item.description && <span class="welcome-item-desc">{item.description}</span>}
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </>
  );
}

function PlanDetails({ plan, skipped, onToggle }: Choice & { plan: Plan }) {
  const { goals, action_items: items, sprint } = plan;
  const days = daysBetween(sprint.start_date, sprint.end_date) + 1;
  const required = goals.filter((g) => g.importance === 'required').length;
  const chosen = items.filter((i) => !skipped.has(i.key)).length;
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

      <fieldset class="fieldset welcome-choices">
        <legend>
          <h3 class="welcome-subtitle">
            {count(items.length, true)} action item{items.length === 1 ? '' : 's'} — untick any you don't want
          </h3>
        </legend>
        <ItemChoices title="Personal, every day" items={items.filter((i) => !i.goal)} skipped={skipped} onToggle={onToggle} />
        <ItemChoices title="One small step for each required goal" items={items.filter((i) => i.goal)} skipped={skipped} onToggle={onToggle} />
      </fieldset>

      <h3 class="welcome-subtitle">A first sprint</h3>
      <p class="welcome-sprint">
        <strong>{sprint.title}</strong>: {days} days starting today ({formatDate(sprint.start_date)}), target {formatPercent(sprint.target_rate)} —{' '}
        {sprint.required_days} of {days} days for a daily item (each item above says what it asks).{' '}
        {chosen === 0
          ? 'No action items chosen: it starts empty, and you can add items to it later.'
          : `The ${count(chosen)} chosen action item${chosen === 1 ? ' is' : 's are'} in it`}
        {chosen > 0 && (required > 0 ? `, with the ${count(required)} required goal${required === 1 ? '' : 's'}.` : '.')}
      </p>
      {sprint.theme && <p class="welcome-theme muted">Theme: “{sprint.theme}”</p>}
    </>
  );
}

export default function WelcomePage() {
  const user = useUser();
  const { setUser } = useSession();
  const { query, route } = useLocation();
  const plan = useRequest(getStarterPlan);
  const [nothingNew, setNothingNew] = useState(false);
  const [skipped, setSkipped] = useState<ReadonlySet<ActionItemKey>>(new Set());
  const toggle = (key: ActionItemKey, on: boolean) =>
    setSkipped((prev) => {
      const next = new Set(prev);
      if (on) next.delete(key);
      else next.add(key);
      return next;
    });

  const finish = useAction(async (action: 'take' | 'skip') => {
    setNothingNew(false);
    if (action === 'take') {
      const result = await takeStarterPlan([...skipped]);
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
          <PlanDetails plan={plan.data} skipped={skipped} onToggle={toggle} />
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
