// The landing page after sign-in: the day across every domain, each section a card linking to
// its page. Check-ins work in place through the same hook and rows as Today (a refresh after a
// check-in reloads /home, so the sprint's numbers follow). Offline, the last /home is shown from
// IndexedDB and check-ins are queued like on Today.
import type { ComponentChildren } from 'preact';
import { CheckInList, CheckInNotice, useCheckInRows } from '../habits/CheckInList';
import { useToday, type DaySource } from '../habits/useToday';
import { OfflineStatus } from '../offline/OfflineStatus';
import { ProgressLine } from '../reading/ProgressLine';
import { ErrorState, Loading } from '../ui/Status';
import { longDay, shortDay } from '../ui/dates';
import { formatMoment, formatPercent } from '../ui/format';
import { getHome, type HomeRead } from './api';
import '../habits/habits.css';
import '../reading/reading.css';
import './home.css';

function Card({ id, title, href, linkText, children }: { id: string; title: string; href: string; linkText: string; children: ComponentChildren }) {
  return (
    <section class="card home-card" aria-labelledby={`home-${id}`} data-section={id}>
      <header class="home-card-head">
        <h2 id={`home-${id}`}>{title}</h2>
        <a href={href} class="home-card-link">
          {linkText}
        </a>
      </header>
      {children}
    </section>
  );
}

function Empty({ children }: { children: ComponentChildren }) {
  return <p class="muted home-empty">{children}</p>;
}

function SprintCard({ home, waiting }: { home: HomeRead; waiting: number }) {
  const sprint = home.sprint;
  if (!sprint) {
    return (
      <Card id="sprint" title="Sprint" href="/sprints/new" linkText="Plan a sprint">
        <Empty>No sprint is running. A sprint is a fortnight with a target ("80% of days") for a few action items — plan one to see your score here.</Empty>
      </Card>
    );
  }
  const { board } = sprint;
  return (
    <Card id="sprint" title={sprint.title} href={`/sprints/${sprint.id}`} linkText="Scoreboard">
      <p class="home-sprint-score">
        <strong>{formatPercent(board.score)}</strong> <span class="muted">of {formatPercent(board.target_rate)} target</span>
      </p>
      <p class="muted">
        {sprint.days_needed > 0 ? `${sprint.days_needed} check-in ${sprint.days_needed === 1 ? 'day' : 'days'} still needed` : 'Every item has its days'} ·{' '}
        {board.days_left} {board.days_left === 1 ? 'day' : 'days'} left ·{' '}
        {sprint.reachable ? (
          <span class="home-ok">target still reachable</span>
        ) : (
          <span class="home-warn">
            target out of reach for {board.habits.filter((h) => !h.feasible).length} of {board.habits.length}{' '}
            {board.habits.length === 1 ? 'item' : 'items'}
          </span>
        )}
      </p>
      {waiting > 0 && (
        <p class="muted home-note">
          As the server last saw it: {waiting} waiting {waiting === 1 ? 'change counts' : 'changes count'} once synced.
        </p>
      )}
      {board.habits.length > 0 && (
        <ul class="home-list">
          {board.habits.map((item) => (
            <li key={item.habit_id}>
              <span>{item.name}</span>{' '}
              <span class={item.feasible ? 'muted' : 'home-warn'}>
                {item.done}/{item.required} {item.streak_unit === 'weeks' ? 'times' : 'days'}{item.still_needed > 0 ? `, ${item.still_needed} more needed` : ', done'}
                {item.feasible ? '' : ` (only ${item.eligible_left} left)`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

const HOME_SOURCE: DaySource<HomeRead> = {
  key: 'home',
  fetch: getHome,
  day: (home) => ({ date: home.date, timezone: home.timezone, habits: home.habits }),
};

export default function HomePage() {
  const today = useToday(HOME_SOURCE);
  const { payload: home, data, notice } = today;
  const rows = useCheckInRows(today);

  if (today.load.status === 'loading' && !home) return <Loading label="Loading your day…" minHeight="40vh" />;
  if (today.load.status === 'error' && !home) return <ErrorState error={today.load.error} onRetry={today.reload} />;
  if (!home || !data) return null;
  const habits = data.habits;
  const doneCount = habits.filter((h) => h.today?.status === 'done').length;

  return (
    <section class="page home">
      <header class="page-header today-header">
        <div>
          <h1 tabIndex={-1}>Home</h1>
          <p class="muted">{longDay(home.date, false)}</p>
        </div>
        <a href="/reviews/weekly" class="btn btn-ghost">
          Weekly review
        </a>
      </header>

      <OfflineStatus state={today.connection} />

      <CheckInNotice notice={notice} dismiss={today.dismiss} />

      <div class="home-grid">
        <Card id="today" title={habits.length ? `Today · ${doneCount} of ${habits.length} done` : 'Today'} href="/today" linkText="Open Today">
          {habits.length === 0 ? (
            <Empty>
              Start with one small thing you can do every day — "Read 20 pages", "Gym". <a href="/habits">Add an action item</a>, then check it off here with one tap.
            </Empty>
          ) : (
            <CheckInList today={today} rows={rows} class="home-today" />
          )}
        </Card>

        <SprintCard home={home} waiting={today.connection.waiting} />

        <Card id="reading" title="Reading" href="/reading" linkText="Queue">
          {home.reading.length === 0 ? (
            <Empty>
              Your queue is empty. <a href="/reading">Add a paper or a book</a> — paste an arXiv link or a DOI and Kaizen fills in the rest.
            </Empty>
          ) : (
            <ul class="home-list">
              {home.reading.map((item) => (
                <li key={item.id}>
                  <a href={`/reading/${item.id}`}>{item.title}</a>
                  {item.status === 'reading' ? <ProgressLine item={item} /> : <span class="muted"> · queued</span>}
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card id="events" title="Next 7 days" href="/opportunities" linkText="Applications">
          {home.events.length === 0 ? (
            <Empty>Nothing on the calendar. Interviews and deadlines you add to an application show up here.</Empty>
          ) : (
            <ul class="home-list">
              {home.events.map((event) => (
                <li key={event.id}>
                  <a href={`/opportunities/${event.application.id}`}>
                    {event.title || event.kind} · {event.application.role} at {event.application.organization.name}
                  </a>{' '}
                  <span class="muted">{formatMoment(event.starts_at, home.timezone)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card id="follow-ups" title="Follow-ups due" href="/opportunities/follow-ups" linkText="All follow-ups">
          {home.follow_ups.length === 0 ? (
            <Empty>No follow-ups due. Set a follow-up date on an application or a contact and it comes back here on the day.</Empty>
          ) : (
            <ul class="home-list">
              {home.follow_ups.map((f) => (
                <li key={`${f.kind}-${f.id}`}>
                  <a href={f.kind === 'application' ? `/opportunities/${f.id}` : '/opportunities/follow-ups'}>{f.title}</a>{' '}
                  <span class={f.overdue_days > 0 ? 'home-warn' : 'muted'}>
                    {f.overdue_days > 0 ? `${f.overdue_days} ${f.overdue_days === 1 ? 'day' : 'days'} overdue` : 'due today'}
                    {f.reason === 'no_news' ? ' · no news for a week' : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card id="idle-goals" title="Goals left alone" href="/goals" linkText="Goals">
          {home.active_goals === 0 ? (
            <Empty>
              No goals yet. Goals are the long-running processes — DSA, research outreach, open source:{' '}
              <a href="/goals">set them up on the Goals page</a> and link your action items, reading and applications to them.
            </Empty>
          ) : home.idle_goals.length === 0 ? (
            <Empty>
              {/* A goal made inside the 14 days has not been left alone yet, with or without work. */}
              {home.active_goals === 1 ? 'Your active goal has not' : `None of your ${home.active_goals} active goals has`} gone 14 days
              without work linked to it (check-ins, reading, applications or published work).
            </Empty>
          ) : (
            <>
              <p class="muted home-note">Nothing linked to these moved in the last 14 days.</p>
              <ul class="home-list">
                {home.idle_goals.map((g) => (
                  <li key={g.id}>
                    <a href={`/goals/${g.id}`}>{g.title}</a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>

        <Card id="published" title="Published this month" href="/portfolio" linkText="Portfolio">
          {home.published.length === 0 ? (
            <Empty>Nothing published yet this month. A blog post on a paper you read counts — <a href="/portfolio">start one</a>.</Empty>
          ) : (
            <ul class="home-list">
              {home.published.map((entry) => (
                <li key={entry.id}>
                  {entry.url ? <a href={entry.url}>{entry.title}</a> : <span>{entry.title}</span>}{' '}
                  <span class="muted">{entry.published_on ? shortDay(entry.published_on) : ''}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </section>
  );
}
