// /sprints/:id/retro — start / stop / continue, a Markdown retrospective saved to the sprint,
// the generated review (rendered and as source) to copy or download, and the next sprint.
import { useLocation } from 'preact-iso';
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '../api/errors';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { CopyButton } from '../ui/CopyButton';
import { TextField } from '../ui/Field';
import { useForm, type Errors } from '../ui/form';
import { Markdown } from '../ui/Markdown';
import { ErrorState, Loading } from '../ui/Status';
import { withIdParam } from '../ui/routeId';
import { useRequest } from '../ui/useRequest';
import { useTitle } from '../ui/useTitle';
import { downloadText } from '../ui/download';
import { DownloadIcon } from './icons';
import { SprintEyebrow, SprintNav } from './SprintHeader';
import { formatDay, formatPercent } from '../ui/format';
import { addDays } from '../ui/dates';
import { checkTargetInput, daysNeeded, percentInputToRate, rateToPercentInput, suggestTarget } from './format';
import { TargetField } from './TargetField';
import { getReview, getSprint, listSprints, planNextSprint, updateSprint, type Sprint } from './api';
import { sprintPath } from './paths';
import { MarkdownEditor } from '../ui/MarkdownEditor';
import './sprints.css';

const MAX_RETRO = 20_000;

export const PROMPTS = [
  { key: 'Start', question: 'What will you begin doing next sprint?' },
  { key: 'Stop', question: 'What got in the way and should stop?' },
  { key: 'Continue', question: 'What worked and should keep going?' },
] as const;

export const TEMPLATE = PROMPTS.map((p) => `#### ${p.key}\n\n- \n`).join('\n');

/** /sprints/:id/retro */
export default withIdParam(SprintRetro);

export function SprintRetro({ id }: { id: number }) {
  const sprint = useRequest(() => getSprint(id), [id]);
  useTitle(sprint.data && `Retrospective · ${sprint.data.title}`);
  if (sprint.data) return <Retro sprint={sprint.data} onSaved={(s) => sprint.mutate(() => s)} />;
  return (
    <div class="page sp-page">
      <SprintNav />
      <header class="page-header">
        <h1 tabIndex={-1}>Retrospective</h1>
      </header>
      {sprint.status === 'error' ? (
        <ErrorState title="Couldn't load the sprint" error={sprint.error} onRetry={sprint.reload} />
      ) : (
        <Loading label="Loading the sprint…" minHeight="60vh" />
      )}
    </div>
  );
}

function Retro({ sprint, onSaved }: { sprint: Sprint; onSaved: (s: Sprint) => void }) {
  const review = useRequest(() => getReview(sprint.id), [sprint.id]);
  return (
    <div class="page sp-page">
      <SprintNav />
      <header class="page-header-row sp-header">
        <div class="sp-header-main">
          <SprintEyebrow sprint={sprint} />
          <h1 tabIndex={-1}>Retrospective</h1>
          <p class="muted sp-theme">
            <a href={sprintPath(sprint.id)}>{sprint.title}</a>
            {sprint.score !== null && <> · score {formatPercent(sprint.score)} against {formatPercent(sprint.target_rate)}</>}
          </p>
        </div>
      </header>
      <div class="sp-retro">
        <RetroEditor
          sprint={sprint}
          onSaved={(s) => {
            onSaved(s);
            review.reload();
          }}
        />
        <ReviewCard sprint={sprint} review={review} />
        <NextSprint sprint={sprint} />
      </div>
    </div>
  );
}

function RetroEditor({ sprint, onSaved }: { sprint: Sprint; onSaved: (s: Sprint) => void }) {
  const [saved, setSaved] = useState(false);
  const textarea = useRef<HTMLTextAreaElement | null>(null);
  const form = useForm({
    initial: { retrospective: sprint.retrospective },
    validate: (v) => ({
      retrospective: v.retrospective.length > MAX_RETRO ? `Use at most ${MAX_RETRO.toLocaleString('en')} characters.` : undefined,
    }),
    submit: async (v) => {
      const updated = await updateSprint(sprint.id, { retrospective: v.retrospective });
      form.reset({ retrospective: updated.retrospective });
      setSaved(true);
      onSaved(updated);
    },
  });
  const dirty = form.values.retrospective !== sprint.retrospective;
  const hasTemplate = PROMPTS.every((p) => form.values.retrospective.includes(`#### ${p.key}`));

  // Leaving with unsaved words asks first (closing the tab; in-app links are the person's call).
  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const insertTemplate = () => {
    const current = form.values.retrospective.trimEnd();
    form.set('retrospective', current ? `${current}\n\n${TEMPLATE}` : TEMPLATE);
    setSaved(false);
    setTimeout(() => textarea.current?.focus(), 0);
  };

  return (
    <section class="card" aria-labelledby="sp-retro-title">
      <h2 id="sp-retro-title">How did it go?</h2>
      <ul class="sp-prompts">
        {PROMPTS.map((p) => (
          <li key={p.key} class={`sp-prompt sp-prompt-${p.key.toLowerCase()}`}>
            <strong>{p.key}</strong>
            <span>{p.question}</span>
          </li>
        ))}
      </ul>
      <form class="form sp-wide-form" noValidate onSubmit={form.onSubmit} aria-label="Retrospective">
        <MarkdownEditor
          label="Your retrospective"
          note="Markdown"
          name="retrospective"
          rows={12}
          split
          maxLength={MAX_RETRO}
          value={form.values.retrospective}
          textareaRef={(el) => {
            textarea.current = el;
          }}
          onInput={(e) => {
            setSaved(false);
            form.set('retrospective', e.currentTarget.value);
          }}
          error={form.errors.retrospective}
          hint="Saved with the sprint and added to the end of the review."
        />
        {form.formError && <Alert>{form.formError}</Alert>}
        {saved && !dirty && <Alert kind="success">Retrospective saved.</Alert>}
        <div class="form-actions">
          <Button type="submit" variant="primary" busy={form.busy} busyLabel="Saving…" disabled={!dirty && !form.busy}>
            Save retrospective
          </Button>
          {!hasTemplate && (
            <Button onClick={insertTemplate}>Add start / stop / continue</Button>
          )}
          {dirty && <span class="muted sp-small">Unsaved changes</span>}
        </div>
      </form>
    </section>
  );
}

function ReviewCard({ sprint, review }: { sprint: Sprint; review: ReturnType<typeof useRequest<string>> }) {
  const [view, setView] = useState<'rendered' | 'source'>('rendered');
  const filename = `sprint-${sprint.start_date}.md`;
  return (
    <section class="card" aria-labelledby="sp-review-title">
      <div class="sp-card-head">
        <h2 id="sp-review-title">Sprint review</h2>
        <div class="md-toggle" role="group" aria-label="Review: rendered or Markdown source">
          <button type="button" class="md-toggle-btn" aria-pressed={view === 'rendered'} onClick={() => setView('rendered')}>
            Rendered
          </button>
          <button type="button" class="md-toggle-btn" aria-pressed={view === 'source'} onClick={() => setView('source')}>
            Markdown
          </button>
        </div>
      </div>
      <p class="muted card-lede">Written by Kaizen from your check-ins, ready to paste into a blog post.</p>
      {review.data !== undefined ? (
        <>
          {review.status === 'error' && <Alert>Couldn't refresh the review: {errorMessage(review.error)}</Alert>}
          {view === 'rendered' ? (
            <div class="sp-review" aria-busy={review.status === 'loading' ? 'true' : undefined}>
              <Markdown source={review.data} />
            </div>
          ) : (
            <pre class="code sp-review-source" tabIndex={0} aria-label="Review as Markdown">
              <code>{review.data}</code>
            </pre>
          )}
          <div class="form-actions sp-review-actions">
            <CopyButton text={review.data} label="Copy as Markdown" />
            <Button onClick={() => downloadText(review.data ?? '', filename)}>
              <DownloadIcon />
              Download .md
            </Button>
          </div>
        </>
      ) : review.status === 'error' ? (
        <ErrorState title="Couldn't load the review" error={review.error} onRetry={review.reload} />
      ) : (
        <Loading label="Writing the review…" minHeight="12rem" />
      )}
    </section>
  );
}

type NextValues = { target_rate: string; days: string; title: string };

export function validateNext(v: NextValues): Errors<NextValues> {
  const days = Number(v.days);
  return {
    target_rate: checkTargetInput(v.target_rate, 80),
    days: !/^\d+$/.test(v.days.trim()) || days < 1 || days > 366 ? 'Enter a length from 1 to 366 days.' : undefined,
    title: v.title.trim().length > 200 ? 'Use at most 200 characters.' : undefined,
  };
}

function NextSprint({ sprint }: { sprint: Sprint }) {
  const { route } = useLocation();
  const start = addDays(sprint.end_date, 1);
  // A sprint that already starts the day after this one ends is "the next one".
  const list = useRequest(listSprints, [sprint.id]);
  const following = list.data?.items.find((s) => s.start_date === start);
  const form = useForm<NextValues>({
    initial: { target_rate: rateToPercentInput(suggestTarget(sprint.score, sprint.target_rate)), days: '14', title: '' },
    validate: validateNext,
    submit: async (v) => {
      const created = await planNextSprint(sprint.id, {
        target_rate: percentInputToRate(v.target_rate) ?? sprint.target_rate,
        days: Number(v.days),
        ...(v.title.trim() ? { title: v.title.trim() } : {}),
      });
      route(sprintPath(created.id));
    },
  });
  const rate = percentInputToRate(form.values.target_rate);
  const days = Number(form.values.days);
  const needed = days >= 1 && days <= 366 ? daysNeeded(rate, days) : null;
  const hint = needed !== null ? `≈${needed} of ${days} days for each daily item.` : undefined;

  return (
    <section class="card" aria-labelledby="sp-next-title">
      <h2 id="sp-next-title">Plan the next sprint</h2>
      {list.status === 'loading' && !list.data ? (
        <Loading minHeight="8rem" />
      ) : following ? (
        <p>
          The next sprint, <a href={sprintPath(following.id)}>{following.title}</a>, is already planned from{' '}
          {formatDay(following.start_date)}.
        </p>
      ) : (
        <>
          <p class="muted card-lede">
            Same action items{sprint.goal_ids.length ? ' and goals' : ''}, starting {formatDay(start)}.
          </p>
          <form class="form" noValidate onSubmit={form.onSubmit} aria-label="Plan the next sprint">
            <div class="sp-form-row">
              <TargetField error={form.errors.target_rate} hint={hint} {...form.bind('target_rate')} />
              <TextField label="Length in days" inputMode="numeric" autoComplete="off" error={form.errors.days} {...form.bind('days')} />
              <TextField label="Title" note="optional" maxLength={200} placeholder={`After ${sprint.title}`} error={form.errors.title} {...form.bind('title')} />
            </div>
            {list.status === 'error' && <Alert kind="info">Couldn't check for a sprint already planned after this one.</Alert>}
            {form.formError && <Alert>{form.formError}</Alert>}
            <div class="form-actions">
              <Button type="submit" variant="primary" busy={form.busy} busyLabel="Planning…">
                Plan the next sprint
              </Button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
