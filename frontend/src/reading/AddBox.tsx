// Paste an arXiv/DOI link or an ISBN and its details are fetched; type a title and it is added
// as it is; another link opens the form with the link filled in. When the lookup fails (offline, unknown id) the form opens for manual entry with
// what the pasted text already tells.
import { useState } from 'preact/hooks';
import { ApiError, errorMessage } from '../api/errors';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { TextField } from '../ui/Field';
import { createItem, lookup, type ReadingItem } from './api';
import { EMPTY_DRAFT, ItemForm, type ItemDraft } from './ItemForm';
import { looksLikeIdentifier } from './labels';

/** What the pasted text says by itself (for the manual form after a failed lookup). */
export function draftFromIdentifier(text: string): ItemDraft {
  const t = text.trim();
  const arxiv = /(?:arxiv\.org\/(?:abs|pdf)\/|^arxiv:|^)(\d{4}\.\d{4,5})(?:v\d+)?(?:\.pdf)?$/i.exec(t)?.[1] ?? null;
  const doi = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)?(10\.\d{4,9}\/\S+)$/i.exec(t)?.[1] ?? null;
  const digits = t.replace(/^isbn[:\s]*/i, '').replace(/[\s-]/g, '');
  const isbn = !arxiv && !doi && /^\d{9}[\dXx]$|^\d{13}$/.test(digits) ? digits : null;
  return {
    ...EMPTY_DRAFT,
    kind: isbn ? 'book' : 'paper',
    url: /^https?:\/\//i.test(t) ? t : arxiv ? `https://arxiv.org/abs/${arxiv}` : doi ? `https://doi.org/${doi}` : null,
    arxiv_id: arxiv,
    doi,
    isbn,
  };
}

type Stage =
  | { kind: 'idle' }
  | { kind: 'found'; draft: ItemDraft; source: string }
  | { kind: 'manual'; draft: ItemDraft; reason: string };

export function AddBox({ onAdded }: { onAdded: (item: ReadingItem) => void }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });

  const add = async (draft: ItemDraft) => {
    const item = await createItem(draft);
    setStage({ kind: 'idle' });
    setText('');
    onAdded(item);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const value = text.trim();
    if (!value || busy) return;
    setError(null);
    setBusy(true);
    try {
      if (/^https?:\/\/\S+$/i.test(value) && !looksLikeIdentifier(value)) {
        // A link to a blog post or a course page: nothing to look up, and not a title either.
        setStage({ kind: 'manual', reason: 'Only arXiv, DOI and ISBN details can be fetched.', draft: { ...EMPTY_DRAFT, kind: 'article', url: value } });
        return;
      }
      if (!looksLikeIdentifier(value)) {
        await add({ ...EMPTY_DRAFT, title: value.slice(0, 500) });
        return;
      }
      try {
        const found = await lookup(value);
        const { source, ...rest } = found;
        setStage({ kind: 'found', source, draft: { ...EMPTY_DRAFT, ...rest, progress_total: rest.progress_total ?? null } });
      } catch (err) {
        const reason =
          err instanceof ApiError && err.status === 404
            ? 'No record was found for that.'
            : `Couldn't fetch the details: ${errorMessage(err).replace(/\.?$/, '.')}`;
        setStage({ kind: 'manual', reason, draft: draftFromIdentifier(value) });
      }
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const sourceName: Record<string, string> = { arxiv: 'arXiv', crossref: 'Crossref', openlibrary: 'Open Library' };
  return (
    <section class="card rd-add" aria-label="Add reading">
      <form class="rd-add-form" noValidate onSubmit={(e) => void submit(e)}>
        <TextField
          label="Add to the queue"
          hint="Paste an arXiv or DOI link, an ISBN, or type a title."
          placeholder="https://arxiv.org/abs/1706.03762"
          maxLength={500}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <Button type="submit" variant="primary" busy={busy} busyLabel="Adding…" class="rd-add-submit">
          Add
        </Button>
      </form>
      {error && <Alert>{error}</Alert>}
      {stage.kind !== 'idle' && (
        <div class="rd-add-stage">
          <ItemForm
            key={`${stage.kind}:${JSON.stringify(stage.draft)}`}
            initial={stage.draft}
            submitLabel="Add to queue"
            busyLabel="Adding…"
            onSubmit={add}
            onCancel={() => setStage({ kind: 'idle' })}
            intro={
              stage.kind === 'found' ? (
                <Alert kind="success">Found on {sourceName[stage.source] ?? stage.source}. Check the details and add it.</Alert>
              ) : (
                <Alert kind="info">{stage.reason} Enter the details yourself.</Alert>
              )
            }
          />
        </div>
      )}
    </section>
  );
}
