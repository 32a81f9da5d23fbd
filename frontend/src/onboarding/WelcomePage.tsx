// The first-run offer: take the seed's starter plan in one click, or start from scratch.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api } from '../api/client';
import { errorMessage, unwrap } from '../api/errors';
import { safeNext } from '../auth/next';
import { HOME_PATH } from '../paths';
import { useSession, useUser } from '../auth/session';
import { formatDate, formatPercent } from '../goals/format';
import { areaLabel, enthusiasmLabel, importanceLabel } from '../goals/labels';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { useRequest } from '../ui/useRequest';
import { useTitle } from '../ui/useTitle';
import { STARTER_ACTION_ITEMS, STARTER_GOALS, STARTER_SPRINT, daysRequired } from './plan';
import './onboarding.css';

/** Where "Start from scratch" goes: ?next= if it is a same-site path, else home. */
function nextPath(raw: string | undefined): string {
  return raw ? safeNext(raw) : HOME_PATH;
}

export default function WelcomePage() {
  useTitle('Welcome');
  const user = useUser();
  const { setUser } = useSession();
  const { query, route } = useLocation();
  const today = useRequest(() => unwrap(api.GET('/api/v1/today')));
  const [busy, setBusy] = useState<'take' | 'skip' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const finish = async (action: 'take' | 'skip') => {
    setBusy(action);
    setError(null);
    try {
      if (action === 'take') {
        await unwrap(api.POST('/api/v1/starter-plan'));
        setUser(await unwrap(api.GET('/api/v1/me')));
        // Straight to what was just made: the nine goals, grouped by area.
        route('/goals');
      } else {
        setUser(await unwrap(api.PATCH('/api/v1/me', { body: { onboarded: true } })));
        route(nextPath(query.next));
      }
    } catch (err) {
      setError(errorMessage(err));
      setBusy(null);
    }
  };

  const required = daysRequired(STARTER_SPRINT.target, STARTER_SPRINT.days);
  const name = user.display_name.trim();

  return (
    <div class="page welcome">
      <header class="page-header">
        <h1 tabIndex={-1}>{name ? `Welcome, ${name}` : 'Welcome to Kaizen'}</h1>
        <p class="muted welcome-lede">
          Kaizen grew from one person's plan to grow their career: nine processes, three daily action items and a
          fortnight at a time. Start from that plan, or from a blank page. Either way, everything can be changed or
          deleted later.
        </p>
      </header>

      {user.onboarded && (
        <Alert kind="info">You have already made this choice. Taking the plan now adds whatever of it you don't have yet.</Alert>
      )}

      <section class="card welcome-plan" aria-labelledby="welcome-plan-title">
        <h2 id="welcome-plan-title">The starter plan</h2>

        <h3 class="welcome-subtitle">Nine goals — the growth processes, with their labels</h3>
        <ol class="welcome-goals">
          {STARTER_GOALS.map((g) => (
            <li key={g.title} class="welcome-goal">
              <span class="welcome-goal-title">{g.title}</span>
              <span class="welcome-goal-tags">
                <span class="welcome-tag">{areaLabel(g.area)}</span>
                <span class={g.importance === 'required' ? 'welcome-tag welcome-tag-strong' : 'welcome-tag'}>{importanceLabel(g.importance)}</span>
                <span class="welcome-tag">{enthusiasmLabel(g.enthusiasm)}</span>
              </span>
            </li>
          ))}
        </ol>

        <div class="welcome-two">
          <div>
            <h3 class="welcome-subtitle">Three action items, every day</h3>
            <ul class="welcome-list">
              {STARTER_ACTION_ITEMS.map((a) => (
                <li key={a}>{a}</li>
              ))}
            </ul>
          </div>
          <div>
            <h3 class="welcome-subtitle">A first sprint</h3>
            <p class="welcome-sprint">
              <strong>{STARTER_SPRINT.title}</strong>: {STARTER_SPRINT.days} days starting today
              {today.data ? ` (${formatDate(today.data.date)})` : ''}, target {formatPercent(STARTER_SPRINT.target)} — {required} of{' '}
              {STARTER_SPRINT.days} days for each action item. The four required goals are part of it.
            </p>
          </div>
        </div>

        {error && <Alert>{error}</Alert>}
        <div class="form-actions welcome-actions">
          <Button variant="primary" busy={busy === 'take'} busyLabel="Setting up…" disabled={busy !== null} onClick={() => finish('take')}>
            Take the starter plan
          </Button>
          <Button busy={busy === 'skip'} busyLabel="One moment…" disabled={busy !== null} onClick={() => finish('skip')}>
            Start from scratch
          </Button>
        </div>
      </section>
    </div>
  );
}
