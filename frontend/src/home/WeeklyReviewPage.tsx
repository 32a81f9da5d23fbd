// /reviews/weekly?week=2026-W48 — the week in numbers written by Kaizen, the user's own notes
// beside it (saved with the week), copy/download as Markdown, and the saved reviews over time.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { errorMessage } from '../api/errors';
import { downloadText } from '../ui/download';
import { MarkdownEditor } from '../ui/MarkdownEditor';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { CopyButton } from '../ui/CopyButton';
import { Markdown } from '../ui/Markdown';
import { ErrorState, Loading } from '../ui/Status';
import { formatDate } from '../ui/format';
import { useAction } from '../ui/useAction';
import { useRequest } from '../ui/useRequest';
import { getWeeklyReview, listReviews, saveReflection, type WeeklyReview } from './api';
import { isIsoWeek, shiftWeek } from './weeks';
import './home.css';

const MAX_NOTES = 20_000;

/** The user's notes on one week (keyed by week, so another week starts from its own text). */
function NotesCard({ review, onSaved }: { review: WeeklyReview; onSaved: (fresh: WeeklyReview) => void }) {
  const [notes, setNotes] = useState(review.reflection);
  const [savedNote, setSavedNote] = useState(false);
  const save = useAction((text: string) => saveReflection(review.week, text), {
    onDone: (fresh) => {
      onSaved(fresh);
      setSavedNote(true);
    },
  });
  return (
    <section class="card" aria-labelledby="wr-notes">
      <h2 id="wr-notes">Your notes</h2>
      <p class="muted card-lede">What went well, what didn't, what changes next week. Saving keeps this review in your history.</p>
      <form
        class="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save.run(notes);
        }}
      >
        <MarkdownEditor
          label="Reflection"
          name="reflection"
          note="Markdown"
          rows={10}
          maxLength={MAX_NOTES}
          value={notes}
          onInput={(e) => {
            setSavedNote(false);
            setNotes(e.currentTarget.value);
          }}
          error={save.error ?? undefined}
        />
        <div class="form-actions">
          <Button type="submit" variant="primary" busy={save.busy}>
            Save notes
          </Button>
          <span role="status" class="muted">
            {savedNote ? 'Saved.' : ''}
          </span>
        </div>
      </form>
    </section>
  );
}

export default function WeeklyReviewPage() {
  const { query, route } = useLocation();
  const asked = isIsoWeek(query.week) ? query.week : undefined;
  const review = useRequest(() => getWeeklyReview(asked), [asked]);
  const history = useRequest(listReviews);
  const data = review.data;

  if (review.status === 'loading' && !data) return <Loading label="Writing your week…" minHeight="40vh" />;
  if (review.status === 'error' && !data) return <ErrorState error={review.error} onRetry={review.reload} />;
  if (!data) return null;
  const go = (week: string) => route(`/reviews/weekly?week=${week}`);

  return (
    <section class="page weekly-review">
      <header class="page-header">
        <div>
          <h1 tabIndex={-1}>Weekly review</h1>
          <p class="muted">
            Week {data.week.split('-W')[1]}: {formatDate(data.start)} – {formatDate(data.end)}
          </p>
        </div>
        <nav class="wr-weeks" aria-label="Weeks">
          <Button onClick={() => go(shiftWeek(data.week, -1))}>← Week before</Button>
          {asked && <Button onClick={() => route('/reviews/weekly')}>This week</Button>}
        </nav>
      </header>

      <div class="wr-grid">
        <section class="card" aria-labelledby="wr-generated">
          <h2 id="wr-generated">Your week in numbers</h2>
          <p class="muted card-lede">Written by Kaizen from your check-ins, reading, applications and posts.</p>
          {review.status === 'error' && <Alert>Couldn't refresh the review: {errorMessage(review.error)}</Alert>}
          <div class="wr-markdown" aria-busy={review.status === 'loading' ? 'true' : undefined}>
            <Markdown source={data.markdown} />
          </div>
          <div class="form-actions">
            <CopyButton text={data.markdown} label="Copy as Markdown" />
            <Button onClick={() => downloadText(data.markdown, `review-${data.week}.md`)}>Download .md</Button>
          </div>
        </section>

        <div class="wr-side">
          <NotesCard
            key={data.week}
            review={data}
            onSaved={(fresh) => {
              review.mutate(() => fresh);
              history.reload();
            }}
          />

          <section class="card" aria-labelledby="wr-history">
            <h2 id="wr-history">Past reviews</h2>
            {history.data && history.data.items.length === 0 && <p class="muted">Reviews you save notes on are listed here, week by week.</p>}
            {history.status === 'error' && <Alert>Couldn't load past reviews: {errorMessage(history.error)}</Alert>}
            {history.data && history.data.items.length > 0 && (
              <ul class="home-list">
                {history.data.items.map((r) => (
                  <li key={r.week}>
                    <a href={`/reviews/weekly?week=${r.week}`} aria-current={r.week === data.week ? 'page' : undefined}>
                      {r.week}
                    </a>{' '}
                    <span class="muted">{r.reflection.split('\n')[0]?.slice(0, 80)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </section>
  );
}
