// One reading item: its details, status and read-throughs, progress log, notes (Markdown,
// sanitised), rating, goal, and the write-up and implementation it led to.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useGoalChoices } from '../goals/GoalPicker';
import { MarkdownEditor } from '../ui/MarkdownEditor';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { formatDate } from '../ui/format';
import { Markdown } from '../ui/Markdown';
import { withIdParam } from '../ui/routeId';
import { ErrorState, Loading } from '../ui/Status';
import { useAction } from '../ui/useAction';
import { useRequest } from '../ui/useRequest';
import { useTitle } from '../ui/useTitle';
import { deleteItem, getItem, startPortfolioEntry, updateItem, type ReadingItemDetail, type ReadingItemUpdate, type Status } from './api';
import { ItemForm, changedFields, type ItemDraft } from './ItemForm';
import { ProgressLine } from './ProgressLine';
import { ProgressLogger } from './ProgressLogger';
import { ReadingNav } from './ReadingNav';
import { safeHref } from '../ui/links';
import { amountLabel, kindLabel, statusLabel } from './labels';
import './reading.css';

const ACTIONS: Record<Status, { to: Status; label: string }[]> = {
  queued: [{ to: 'reading', label: 'Start reading' }, { to: 'done', label: 'Mark done' }, { to: 'dropped', label: 'Drop' }],
  reading: [{ to: 'done', label: 'Finish' }, { to: 'dropped', label: 'Drop' }, { to: 'queued', label: 'Back to the queue' }],
  done: [{ to: 'reading', label: 'Read again' }],
  dropped: [{ to: 'reading', label: 'Pick it up again' }, { to: 'queued', label: 'Back to the queue' }],
};

function draftOf(item: ReadingItemDetail): ItemDraft {
  const { title, kind, authors, year, venue, url, arxiv_id, doi, isbn, tags, progress_total, progress_unit, goal_id } = item;
  return { title, kind, authors, year, venue, url, arxiv_id, doi, isbn, tags, progress_total, progress_unit, goal_id };
}

function Notes({ item, onSave }: { item: ReadingItemDetail; onSave: (notes: string) => Promise<void> }) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(item.notes);
  const save = useAction(() => onSave(text), { onDone: () => setEditing(false) });
  if (!editing) {
    return (
      <>
        <Markdown source={item.notes} empty="No notes yet." class="rd-notes" />
        <Button variant="ghost" onClick={() => { setText(item.notes); setEditing(true); }}>
          {item.notes.trim() ? 'Edit notes' : 'Write notes'}
        </Button>
      </>
    );
  }
  return (
    <form class="form" noValidate onSubmit={(e) => { e.preventDefault(); void save.run(); }}>
      <MarkdownEditor label="Notes" name="notes" value={text} maxLength={20000} rows={10} onInput={(e) => setText(e.currentTarget.value)} hint="Markdown: **bold**, lists, links, code." />
      {save.error && <Alert>{save.error}</Alert>}
      <div class="form-actions">
        <Button type="submit" variant="primary" busy={save.busy} busyLabel="Saving…">
          Save notes
        </Button>
        <Button variant="ghost" onClick={() => setEditing(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function Links({ item, onChanged }: { item: ReadingItemDetail; onChanged: (message: string) => void }) {
  const start = useAction((kind: 'blog_post' | 'implementation') => startPortfolioEntry(item.id, kind), {
    onDone: (entry) => onChanged(`Started “${entry.title}” as a draft in your portfolio.`),
  });
  return (
    <dl class="rd-links">
      <dt>Write-up</dt>
      <dd>
        {item.writeup_id !== null ? (
          <a href="/portfolio">Open the write-up in your portfolio</a>
        ) : (
          <Button variant="primary" busy={start.running === 'blog_post'} disabled={start.busy} onClick={() => void start.run('blog_post')}>
            Start a blog post from this
          </Button>
        )}
      </dd>
      <dt>Implementation</dt>
      <dd>
        {item.implementation_id !== null ? (
          <a href="/portfolio">Open the implementation in your portfolio</a>
        ) : (
          <Button busy={start.running === 'implementation'} disabled={start.busy} onClick={() => void start.run('implementation')}>
            Start an implementation
          </Button>
        )}
      </dd>
      {start.error && <Alert>{start.error}</Alert>}
    </dl>
  );
}

/** The goal the item serves, by its title once the shared goals list has loaded. */
function GoalLink({ id }: { id: number }) {
  const goals = useGoalChoices();
  const title = goals.data?.find((g) => g.id === id)?.title;
  return (
    <p>
      Serves the goal <a href={`/goals/${id}`}>{title ?? `#${id}`}</a>.
    </p>
  );
}

export function ItemDetail({ id }: { id: number }) {
  const req = useRequest(() => getItem(id), [id]);
  const { route } = useLocation();
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const item = req.data;
  useTitle(item?.title);

  const patch = async (body: ReadingItemUpdate) => {
    await updateItem(id, body);
    req.reload();
  };
  const status = useAction((to: Status) => patch({ status: to }), {
    onDone: (_, to) => setMessage(to === 'done' ? 'Marked done. Well read!' : `Now ${statusLabel(to).toLowerCase()}.`),
  });
  const rate = useAction((rating: number | null) => patch({ rating }));
  const del = useAction(() => deleteItem(id), { stayBusy: true, onDone: () => route('/reading') });

  if (req.status === 'error' && !item) return <ErrorState title="Couldn't load this reading item" error={req.error} onRetry={req.reload} />;
  if (!item) return <Loading label="Loading…" minHeight="30vh" />;
  const href = safeHref(item.url);
  const arxiv = item.arxiv_id ? `https://arxiv.org/abs/${item.arxiv_id}` : null;

  return (
    <>
      <header class="page-header rd-detail-header">
        <p class="rd-eyebrow muted">
          {kindLabel(item.kind)} · {statusLabel(item.status)}
          {item.read_through > 1 && ` · read-through ${item.read_through}`}
        </p>
        <h1 tabIndex={-1}>{item.title}</h1>
        {item.authors.length > 0 && <p class="rd-authors">{item.authors.join(', ')}</p>}
        <p class="muted">
          {[item.venue, item.year].filter((x) => x !== null && x !== '').join(', ')}
          {item.started_on && ` · started ${formatDate(item.started_on)}`}
          {item.finished_on && ` · finished ${formatDate(item.finished_on)}`}
        </p>
        <p class="rd-ids">
          {href && (
            <a href={href} target="_blank" rel="noopener noreferrer">
              Open link
            </a>
          )}
          {arxiv && arxiv !== href && (
            <a href={arxiv} target="_blank" rel="noopener noreferrer">
              arXiv:{item.arxiv_id}
            </a>
          )}
          {item.doi && (
            <a href={`https://doi.org/${item.doi}`} target="_blank" rel="noopener noreferrer">
              DOI {item.doi}
            </a>
          )}
          {item.isbn && <span>ISBN {item.isbn}</span>}
          <span class="muted">Cite as {item.citation_key}</span>
        </p>
        {item.tags.length > 0 && (
          <p class="rd-tags">
            {item.tags.map((t) => (
              <a key={t} class="rd-tag" href={`/reading/library?tag=${encodeURIComponent(t)}`}>
                {t}
              </a>
            ))}
          </p>
        )}
      </header>

      {message && <Alert kind="success">{message}</Alert>}
      {status.error && <Alert>{status.error}</Alert>}

      <div class="rd-detail">
        <section class="card" aria-labelledby="rd-progress-title">
          <h2 id="rd-progress-title">Progress</h2>
          <ProgressLine item={item} />
          <div class="rd-status-actions">
            {ACTIONS[item.status].map((a) => (
              <Button key={a.to} variant={a.to === 'done' ? 'primary' : 'secondary'} busy={status.running === a.to} disabled={status.busy} onClick={() => void status.run(a.to)}>
                {a.label}
              </Button>
            ))}
          </div>
          <ProgressLogger item={item} withDate onLogged={() => req.reload()} />
          {item.progress_log.length > 0 ? (
            <ul class="rd-log-list" aria-label="Progress log">
              {item.progress_log.map((p) => (
                <li key={p.id}>
                  <span>{formatDate(p.date)}</span>
                  <span>{amountLabel(p.amount, p.unit)}</span>
                  {p.habit_id !== null && <span class="muted">counted toward your action item</span>}
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">Nothing logged yet.</p>
          )}
        </section>

        <section class="card" aria-labelledby="rd-notes-title">
          <h2 id="rd-notes-title">Notes</h2>
          <Notes item={item} onSave={(notes) => patch({ notes })} />
          <div class="rd-rating" role="group" aria-label="Rating">
            <span class="field-label">Rating</span>
            {[1, 2, 3, 4, 5].map((n) => (
              <button
                key={n}
                type="button"
                class="rd-star"
                aria-pressed={item.rating !== null && n <= item.rating}
                aria-label={`${n} of 5`}
                disabled={rate.busy}
                onClick={() => void rate.run(item.rating === n ? null : n)}
              >
                ★
              </button>
            ))}
          </div>
          {rate.error && <Alert>{rate.error}</Alert>}
        </section>

        <section class="card" aria-labelledby="rd-links-title">
          <h2 id="rd-links-title">What it led to</h2>
          <Links item={item} onChanged={(text) => { setMessage(text); req.reload(); }} />
          {item.goal_id !== null && <GoalLink id={item.goal_id} />}
        </section>

        <section class="card" aria-labelledby="rd-history-title">
          <h2 id="rd-history-title">Status history</h2>
          <ol class="rd-history">
            {item.status_history.map((h, i) => (
              <li key={i}>
                <span>{formatDate(h.date)}</span> <span>{statusLabel(h.status)}</span>
                {h.read_through > 1 && <span class="muted"> (read-through {h.read_through})</span>}
              </li>
            ))}
          </ol>
        </section>

        <section class="card" aria-labelledby="rd-edit-title">
          <h2 id="rd-edit-title">Details</h2>
          {editing ? (
            <ItemForm
              initial={draftOf(item)}
              submitLabel="Save"
              busyLabel="Saving…"
              onSubmit={async (draft) => {
                const changes = changedFields(draftOf(item), draft);
                if (Object.keys(changes).length) await patch(changes);
                setEditing(false);
                setMessage('Saved.');
              }}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <div class="form-actions">
              <Button onClick={() => setEditing(true)}>Edit details</Button>
              <Button variant="danger" onClick={() => del.ask()}>
                Delete…
              </Button>
            </div>
          )}
        </section>
      </div>
      <ConfirmDialog title={`Delete “${item.title}”?`} confirmLabel="Delete" busyLabel="Deleting…" danger {...del.dialog}>
        Its progress log and status history go with it. Linked portfolio entries stay.
      </ConfirmDialog>
    </>
  );
}

const Inner = withIdParam(ItemDetail);

export default function ItemPage() {
  return (
    <section class="page rd-page">
      <ReadingNav current="" />
      <Inner />
    </section>
  );
}
