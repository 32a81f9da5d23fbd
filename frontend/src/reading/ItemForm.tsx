// The one form for a reading item's details: adding by hand (also the fallback when a lookup
// fails) and editing. Sends only what changed when editing.
import type { ComponentChildren } from 'preact';
import { GoalPicker } from '../goals/GoalPicker';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { Field, SelectField, TextField } from '../ui/Field';
import { useForm } from '../ui/form';
import type { Kind, Unit } from './api';
import { KINDS, UNITS } from './labels';

export interface ItemDraft {
  title: string;
  kind: Kind;
  authors: string[];
  year: number | null;
  venue: string | null;
  url: string | null;
  arxiv_id: string | null;
  doi: string | null;
  isbn: string | null;
  tags: string[];
  progress_total: number | null;
  progress_unit: Unit;
  goal_id: number | null;
}

export const EMPTY_DRAFT: ItemDraft = {
  title: '',
  kind: 'paper',
  authors: [],
  year: null,
  venue: null,
  url: null,
  arxiv_id: null,
  doi: null,
  isbn: null,
  tags: [],
  progress_total: null,
  progress_unit: 'pages',
  goal_id: null,
};

type Values = {
  title: string;
  kind: string;
  authors: string;
  year: string;
  venue: string;
  url: string;
  arxiv_id: string;
  doi: string;
  isbn: string;
  tags: string;
  progress_total: string;
  progress_unit: string;
  goal_id: number | null;
};

function toValues(d: ItemDraft): Values {
  return {
    title: d.title,
    kind: d.kind,
    authors: d.authors.join('\n'),
    year: d.year === null ? '' : String(d.year),
    venue: d.venue ?? '',
    url: d.url ?? '',
    arxiv_id: d.arxiv_id ?? '',
    doi: d.doi ?? '',
    isbn: d.isbn ?? '',
    tags: d.tags.join(', '),
    progress_total: d.progress_total === null ? '' : String(d.progress_total),
    progress_unit: d.progress_unit,
    goal_id: d.goal_id,
  };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

export function toBody(v: Values): ItemDraft {
  return {
    title: v.title.trim(),
    kind: v.kind as Kind,
    authors: v.authors.split('\n').map((a) => a.trim()).filter(Boolean),
    year: v.year.trim() ? Number(v.year) : null,
    venue: orNull(v.venue),
    url: orNull(v.url),
    arxiv_id: orNull(v.arxiv_id),
    doi: orNull(v.doi),
    isbn: orNull(v.isbn),
    tags: [...new Set(v.tags.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean))],
    progress_total: v.progress_total.trim() ? Number(v.progress_total) : null,
    progress_unit: v.progress_unit as Unit,
    goal_id: v.goal_id,
  };
}

export function validate(v: Values): Partial<Record<keyof Values, string>> {
  const year = v.year.trim();
  const total = v.progress_total.trim();
  return {
    title: !v.title.trim() ? 'Give it a title.' : v.title.trim().length > 500 ? 'Use at most 500 characters.' : undefined,
    year: year && !/^\d{1,4}$/.test(year) ? 'A year like 2017.' : year && Number(year) > 2100 ? 'A year up to 2100.' : undefined,
    url: v.url.trim() && !/^https?:\/\/\S+$/i.test(v.url.trim()) ? 'Use a link starting with https:// or http://.' : undefined,
    arxiv_id: v.arxiv_id.trim() && !/^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?$/.test(v.arxiv_id.trim()) ? 'An arXiv id like 1706.03762.' : undefined,
    doi: v.doi.trim() && !/^10\.\d{4,9}\/\S+$/.test(v.doi.trim()) ? 'A DOI like 10.1038/nature14539.' : undefined,
    isbn: v.isbn.trim() && !/^[0-9Xx-]{10,17}$/.test(v.isbn.trim()) ? 'An ISBN of 10 or 13 digits.' : undefined,
    tags: v.tags.split(',').some((t) => t.trim().length > 40 || t.includes('|')) ? 'Tags of up to 40 characters, without “|”.' : undefined,
    progress_total: total && !(Number(total) > 0 && Number(total) <= 100000) ? 'A number above 0.' : undefined,
  };
}

interface Props {
  initial?: ItemDraft;
  submitLabel: string;
  busyLabel: string;
  /** Gets the whole draft; an edit form compares it with `initial` itself. */
  onSubmit: (draft: ItemDraft) => Promise<void>;
  onCancel?: () => void;
  intro?: ComponentChildren;
}

export function ItemForm({ initial = EMPTY_DRAFT, submitLabel, busyLabel, onSubmit, onCancel, intro }: Props) {
  const form = useForm<Values>({
    initial: toValues(initial),
    validate,
    submit: (v) => onSubmit(toBody(v)),
  });
  return (
    <form class="form rd-form" noValidate onSubmit={form.onSubmit}>
      {intro}
      <TextField label="Title" maxLength={500} required error={form.errors.title} {...form.bind('title')} />
      <div class="rd-form-row">
        <SelectField label="Kind" options={KINDS} error={form.errors.kind} {...form.bind('kind')} />
        <TextField label="Year" note="optional" inputMode="numeric" maxLength={4} error={form.errors.year} {...form.bind('year')} />
      </div>
      <Field label="Authors" note="one per line, in order" error={form.errors.authors}>
        {(control) => <textarea class="input" rows={3} {...control} {...form.bind('authors')} />}
      </Field>
      <TextField label="Venue" note="journal, conference or publisher" maxLength={300} error={form.errors.venue} {...form.bind('venue')} />
      <TextField label="Link" note="optional" type="url" maxLength={2000} error={form.errors.url} {...form.bind('url')} />
      <div class="rd-form-row rd-form-row-3">
        <TextField label="arXiv id" note="optional" maxLength={40} error={form.errors.arxiv_id} {...form.bind('arxiv_id')} />
        <TextField label="DOI" note="optional" maxLength={200} error={form.errors.doi} {...form.bind('doi')} />
        <TextField label="ISBN" note="optional" maxLength={17} error={form.errors.isbn} {...form.bind('isbn')} />
      </div>
      <TextField label="Tags" note="comma-separated" maxLength={1000} error={form.errors.tags} {...form.bind('tags')} />
      <div class="rd-form-row">
        <TextField label="Length" note="optional" inputMode="decimal" error={form.errors.progress_total} {...form.bind('progress_total')} />
        <SelectField label="Counted in" options={UNITS} error={form.errors.progress_unit} {...form.bind('progress_unit')} />
      </div>
      <GoalPicker name="goal_id" value={form.values.goal_id} onChange={(id) => form.set('goal_id', id)} error={form.errors.goal_id} />
      {form.formError && <Alert>{form.formError}</Alert>}
      <div class="form-actions">
        <Button type="submit" variant="primary" busy={form.busy} busyLabel={busyLabel}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}

/** The fields of `next` that differ from `before` (what an edit sends). */
export function changedFields(before: ItemDraft, next: ItemDraft): Partial<ItemDraft> {
  const out: Partial<ItemDraft> = {};
  for (const key of Object.keys(next) as (keyof ItemDraft)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(next[key])) (out as Record<string, unknown>)[key] = next[key];
  }
  return out;
}
