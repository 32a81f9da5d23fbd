// One application: its stage (stepper + "Move to"), the history timeline, events, contacts,
// details and notes, and the goals it demands with their progress.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useUser } from '../auth/session';
import { GoalPicker } from '../goals/GoalPicker';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Field, SelectField, TextField } from '../ui/Field';
import { useForm } from '../ui/form';
import { formatDate, formatMoment } from '../ui/format';
import { withIdParam } from '../ui/routeId';
import { ErrorState, Loading } from '../ui/Status';
import { useAction } from '../ui/useAction';
import { useRequest } from '../ui/useRequest';
import { useTitle } from '../ui/useTitle';
import {
  createContact,
  createEvent,
  deleteApplication,
  deleteEvent,
  getApplication,
  getHistory,
  listApplicationEvents,
  listContacts,
  updateApplication,
  type ApplicationDetail,
  type Stage,
} from './api';
import { EVENT_KINDS, MAIN_PATH, STAGES, eventKindLabel, kindLabel, stageLabel, typeLabel } from './labels';
import { Readiness } from './Readiness';
import { SubNav } from './SubNav';
import './opportunities.css';

export function Stepper({ stage, reached }: { stage: Stage; reached: Stage[] }) {
  const offPath = !MAIN_PATH.includes(stage) && stage !== 'wishlist';
  return (
    <ol class="opp-stepper" aria-label="Stages">
      {MAIN_PATH.map((s) => {
        const cls = s === stage ? 'opp-step opp-step-current' : reached.includes(s) ? 'opp-step opp-step-done' : 'opp-step';
        return (
          <li key={s} class={cls} aria-current={s === stage ? 'step' : undefined}>
            {stageLabel(s)}
          </li>
        );
      })}
      {offPath && (
        <li class="opp-step opp-step-off" aria-current="step">
          {stageLabel(stage)}
        </li>
      )}
    </ol>
  );
}

export type EventValues = { kind: string; title: string; starts_at: string; duration_minutes: string; location: string };

export function validateEvent(v: EventValues) {
  const minutes = Number(v.duration_minutes);
  return {
    starts_at: !v.starts_at ? 'Choose a date and time.' : undefined,
    duration_minutes: v.duration_minutes && (!Number.isInteger(minutes) || minutes < 1 || minutes > 10080) ? 'Use whole minutes, 1 to 10,080.' : undefined,
    title: v.title.length > 200 ? 'Use at most 200 characters.' : undefined,
  };
}

function EventForm({ applicationId, onDone }: { applicationId: number; onDone: () => void }) {
  const form = useForm<EventValues>({
    initial: { kind: 'interview', title: '', starts_at: '', duration_minutes: '60', location: '' },
    validate: validateEvent,
    submit: async (v) => {
      // A time without an offset: the server reads it in your timezone.
      await createEvent(applicationId, {
        kind: v.kind as 'interview',
        title: v.title.trim(),
        starts_at: v.starts_at,
        duration_minutes: v.duration_minutes ? Number(v.duration_minutes) : null,
        location: v.location.trim(),
      });
      form.reset();
      onDone();
    },
  });
  return (
    <form class="form" noValidate onSubmit={form.onSubmit} aria-label="Log an event">
      <div class="opp-form-grid">
        <SelectField label="Kind" options={EVENT_KINDS} {...form.bind('kind')} />
        <TextField label="When" type="datetime-local" hint="In your timezone." error={form.errors.starts_at} {...form.bind('starts_at')} />
        <TextField label="Minutes" type="number" inputMode="numeric" min={1} max={10080} note="optional" error={form.errors.duration_minutes} {...form.bind('duration_minutes')} />
        <TextField label="Title" note="optional" maxLength={200} placeholder="e.g. Technical round" error={form.errors.title} {...form.bind('title')} />
        <TextField label="Place or link" note="optional" maxLength={2000} {...form.bind('location')} />
      </div>
      {form.formError && <Alert>{form.formError}</Alert>}
      <div class="form-actions">
        <Button type="submit" variant="primary" busy={form.busy} busyLabel="Saving…">
          Log event
        </Button>
      </div>
    </form>
  );
}

function ContactForm({ app, onDone }: { app: ApplicationDetail; onDone: () => void }) {
  const form = useForm({
    initial: { name: '', role: '', email: '' },
    validate: (v) => ({ name: !v.name.trim() ? 'Give a name.' : v.name.length > 200 ? 'Use at most 200 characters.' : undefined }),
    submit: async (v) => {
      await createContact({
        name: v.name.trim(),
        role: v.role.trim(),
        email: v.email.trim() || null,
        organization_id: app.organization_id,
        application_ids: [app.id],
      });
      form.reset();
      onDone();
    },
  });
  return (
    <form class="form" noValidate onSubmit={form.onSubmit} aria-label="Add a contact">
      <div class="opp-form-grid">
        <TextField label="Name" maxLength={200} error={form.errors.name} {...form.bind('name')} />
        <TextField label="Role" note="optional" maxLength={200} placeholder="e.g. Recruiter" {...form.bind('role')} />
        <TextField label="Email" note="optional" type="email" maxLength={320} error={form.errors.email} {...form.bind('email')} />
      </div>
      {form.formError && <Alert>{form.formError}</Alert>}
      <div class="form-actions">
        <Button type="submit" busy={form.busy} busyLabel="Adding…">
          Add contact
        </Button>
      </div>
    </form>
  );
}

export type DetailValues = { notes: string; follow_up_on: string; applied_on: string; source: string; url: string; goal_ids: number[] };

/**
 * The form re-mounts (fresh values) whenever the application changes on the server, saving
 * included, so whether it was just saved is the parent's to keep: `saved`, `onSaving`, `onSaved`.
 */
function DetailsForm({ app, saved, onSaving, onSaved }: { app: ApplicationDetail; saved: boolean; onSaving: () => void; onSaved: () => void }) {
  const form = useForm<DetailValues>({
    initial: { notes: app.notes, follow_up_on: app.follow_up_on ?? '', applied_on: app.applied_on ?? '', source: app.source, url: app.url ?? '', goal_ids: app.goal_ids },
    validate: (v) => ({
      notes: v.notes.length > 20000 ? 'Use at most 20,000 characters.' : undefined,
      url: v.url && !/^https?:\/\/\S+$/.test(v.url.trim()) ? 'Enter a link starting with https://' : undefined,
    }),
    submit: async (v) => {
      onSaving();
      await updateApplication(app.id, {
        notes: v.notes,
        follow_up_on: v.follow_up_on || null,
        applied_on: v.applied_on || null,
        source: v.source.trim(),
        url: v.url.trim() || null,
        goal_ids: v.goal_ids,
      });
      onSaved();
    },
  });
  return (
    <form class="form" noValidate onSubmit={form.onSubmit} aria-label="Details and notes">
      <div class="opp-form-grid">
        <TextField label="Follow up on" note="optional" type="date" {...form.bind('follow_up_on')} />
        <TextField label="Applied on" note="optional" type="date" {...form.bind('applied_on')} />
        <TextField label="Source" note="optional" maxLength={200} placeholder="e.g. referral" {...form.bind('source')} />
        <TextField label="Link" note="optional" type="url" maxLength={2000} error={form.errors.url} {...form.bind('url')} />
      </div>
      <Field label="Notes" note="optional" error={form.errors.notes}>
        {(control) => <textarea class="input goal-textarea" rows={5} {...control} {...form.bind('notes')} />}
      </Field>
      <GoalPicker multiple label="Goals it demands" value={form.values.goal_ids} onChange={(ids) => form.set('goal_ids', ids)} emptyText="No goals yet — add some on the Goals page." />
      {form.formError && <Alert>{form.formError}</Alert>}
      {saved && <Alert kind="success">Saved.</Alert>}
      <div class="form-actions">
        <Button type="submit" variant="primary" busy={form.busy} busyLabel="Saving…">
          Save details
        </Button>
      </div>
    </form>
  );
}

export function ApplicationView({ id }: { id: number }) {
  const user = useUser();
  const { route } = useLocation();
  const app = useRequest(() => getApplication(id));
  const history = useRequest(() => getHistory(id));
  const events = useRequest(() => listApplicationEvents(id));
  const contacts = useRequest(() => listContacts({ application_id: id }));
  const [addingEvent, setAddingEvent] = useState(false);
  const [addingContact, setAddingContact] = useState(false);
  const [detailsSaved, setDetailsSaved] = useState(false);
  useTitle(app.data ? `${app.data.role} at ${app.data.organization.name}` : null);

  const move = useAction(async (stage: Stage) => {
    await updateApplication(id, { stage });
    app.reload();
    history.reload();
  });
  const remove = useAction(() => deleteApplication(id), { stayBusy: true, onDone: () => route('/opportunities') });
  const removeEvent = useAction(async (eventId: number) => {
    await deleteEvent(id, eventId);
    events.reload();
  });

  if (app.status === 'error' && !app.data) return <ErrorState title="Couldn't load this application" error={app.error} onRetry={app.reload} />;
  if (!app.data) return <Loading label="Loading application…" minHeight="12rem" />;
  const a = app.data;
  const reached = (history.data ?? []).map((h) => h.to_stage);

  return (
    <div class="page opp-page">
      <header class="page-header page-header-row opp-header">
        <div class="page-header-title">
          <p class="muted">
            <a href={`/opportunities/organizations/${a.organization_id}`}>{a.organization.name}</a> · {typeLabel(a.organization.type)} · {kindLabel(a.kind)}
          </p>
          <h1 tabIndex={-1}>{a.role}</h1>
        </div>
        <Button variant="danger" onClick={() => remove.ask(undefined)}>
          Delete
        </Button>
      </header>
      <SubNav />
      <section class="card" aria-labelledby="opp-stage-title">
        <h2 id="opp-stage-title">Stage</h2>
        <Stepper stage={a.stage} reached={reached} />
        <SelectField label="Move to" options={STAGES} value={a.stage} disabled={move.busy} onChange={(e) => void move.run(e.currentTarget.value as Stage)} />
        {move.error && <Alert>{move.error}</Alert>}
        <h3 class="opp-history-title">History</h3>
        {history.status === 'error' ? (
          <ErrorState error={history.error} onRetry={history.reload} />
        ) : !history.data ? (
          <Loading />
        ) : (
          <ol class="opp-timeline">
            {history.data.map((h, i) => (
              <li key={i}>
                <strong>{h.from_stage ? `${stageLabel(h.from_stage)} → ${stageLabel(h.to_stage)}` : `Added as ${stageLabel(h.to_stage)}`}</strong>{' '}
                <span class="muted">{formatMoment(h.at, user.timezone)}</span>
                {h.note && <p class="muted">{h.note}</p>}
              </li>
            ))}
          </ol>
        )}
      </section>
      <div class="opp-grid-2">
        <section class="card" aria-labelledby="opp-events-title">
          <h2 id="opp-events-title">Events</h2>
          {events.status === 'error' ? (
            <ErrorState error={events.error} onRetry={events.reload} />
          ) : !events.data ? (
            <Loading />
          ) : events.data.length === 0 ? (
            <p class="muted">No interviews, assessments or calls yet.</p>
          ) : (
            <ul class="opp-list">
              {events.data.map((e) => (
                <li key={e.id}>
                  <div>
                    <strong>{eventKindLabel(e.kind)}</strong>
                    {e.title && ` · ${e.title}`}
                    <br />
                    <span class="muted">
                      {formatMoment(e.starts_at, user.timezone)}
                      {e.duration_minutes ? ` · ${e.duration_minutes} min` : ''}
                      {e.location && ` · ${e.location}`}
                    </span>
                  </div>
                  <Button variant="ghost" aria-label={`Delete ${eventKindLabel(e.kind)} ${formatMoment(e.starts_at, user.timezone)}`} busy={removeEvent.running === e.id} onClick={() => void removeEvent.run(e.id)}>
                    Delete
                  </Button>
                </li>
              ))}
            </ul>
          )}
          {removeEvent.error && <Alert>{removeEvent.error}</Alert>}
          {addingEvent ? (
            <EventForm applicationId={id} onDone={() => { setAddingEvent(false); events.reload(); app.reload(); }} />
          ) : (
            <p>
              <Button onClick={() => setAddingEvent(true)}>Log an interview or event</Button>
            </p>
          )}
        </section>
        <section class="card" aria-labelledby="opp-contacts-title">
          <h2 id="opp-contacts-title">Contacts</h2>
          {contacts.status === 'error' ? (
            <ErrorState error={contacts.error} onRetry={contacts.reload} />
          ) : !contacts.data ? (
            <Loading />
          ) : contacts.data.length === 0 ? (
            <p class="muted">No contacts yet.</p>
          ) : (
            <ul class="opp-list">
              {contacts.data.map((c) => (
                <li key={c.id}>
                  <div>
                    <strong>{c.name}</strong>
                    {c.role && ` · ${c.role}`}
                    {c.email && (
                      <>
                        <br />
                        <a href={`mailto:${c.email}`}>{c.email}</a>
                      </>
                    )}
                    {c.follow_up_on && <p class="muted">Follow up {formatDate(c.follow_up_on)}</p>}
                  </div>
                </li>
              ))}
            </ul>
          )}
          {addingContact ? (
            <ContactForm app={a} onDone={() => { setAddingContact(false); contacts.reload(); }} />
          ) : (
            <p>
              <Button onClick={() => setAddingContact(true)}>Add a contact</Button>
            </p>
          )}
        </section>
      </div>
      <div class="opp-grid-2">
        <section class="card" aria-labelledby="opp-details-title">
          <h2 id="opp-details-title">Details and notes</h2>
          <DetailsForm
            key={a.updated_at}
            app={a}
            saved={detailsSaved}
            onSaving={() => setDetailsSaved(false)}
            onSaved={() => {
              setDetailsSaved(true);
              app.reload();
            }}
          />
        </section>
        <section class="card" aria-labelledby="opp-ready-title">
          <h2 id="opp-ready-title">Readiness</h2>
          {a.readiness_from === 'organization' && (
            <p class="muted">
              What <a href={`/opportunities/organizations/${a.organization.id}`}>{a.organization.name}</a> demands — link goals to this application to track its own.
            </p>
          )}
          <Readiness goals={a.readiness} empty="Link the goals this role demands (DSA, fundamentals…) to see how ready you are." />
        </section>
      </div>
      <ConfirmDialog title={`Delete ${a.role} at ${a.organization.name}?`} confirmLabel="Delete" busyLabel="Deleting…" danger {...remove.dialog}>
        <p>Its history, events and contact links go with it.</p>
      </ConfirmDialog>
    </div>
  );
}

export default withIdParam(ApplicationView);
