// The reading queue: what is being read, then what is up next, in the order the person chose.
// Reorder by dragging the handle (mouse or touch, the shared SortableJS hook) or with the up/down
// buttons (keyboard); start and finish in one press; log progress in place.
import { useState } from 'preact/hooks';
import { errorMessage } from '../api/errors';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { ChevronDownIcon, Icon } from '../ui/icons';
import { ErrorState, Loading } from '../ui/Status';
import { useAction } from '../ui/useAction';
import { useRequest } from '../ui/useRequest';
import { moved, useSortable } from '../ui/useSortable';
import { AddBox } from './AddBox';
import { listQueue, reorderItems, updateItem, type ReadingItem, type Status } from './api';
import { HabitLink } from './HabitLink';
import { ProgressLine } from './ProgressLine';
import { ProgressLogger } from './ProgressLogger';
import { ReadingNav } from './ReadingNav';
import { ItemMeta } from './ItemMeta';
import './reading.css';

const NEXT_STATUS: Partial<Record<Status, { status: Status; label: string }>> = {
  queued: { status: 'reading', label: 'Start' },
  reading: { status: 'done', label: 'Finish' },
};

function QueueRow({ item, index, count, onMove, onStatus, statusBusy, onLogged }: {
  item: ReadingItem;
  index: number;
  count: number;
  onMove: (from: number, to: number, focus?: string) => void;
  onStatus: (item: ReadingItem, status: Status) => void;
  statusBusy: boolean;
  onLogged: (item: ReadingItem) => void;
}) {
  const [logging, setLogging] = useState(false);
  const next = NEXT_STATUS[item.status];
  return (
    <li class="rd-row" data-status={item.status}>
      <span class="rd-handle" aria-hidden="true" title="Drag to reorder (or use the arrows)">
        ⋮⋮
      </span>
      <div class="rd-row-main">
        <p class="rd-row-title">
          <a href={`/reading/${item.id}`}>{item.title}</a>
        </p>
        <ItemMeta item={item}>{item.status === 'reading' && <span class="rd-badge">Reading</span>}</ItemMeta>
        {(item.status === 'reading' || item.progress_current > 0) && <ProgressLine item={item} />}
        {logging && (
          <ProgressLogger
            item={item}
            onLogged={(result) => {
              onLogged(result.item);
            }}
          />
        )}
      </div>
      <div class="rd-row-actions">
        {next && (
          <Button
            variant={next.status === 'done' ? 'primary' : 'secondary'}
            busy={statusBusy}
            aria-label={`${next.label} “${item.title}”`}
            onClick={() => onStatus(item, next.status)}
          >
            {next.label}
          </Button>
        )}
        <Button variant="ghost" aria-expanded={logging} aria-label={`Log progress on “${item.title}”`} onClick={() => setLogging(!logging)}>
          {logging ? 'Close' : 'Log'}
        </Button>
        <span class="rd-move">
          <button type="button" class="icon-btn" id={`rd-up-${item.id}`} aria-label={`Move “${item.title}” up`} title="Move up" disabled={index === 0}
            onClick={() => onMove(index, index - 1, index - 1 === 0 ? `#rd-down-${item.id}` : `#rd-up-${item.id}`)}>
            <Icon>
              <path d="m6 15 6-6 6 6" />
            </Icon>
          </button>
          <button type="button" class="icon-btn" id={`rd-down-${item.id}`} aria-label={`Move “${item.title}” down`} title="Move down" disabled={index === count - 1}
            onClick={() => onMove(index, index + 1, index + 1 === count - 1 ? `#rd-up-${item.id}` : `#rd-down-${item.id}`)}>
            <ChevronDownIcon />
          </button>
        </span>
      </div>
    </li>
  );
}

export default function QueuePage() {
  const req = useRequest(listQueue);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [announce, setAnnounce] = useState('');
  const items = req.data?.items ?? [];

  const replace = (item: ReadingItem) =>
    req.mutate((d) => ({
      ...d,
      items: item.status === 'done' || item.status === 'dropped' ? d.items.filter((i) => i.id !== item.id) : d.items.map((i) => (i.id === item.id ? item : i)),
    }));

  const status = useAction(({ item, to }: { item: ReadingItem; to: Status }) => updateItem(item.id, { status: to }), {
    onDone: (saved, { item, to }) => {
      replace(saved);
      setMessage({
        kind: 'success',
        text: to === 'done' ? `Finished “${item.title}”. It is in your library now.` : `Started “${item.title}”.`,
      });
    },
  });

  const save = async (ids: number[], before: ReadingItem[]) => {
    try {
      await reorderItems(ids);
    } catch (err) {
      req.mutate((d) => ({ ...d, items: before }));
      setMessage({ kind: 'error', text: `Couldn't save the new order: ${errorMessage(err)}` });
    }
  };

  const move = (from: number, to: number, focus?: string) => {
    if (to < 0 || to >= items.length || from === to) return;
    const before = items;
    const next = moved(items, from, to);
    req.mutate((d) => ({ ...d, items: next }));
    setAnnounce(`“${items[from]!.title}” moved to position ${to + 1} of ${items.length}.`);
    if (focus) setTimeout(() => document.querySelector<HTMLElement>(focus)?.focus(), 0);
    void save(next.map((i) => i.id), before);
  };

  // Drag by the grip with a mouse, a pen or a finger; the arrow buttons are the keyboard way.
  const sortableRef = useSortable<HTMLOListElement>((from, to) => move(from, to), { handle: '.rd-handle', disabled: items.length < 2 });

  return (
    <section class="page rd-page">
      <header class="page-header">
        <h1 tabIndex={-1}>Reading</h1>
        <p class="muted">Papers, books, articles and courses in one queue. The top is up next.</p>
      </header>
      <ReadingNav current="/reading" />
      <AddBox
        onAdded={(item) => {
          req.mutate((d) => ({ ...d, items: [...d.items, item], total: d.total + 1 }));
          setMessage({ kind: 'success', text: `Added “${item.title}” to the end of the queue.` });
        }}
      />
      {message && <Alert kind={message.kind}>{message.text}</Alert>}
      {status.error && <Alert>{status.error}</Alert>}
      <p class="visually-hidden" aria-live="polite">
        {announce}
      </p>

      {req.status === 'error' && !req.data ? (
        <ErrorState title="Couldn't load your reading queue" error={req.error} onRetry={req.reload} />
      ) : !req.data ? (
        <Loading label="Loading the queue…" minHeight="12rem" />
      ) : items.length === 0 ? (
        <div class="empty">
          <p>Your queue is empty. Paste an arXiv link above, or <a href="/reading/import">import your Zotero library</a>.</p>
        </div>
      ) : (
        <ol class="rd-queue" aria-label="Reading queue" ref={sortableRef}>
          {items.map((item, i) => (
            <QueueRow
              key={item.id}
              item={item}
              index={i}
              count={items.length}
              onMove={move}
              onStatus={(it, to) => void status.run({ item: it, to })}
              statusBusy={status.running?.item.id === item.id}
              onLogged={replace}
            />
          ))}
        </ol>
      )}
      {req.data && req.data.total > items.length && <p class="muted">Showing the first {items.length} of {req.data.total}.</p>}

      <details class="card rd-settings">
        <summary>Count reading toward an action item</summary>
        <HabitLink />
      </details>
    </section>
  );
}
