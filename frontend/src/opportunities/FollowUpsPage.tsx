// What to follow up on (due today or overdue, then this week) and the week's events.
import { useUser } from '../auth/session';
import { addDays } from '../ui/dates';
import { formatDate, formatMoment } from '../ui/format';
import { ErrorState, Loading } from '../ui/Status';
import { useRequest } from '../ui/useRequest';
import { listEvents, listFollowUps, type FollowUp } from './api';
import { todayIn } from './board';
import { eventKindLabel } from './labels';
import { SubNav } from './SubNav';
import './opportunities.css';

function dueText(f: FollowUp): string {
  if (f.overdue_days > 0) return `${f.overdue_days} ${f.overdue_days === 1 ? 'day' : 'days'} overdue`;
  if (f.overdue_days === 0) return 'Due today';
  return `Due ${formatDate(f.due_on)}`;
}

function FollowUpList({ items, empty }: { items: FollowUp[]; empty: string }) {
  if (items.length === 0) return <p class="muted">{empty}</p>;
  return (
    <ul class="opp-list">
      {items.map((f) => (
        <li key={`${f.kind}-${f.id}-${f.reason}`}>
          <div>
            {f.kind === 'application' ? <a href={`/opportunities/${f.id}`}>{f.title}</a> : <strong>{f.title}</strong>}
            {f.kind === 'contact' && f.organization_name && <span class="muted"> · {f.organization_name}</span>}
            <p class="muted">{f.reason === 'no_news' ? 'Applied a week ago with no news: nudge them.' : f.kind === 'contact' ? 'Get back in touch.' : 'Follow-up date.'}</p>
          </div>
          <span class={f.overdue_days >= 0 ? 'opp-tag opp-tag-due' : 'opp-tag'}>{dueText(f)}</span>
        </li>
      ))}
    </ul>
  );
}

export default function FollowUpsPage() {
  const user = useUser();
  const today = todayIn(user.timezone);
  const followUps = useRequest(() => listFollowUps(7));
  const events = useRequest(() => listEvents(today, addDays(today, 7)));
  const due = (followUps.data ?? []).filter((f) => f.overdue_days >= 0);
  const week = (followUps.data ?? []).filter((f) => f.overdue_days < 0);

  return (
    <div class="page opp-page">
      <header class="page-header">
        <h1 tabIndex={-1}>Follow-ups and upcoming</h1>
        <p class="muted">Who to nudge, and what is coming up this week.</p>
      </header>
      <SubNav />
      {followUps.status === 'error' && !followUps.data ? (
        <ErrorState title="Couldn't load your follow-ups" error={followUps.error} onRetry={followUps.reload} />
      ) : !followUps.data ? (
        <Loading label="Loading follow-ups…" />
      ) : (
        <div class="opp-grid-2">
          <section class="card" aria-labelledby="opp-due">
            <h2 id="opp-due">Due now</h2>
            <FollowUpList items={due} empty="Nothing to follow up on today." />
          </section>
          <section class="card" aria-labelledby="opp-week">
            <h2 id="opp-week">This week</h2>
            <FollowUpList items={week} empty="Nothing else falls due this week." />
          </section>
        </div>
      )}
      <section class="card" aria-labelledby="opp-upcoming">
        <h2 id="opp-upcoming">Upcoming events</h2>
        {events.status === 'error' ? (
          <ErrorState error={events.error} onRetry={events.reload} />
        ) : !events.data ? (
          <Loading />
        ) : events.data.length === 0 ? (
          <p class="muted">No interviews or deadlines in the next 7 days.</p>
        ) : (
          <ul class="opp-list">
            {events.data.map((e) => (
              <li key={e.id}>
                <div>
                  <strong>{eventKindLabel(e.kind)}</strong>
                  {e.title && ` · ${e.title}`} — <a href={`/opportunities/${e.application.id}`}>{`${e.application.role} at ${e.application.organization.name}`}</a>
                </div>
                <span class="muted">{formatMoment(e.starts_at, user.timezone)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
