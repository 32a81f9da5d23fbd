// The opportunities board: a column per stage (a tab per stage on a phone). Cards move by
// dragging their grip with a mouse or a finger (onto another column, or onto a stage tab on a
// phone), by keyboard (Shift+← / Shift+→ on a focused card) and with the "Move to" menu every
// card has.
import { useEffect, useState } from 'preact/hooks';
import { useUser } from '../auth/session';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { ErrorState, Loading } from '../ui/Status';
import { useRequest } from '../ui/useRequest';
import { useSortable, type DropZones } from '../ui/useSortable';
import { listApplications, listOrganizations, moveApplication, type Application, type Stage } from './api';
import { byStage, daysInStage, followUpDue, neighbourStage, todayIn } from './board';
import { formatMoment } from '../ui/format';
import { STAGES, eventKindLabel, kindLabel, stageLabel, typeLabel } from './labels';
import { QuickAdd } from './QuickAdd';
import { SubNav } from './SubNav';
import './opportunities.css';

interface CardProps {
  app: Application;
  timeZone: string;
  today: string;
  now: Date;
  onMove: (app: Application, stage: Stage) => void;
}

export function Card({ app, timeZone, today, now, onMove }: CardProps) {
  const days = daysInStage(app, now);
  const due = followUpDue(app, today);
  const name = `${app.role} at ${app.organization.name}`;
  return (
    <li
      class={due ? 'opp-card opp-card-due' : 'opp-card'}
      tabIndex={0}
      aria-label={name}
      aria-keyshortcuts="Shift+ArrowLeft Shift+ArrowRight"
      data-id={app.id}
      onKeyDown={(e) => {
        if (!e.shiftKey || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
        const target = neighbourStage(app.stage, e.key === 'ArrowLeft' ? -1 : 1);
        if (target) {
          e.preventDefault();
          onMove(app, target);
        }
      }}
    >
      <span class="opp-grip" aria-hidden="true" title="Drag to another stage (or use “Move to”)">
        ⋮⋮
      </span>
      <a class="opp-card-title" href={`/opportunities/${app.id}`}>
        {app.organization.name}
      </a>
      <p class="opp-card-role">{app.role}</p>
      <p class="opp-card-tags">
        <span class="opp-tag">{typeLabel(app.organization.type)}</span>
        {app.kind !== 'job' && <span class="opp-tag">{kindLabel(app.kind)}</span>}
        {due && <span class="opp-tag opp-tag-due">Follow up</span>}
      </p>
      <p class="opp-card-meta">
        {days === 0 ? 'Moved today' : `${days} ${days === 1 ? 'day' : 'days'} in ${stageLabel(app.stage).toLowerCase()}`}
      </p>
      {app.next_event && (
        <p class="opp-card-meta">
          Next: {eventKindLabel(app.next_event.kind)} {formatMoment(app.next_event.starts_at, timeZone)}
        </p>
      )}
      <label class="opp-move">
        <span aria-hidden="true">Move to</span>
        <select class="input select" aria-label={`Move ${name} to`} value={app.stage} onChange={(e) => onMove(app, e.currentTarget.value as Stage)}>
          {STAGES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
    </li>
  );
}

interface ColumnProps {
  stage: Stage;
  label: string;
  cards: Application[];
  current: boolean;
  over: boolean;
  dropZones: DropZones;
  card: (app: Application) => preact.JSX.Element;
}

/** One stage's column; its cards drag by their grip onto another column or stage tab. */
function Column({ stage, label, cards, current, over, dropZones, card }: ColumnProps) {
  const listRef = useSortable<HTMLUListElement>(() => undefined, { handle: '.opp-grip', dropZones });
  return (
    <section
      id={`opp-col-${stage}`}
      class={['opp-column', current ? 'opp-column-current' : '', over ? 'opp-column-over' : ''].join(' ')}
      aria-labelledby={`opp-col-title-${stage}`}
      data-drop-stage={stage}
    >
      <h2 class="opp-column-title" id={`opp-col-title-${stage}`}>
        {label} <span class="opp-count">{cards.length}</span>
      </h2>
      {cards.length === 0 ? (
        <p class="opp-column-empty">Nothing here</p>
      ) : (
        <ul class="opp-cards" ref={listRef}>
          {cards.map(card)}
        </ul>
      )}
    </section>
  );
}

export default function BoardPage() {
  const user = useUser();
  const apps = useRequest(() => listApplications());
  const orgs = useRequest(() => listOrganizations());
  const [tab, setTab] = useState<Stage>('applied');
  const [adding, setAdding] = useState(false);
  const [over, setOver] = useState<Stage | null>(null);
  const [announce, setAnnounce] = useState('');
  const [error, setError] = useState<string | null>(null);
  const now = new Date();
  const today = todayIn(user.timezone, now);

  // On a phone the stage tabs scroll sideways: keep the chosen one in view (after a quick add
  // it may be off to one side).
  useEffect(() => {
    const chosen = document.getElementById(`opp-tab-${tab}`);
    const strip = chosen?.parentElement;
    if (!chosen || !strip || strip.scrollWidth <= strip.clientWidth) return;
    const a = chosen.getBoundingClientRect();
    const b = strip.getBoundingClientRect();
    if (a.left < b.left) strip.scrollLeft += a.left - b.left - 8;
    else if (a.right > b.right) strip.scrollLeft += a.right - b.right + 8;
  }, [tab, apps.data !== undefined]);

  const move = async (app: Application, stage: Stage) => {
    if (stage === app.stage) return;
    setError(null);
    const previous = app;
    // The card moves to another column (a new element): keep the focus with it if it was there.
    const hadFocus = document.activeElement?.closest('.opp-card')?.getAttribute('data-id') === String(app.id);
    apps.mutate((page) => ({ ...page, items: page.items.map((a) => (a.id === app.id ? { ...a, stage, stage_changed_at: now.toISOString() } : a)) }));
    try {
      const updated = await moveApplication(app.id, stage);
      apps.mutate((page) => ({ ...page, items: page.items.map((a) => (a.id === app.id ? updated : a)) }));
      setAnnounce(`Moved ${app.role} at ${app.organization.name} to ${stageLabel(stage)}.`);
      setTimeout(() => {
        if (hadFocus || document.activeElement === document.body) document.querySelector<HTMLElement>(`.opp-card[data-id="${app.id}"]`)?.focus();
      }, 0);
    } catch {
      apps.mutate((page) => ({ ...page, items: page.items.map((a) => (a.id === app.id ? previous : a)) }));
      setError(`Couldn't move ${app.role} at ${app.organization.name}. Try again.`);
    }
  };

  const items = apps.data?.items ?? [];
  const columns = byStage(items);
  // A card dropped on a column (or, on a phone, on a stage tab) moves there.
  const dropZones: DropZones = {
    selector: '[data-drop-stage]',
    onOver: (zone) => setOver((zone?.dataset.dropStage as Stage | undefined) ?? null),
    onDrop: (card, zone) => {
      const app = items.find((a) => String(a.id) === card.dataset.id);
      const stage = zone.dataset.dropStage as Stage | undefined;
      if (app && stage) void move(app, stage);
    },
  };

  return (
    <div class="page opp-page">
      <header class="page-header page-header-row opp-header">
        <div class="page-header-title">
          <h1 tabIndex={-1}>Opportunities</h1>
          <p class="muted">Applications by stage. Drag a card by its grip ⋮⋮ (onto a stage tab on a phone), press Shift+← / Shift+→ on it, or use its “Move to” menu.</p>
        </div>
        <Button variant="primary" aria-expanded={adding} onClick={() => setAdding(!adding)}>
          {adding ? 'Close quick add' : 'Quick add'}
        </Button>
      </header>
      <SubNav />
      {adding && (
        <section class="card opp-add" aria-label="Quick add">
          <QuickAdd
            organizations={orgs.data?.items ?? []}
            onAdded={(app, newOrg) => {
              apps.mutate((page) => ({ ...page, items: [app, ...page.items], total: page.total + 1 }));
              setTab(app.stage);
              if (newOrg) orgs.reload();
            }}
          />
        </section>
      )}
      <p class="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
      {error && <Alert>{error}</Alert>}
      {apps.status === 'error' && !apps.data ? (
        <ErrorState title="Couldn't load your applications" error={apps.error} onRetry={apps.reload} />
      ) : !apps.data ? (
        <Loading label="Loading applications…" minHeight="12rem" />
      ) : items.length === 0 && !adding ? (
        <div class="empty">
          <p>No applications yet. Add the organizations you are weighing and the roles you want — even the ones on a wishlist.</p>
          <Button variant="primary" onClick={() => setAdding(true)}>
            Add your first application
          </Button>
        </div>
      ) : (
        <>
          {apps.data.total > items.length && <p class="muted">Showing the {items.length} most recently moved of {apps.data.total}.</p>}
          <div class="opp-tabs" role="tablist" aria-label="Stages">
            {STAGES.map((s) => (
              <button
                key={s.value}
                type="button"
                role="tab"
                id={`opp-tab-${s.value}`}
                aria-selected={tab === s.value}
                aria-controls={`opp-col-${s.value}`}
                class={over === s.value ? 'opp-tab opp-tab-over' : 'opp-tab'}
                data-drop-stage={s.value}
                onClick={() => setTab(s.value)}
              >
                {s.label} <span class="opp-count">{columns.get(s.value)?.length ?? 0}</span>
              </button>
            ))}
          </div>
          <div class="opp-board">
            {STAGES.map((s) => (
              <Column
                key={s.value}
                stage={s.value}
                label={s.label}
                cards={columns.get(s.value) ?? []}
                current={tab === s.value}
                over={over === s.value}
                dropZones={dropZones}
                card={(app) => <Card key={app.id} app={app} timeZone={user.timezone} today={today} now={now} onMove={move} />}
              />
            ))}
          </div>
        </>
      )}
    </div>
  );
}
