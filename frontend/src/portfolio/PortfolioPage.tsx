import { useState } from 'preact/hooks';
import { errorMessage } from '../api/errors';
import { useUser } from '../auth/session';
import { useGoalChoices } from '../goals/GoalPicker';
import { formatDate, formatMonth } from '../ui/format';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { Markdown } from '../ui/Markdown';
import { BarChart } from '../ui/charts/BarChart';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { SelectField, TextField } from '../ui/Field';
import { useForm } from '../ui/form';
import { ErrorState, Loading } from '../ui/Status';
import { useAction } from '../ui/useAction';
import { useRequest } from '../ui/useRequest';
import { createEntry, deleteEntry, getEntryStats, listEntries, updateEntry, type Entry, type EntryStats, type EntryUpdate } from './api';
import { EntryForm } from './EntryForm';
import { safeHref } from '../ui/links';
import { KINDS, STATUSES, entryStatusLabel, kindLabel, type EntryStatus } from './labels';
import './portfolio.css';

function QuickAdd({ onAdded }: { onAdded: (entry: Entry) => void }) {
  const form = useForm({
    initial: { title: '', kind: 'blog_post' },
    validate: (v) => ({
      title: !v.title.trim() ? 'Name the thing you will make, e.g. “How autograd works”.' : v.title.trim().length > 200 ? 'Use at most 200 characters.' : undefined,
    }),
    submit: async (v) => {
      const entry = await createEntry({ title: v.title.trim(), kind: v.kind as Entry['kind'], status: 'idea', notes: '' });
      form.reset({ title: '', kind: v.kind });
      onAdded(entry);
    },
  });
  return (
    <form class="pf-quick" noValidate onSubmit={form.onSubmit} aria-label="Add to the portfolio">
      <div class="pf-quick-fields">
        <TextField label="New idea" maxLength={200} placeholder="e.g. How PyTorch's autograd works" error={form.errors.title} {...form.bind('title')} />
        <SelectField label="Kind" options={KINDS} error={form.errors.kind} {...form.bind('kind')} />
        <Button type="submit" variant="primary" class="pf-quick-submit" busy={form.busy} busyLabel="Adding…">
          Add
        </Button>
      </div>
      {form.formError && <Alert>{form.formError}</Alert>}
    </form>
  );
}

const NEXT: Record<EntryStatus, EntryStatus | null> = { idea: 'drafting', drafting: 'published', published: null };
const PREV: Record<EntryStatus, EntryStatus | null> = { idea: null, drafting: 'idea', published: 'drafting' };
const NEXT_TEXT: Record<EntryStatus, string> = { idea: 'Draft', drafting: 'Publish', published: '' };

function EntryCard({ entry, goalTitle, onChanged, onDelete }: {
  entry: Entry;
  goalTitle: string | null;
  onChanged: (message: string) => void;
  onDelete: (entry: Entry) => void;
}) {
  const [editing, setEditing] = useState(false);
  const href = safeHref(entry.url);
  const move = useAction((status: EntryStatus) => updateEntry(entry.id, { status }), {
    onDone: (_, status) => onChanged(`“${entry.title}” moved to ${entryStatusLabel(status)}.`),
  });
  const moving = move.running;

  const save = async (body: EntryUpdate) => {
    await updateEntry(entry.id, body);
    setEditing(false);
    onChanged(`“${body.title ?? entry.title}” saved.`);
  };

  if (editing) {
    return (
      <li class="pf-card pf-card-editing">
        <EntryForm entry={entry} onSubmit={save} onCancel={() => setEditing(false)} />
      </li>
    );
  }

  const prev = PREV[entry.status];
  const next = NEXT[entry.status];
  return (
    <li class="pf-card">
      <p class="pf-card-title">
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {entry.title}
          </a>
        ) : (
          entry.title
        )}
      </p>
      <p class="pf-card-meta">
        <span class="pf-kind">{kindLabel(entry.kind)}</span>
        {entry.published_on && entry.status === 'published' && <span>{formatDate(entry.published_on)}</span>}
        {goalTitle && <span class="pf-goal">Goal: {goalTitle}</span>}
      </p>
      <Markdown source={entry.notes} class="pf-notes" />
      {move.error && <Alert>{move.error}</Alert>}
      <div class="pf-actions">
        {prev && (
          <Button
            class="pf-move"
            aria-label={`Move “${entry.title}” back to ${entryStatusLabel(prev)}`}
            busy={moving === prev}
            disabled={move.busy}
            onClick={() => void move.run(prev)}
          >
            ← {entryStatusLabel(prev)}
          </Button>
        )}
        {next && (
          <Button
            class="pf-move"
            variant={next === 'published' ? 'primary' : 'secondary'}
            aria-label={`Move “${entry.title}” to ${entryStatusLabel(next)}`}
            busy={moving === next}
            disabled={move.busy}
            onClick={() => void move.run(next)}
          >
            {NEXT_TEXT[entry.status]} →
          </Button>
        )}
        <span class="pf-actions-end">
          <Button variant="ghost" class="pf-small" aria-label={`Edit “${entry.title}”`} onClick={() => setEditing(true)}>
            Edit
          </Button>
          <Button variant="ghost" class="pf-small pf-delete" aria-label={`Delete “${entry.title}”`} onClick={() => onDelete(entry)}>
            Delete
          </Button>
        </span>
      </div>
    </li>
  );
}

function Stats({ stats }: { stats: EntryStats }) {
  // Twelve month names fit side by side only on a wider screen.
  const wide = globalThis.matchMedia?.('(min-width: 640px)').matches ?? true;
  const months = stats.published_per_month;
  const total = months.reduce((sum, m) => sum + m.count, 0);
  const kinds = KINDS.filter((k) => (stats.by_kind[k.value] ?? 0) > 0);
  return (
    <>
      <BarChart
        title="Published per month, last 12 months"
        hideTitle
        data={months.map((m) => ({
          label: formatMonth(m.month, true),
          value: m.count,
          title: `${formatMonth(m.month)}: ${m.count} published`,
        }))}
        format={(v) => String(v)}
        integer
        maxLabels={wide ? 12 : 6}
        height={140}
      />
      <p class="pf-stats-line">
        <strong>{total}</strong> published in the last 12 months
        {kinds.length > 0 && (
          <span class="muted">
            {' '}
            · all time: {kinds.map((k) => `${stats.by_kind[k.value]} ${kindLabel(k.value).toLowerCase()}`).join(', ')}
          </span>
        )}
      </p>
    </>
  );
}

export default function PortfolioPage() {
  const user = useUser();
  const list = useRequest(listEntries);
  const stats = useRequest(getEntryStats);
  const goals = useGoalChoices();
  const [notice, setNotice] = useState<string | null>(null);

  const refresh = (message: string | null) => {
    setNotice(message);
    list.reload();
    stats.reload();
  };

  const del = useAction((entry: Entry) => deleteEntry(entry.id), {
    onDone: (_, entry) => refresh(`“${entry.title}” deleted.`),
  });

  const goalTitle = (id: number | null) => (id === null ? null : goals.data?.find((g) => g.id === id)?.title ?? null);
  const entries = list.data?.items ?? [];

  return (
    <div class="page pf-page">
      <header class="page-header">
        <h1 tabIndex={-1}>Portfolio</h1>
        <p class="muted">
          What you made: posts, implementations, contributions, talks — from idea to published.
        </p>
        {user.public_profile && user.handle && (
          <p class="pf-public-link">
            Published entries show on <a href={`/u/${user.handle}`}>your public page</a>.
          </p>
        )}
      </header>

      <section class="card pf-add" aria-label="Quick add">
        <QuickAdd onAdded={(e) => refresh(`“${e.title}” added to Ideas.`)} />
      </section>

      <p class="pf-notice" role="status">
        {notice}
      </p>

      {list.status === 'error' && !list.data ? (
        <ErrorState title="Couldn't load your portfolio" error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading label="Loading portfolio…" minHeight="14rem" />
      ) : (
        <>
          {list.status === 'error' && <Alert>Couldn't refresh the board: {errorMessage(list.error)}</Alert>}
          {list.data.total > entries.length && (
            <p class="muted">
              Showing the newest {entries.length} of {list.data.total} entries.
            </p>
          )}
          <div class="pf-board">
            {STATUSES.map((s) => {
              const items = entries.filter((e) => e.status === s.value);
              const headingId = `pf-col-${s.value}`;
              return (
                <section key={s.value} class={`pf-col pf-col-${s.value}`} aria-labelledby={headingId}>
                  <h2 id={headingId} class="pf-col-title">
                    {s.label} <span class="pf-count">{items.length}</span>
                  </h2>
                  {items.length === 0 ? (
                    <p class="pf-col-empty">
                      {s.value === 'idea' ? 'Nothing here yet. Add an idea above.' : s.value === 'drafting' ? 'Nothing in progress.' : 'Nothing published yet.'}
                    </p>
                  ) : (
                    <ul class="pf-cards" aria-labelledby={headingId}>
                      {items.map((e) => (
                        <EntryCard
                          key={e.id}
                          entry={e}
                          goalTitle={goalTitle(e.goal_id)}
                          onChanged={refresh}
                          onDelete={del.ask}
                        />
                      ))}
                    </ul>
                  )}
                </section>
              );
            })}
          </div>
        </>
      )}

      <section class="card pf-stats" aria-labelledby="pf-stats-title">
        <h2 id="pf-stats-title">Published per month</h2>
        <p class="muted card-lede">The last 12 months, by publication date.</p>
        {stats.status === 'error' && !stats.data ? (
          <ErrorState title="Couldn't load the monthly counts" error={stats.error} onRetry={stats.reload} />
        ) : stats.data ? (
          <Stats stats={stats.data} />
        ) : (
          <Loading label="Loading counts…" minHeight="12rem" />
        )}
      </section>

      <ConfirmDialog
        {...del.dialog}
        title={`Delete “${del.pending?.title ?? ''}”?`}
        confirmLabel="Delete entry"
        busyLabel="Deleting…"
        danger
      >
        <p>It disappears from your portfolio and your public page. This can't be undone.</p>
      </ConfirmDialog>
    </div>
  );
}
