// Finished and dropped reading, with filters (kind, tag, year, status) and a search; the stats
// chart on top. Filters live in the URL so a tag link lands filtered.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { SelectField, TextField } from '../ui/Field';
import { formatDate } from '../ui/format';
import { ErrorState, Loading } from '../ui/Status';
import { useRequest } from '../ui/useRequest';
import { LIBRARY_STATUSES, listItems, listTags, type Kind, type Status } from './api';
import { ReadingNav } from './ReadingNav';
import { Stats } from './Stats';
import { ItemMeta } from './ItemMeta';
import { KINDS, statusLabel } from './labels';
import './reading.css';

interface Filters {
  q: string;
  kind: string;
  tag: string;
  year: string;
  status: string;
}

export default function LibraryPage() {
  const { query } = useLocation();
  const [filters, setFilters] = useState<Filters>({
    q: query.q ?? '',
    kind: query.kind ?? '',
    tag: query.tag ?? '',
    year: query.year ?? '',
    status: query.status ?? '',
  });
  const [applied, setApplied] = useState(filters);
  const year = /^\d{1,4}$/.test(applied.year.trim()) ? Number(applied.year) : undefined;
  const list = useRequest(
    () =>
      listItems({
        status: applied.status ? [applied.status as Status] : LIBRARY_STATUSES,
        sort: 'finished',
        ...(applied.kind ? { kind: applied.kind as Kind } : {}),
        ...(applied.tag ? { tag: applied.tag } : {}),
        ...(year !== undefined ? { year } : {}),
        ...(applied.q.trim() ? { q: applied.q.trim() } : {}),
      }),
    [applied],
  );
  const tags = useRequest(listTags);
  const set = (key: keyof Filters, value: string, now = true) => {
    const next = { ...filters, [key]: value };
    setFilters(next);
    if (now) setApplied(next);
  };
  const items = list.data?.items ?? [];

  return (
    <section class="page rd-page">
      <header class="page-header">
        <h1 tabIndex={-1}>Library</h1>
        <p class="muted">What you have finished (and what you dropped).</p>
      </header>
      <ReadingNav current="/reading/library" />
      <section class="card" aria-labelledby="rd-stats-title">
        <h2 id="rd-stats-title">Stats</h2>
        <Stats />
      </section>
      <form
        class="rd-filters"
        role="search"
        aria-label="Filter the library"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(filters);
        }}
      >
        <TextField label="Search" type="search" placeholder="Title or author" maxLength={200} value={filters.q} onInput={(e) => set('q', e.currentTarget.value, false)} onBlur={() => setApplied(filters)} />
        <SelectField label="Kind" options={[{ value: '', label: 'All kinds' }, ...KINDS]} value={filters.kind} onChange={(e) => set('kind', e.currentTarget.value)} />
        <SelectField
          label="Tag"
          options={[{ value: '', label: 'All tags' }, ...(tags.data ?? []).map((t) => ({ value: t, label: t })), ...(filters.tag && !(tags.data ?? []).includes(filters.tag) ? [{ value: filters.tag, label: filters.tag }] : [])]}
          value={filters.tag}
          onChange={(e) => set('tag', e.currentTarget.value)}
        />
        <TextField label="Year" inputMode="numeric" maxLength={4} value={filters.year} onInput={(e) => set('year', e.currentTarget.value, false)} onBlur={() => setApplied(filters)} />
        <SelectField
          label="Status"
          options={[{ value: '', label: 'Done and dropped' }, { value: 'done', label: 'Done' }, { value: 'dropped', label: 'Dropped' }]}
          value={filters.status}
          onChange={(e) => set('status', e.currentTarget.value)}
        />
        <button type="submit" class="btn rd-filters-submit">
          Search
        </button>
      </form>
      {list.status === 'error' && !list.data ? (
        <ErrorState title="Couldn't load your library" error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading label="Loading the library…" minHeight="10rem" />
      ) : items.length === 0 ? (
        <p class="empty">{Object.values(applied).some(Boolean) ? 'Nothing matches these filters.' : 'Nothing finished yet. Finish something from the queue and it lands here.'}</p>
      ) : (
        <>
          <p class="muted" aria-live="polite">
            {list.data.total} item{list.data.total === 1 ? '' : 's'}
            {list.data.total > items.length && `, showing the first ${items.length}`}
          </p>
          <ul class="rd-library">
            {items.map((item) => (
              <li key={item.id} class="rd-row">
                <div class="rd-row-main">
                  <p class="rd-row-title">
                    <a href={`/reading/${item.id}`}>{item.title}</a>
                  </p>
                  <ItemMeta item={item}>
                    {item.status === 'dropped' ? <span>{statusLabel('dropped')}</span> : item.finished_on && <span>Finished {formatDate(item.finished_on)}</span>}
                    {item.rating !== null && <span aria-label={`Rated ${item.rating} of 5`}>{'★'.repeat(item.rating)}</span>}
                  </ItemMeta>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
