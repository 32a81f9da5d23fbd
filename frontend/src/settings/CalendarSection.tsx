// Settings → Calendar: the private ICS feed (create, copy, rotate, turn off) and the time of
// the daily check-in reminder it carries.
import { useState } from 'preact/hooks';
import { updateMe } from '../auth/api';
import { useSession, useUser } from '../auth/session';
import { feedStatus, rotateFeed, turnFeedOff } from '../opportunities/api';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { CopyButton } from '../ui/CopyButton';
import { TextField } from '../ui/Field';
import { useForm } from '../ui/form';
import { ErrorState, Loading } from '../ui/Status';
import { useAction } from '../ui/useAction';
import { useRequest } from '../ui/useRequest';
import './calendar.css';

export function CalendarSection() {
  const user = useUser();
  const { setUser } = useSession();
  const status = useRequest(feedStatus);
  const [url, setUrl] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const rotate = useAction(rotateFeed, {
    onDone: (created) => {
      setUrl(created.url);
      status.mutate(() => ({ active: true }));
    },
  });
  const off = useAction(turnFeedOff, {
    onDone: () => {
      setUrl(null);
      status.mutate(() => ({ active: false }));
    },
  });
  const current = (user.reminder_time ?? '').slice(0, 5);
  const form = useForm({
    initial: { reminder_time: current },
    validate: (v) => ({ reminder_time: v.reminder_time && !/^\d{2}:\d{2}$/.test(v.reminder_time) ? 'Enter a time like 21:00.' : undefined }),
    submit: async (v) => {
      setSaved(false);
      const updated = await updateMe({ reminder_time: v.reminder_time || null });
      setUser(updated);
      setSaved(true);
    },
  });
  const active = status.data?.active ?? false;

  return (
    <section class="card calendar-section" aria-labelledby="calendar-title">
      <h2 id="calendar-title">Calendar feed</h2>
      <p class="card-lede">
        Subscribe from your calendar app to see interviews, assessments and deadlines (with alerts), follow-ups, sprint starts and ends, and your daily check-in reminder. Anyone with the link can
        read it: keep it private, and rotate it if it leaks.
      </p>
      {status.status === 'error' && !status.data ? (
        <ErrorState error={status.error} onRetry={status.reload} />
      ) : !status.data ? (
        <Loading />
      ) : (
        <>
          {url ? (
            <div class="stack">
              <p class="calendar-feed-url" data-testid="feed-url">
                {url}
              </p>
              <p class="muted">This link is shown only now. Copy it into your calendar app (“subscribe to calendar” / “from URL”).</p>
            </div>
          ) : (
            <p class="muted">{active ? 'Your feed is on. Its link was shown when you created it; rotate to get a new one.' : 'Your feed is off.'}</p>
          )}
          <div class="form-actions">
            {url && <CopyButton text={url} label="Copy link" what="calendar feed link" />}
            {/* Rotating or turning off breaks the link a calendar app subscribed to: ask first. */}
            <Button variant={active ? 'secondary' : 'primary'} busy={rotate.busy} busyLabel="Creating…" onClick={() => (active ? rotate.ask(undefined) : void rotate.run(undefined))}>
              {active ? 'Rotate link' : 'Create feed link'}
            </Button>
            {active && (
              <Button variant="ghost" busy={off.busy} onClick={() => off.ask(undefined)}>
                Turn off
              </Button>
            )}
          </div>
          {(rotate.error || off.error) && !rotate.dialog.open && !off.dialog.open && <Alert>{rotate.error ?? off.error}</Alert>}
          <ConfirmDialog {...rotate.dialog} title="Rotate the feed link?" confirmLabel="Rotate link" busyLabel="Rotating…">
            <p>The current link stops working at once: calendars subscribed to it stop updating until you subscribe to the new one.</p>
          </ConfirmDialog>
          <ConfirmDialog {...off.dialog} title="Turn the calendar feed off?" confirmLabel="Turn off" busyLabel="Turning off…" danger>
            <p>The link stops working and calendars subscribed to it stop updating. You can create a new link later.</p>
          </ConfirmDialog>
        </>
      )}
      <form class="form" noValidate onSubmit={form.onSubmit} aria-label="Daily reminder">
        <TextField
          label="Daily check-in reminder"
          note="optional"
          type="time"
          hint={`A daily event at this time (${user.timezone}) in your feed. Leave empty for none.`}
          error={form.errors.reminder_time}
          {...form.bind('reminder_time')}
        />
        {form.formError && <Alert>{form.formError}</Alert>}
        {saved && <Alert kind="success">Reminder saved.</Alert>}
        <div class="form-actions">
          <Button type="submit" busy={form.busy} busyLabel="Saving…">
            Save reminder
          </Button>
        </div>
      </form>
    </section>
  );
}
