// Every request of the reading domain, typed from the generated schema. Pages and components
// call these, never the raw client.
import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/errors';

export type ReadingItem = Schemas['ReadingItemRead'];
export type ReadingItemDetail = Schemas['ReadingItemDetail'];
export type ReadingItemCreate = Schemas['ReadingItemCreate'];
export type ReadingItemUpdate = Schemas['ReadingItemUpdate'];
export type ReadingStats = Schemas['ReadingStats'];
export type LookupResult = Schemas['LookupResult'];
export type ImportResult = Schemas['ImportResult'];
export type ProgressResult = Schemas['ProgressResult'];
export type ReadingSettings = Schemas['SettingsRead'];
export type Kind = ReadingItem['kind'];
export type Status = ReadingItem['status'];
export type Unit = ReadingItem['progress_unit'];
export type ImportFormat = 'bibtex' | 'ris';

/** The biggest page the API hands out. */
export const READING_LIMIT = 200;
export const QUEUE_STATUSES: Status[] = ['reading', 'queued'];
export const LIBRARY_STATUSES: Status[] = ['done', 'dropped'];

export interface ListQuery {
  status?: Status[];
  kind?: Kind;
  tag?: string;
  year?: number;
  q?: string;
  sort?: 'queue' | 'finished' | 'added' | 'title';
}

export function listItems(query: ListQuery = {}): Promise<Schemas['Page_ReadingItemRead_']> {
  return unwrap(api.GET('/api/v1/reading-items', { params: { query: { limit: READING_LIMIT, ...query } } }));
}

/** The queue: what is being read and what is up next, in queue order. */
export function listQueue(): Promise<Schemas['Page_ReadingItemRead_']> {
  return listItems({ status: QUEUE_STATUSES });
}

export function getItem(id: number): Promise<ReadingItemDetail> {
  return unwrap(api.GET('/api/v1/reading-items/{reading_item_id}', { params: { path: { reading_item_id: id } } }));
}

/** A new item's fields; status (queued) and notes (none) may be left out. */
export type NewItem = Omit<ReadingItemCreate, 'notes' | 'status'> & Partial<Pick<ReadingItemCreate, 'notes' | 'status'>>;

export function createItem(body: NewItem): Promise<ReadingItem> {
  return unwrap(api.POST('/api/v1/reading-items', { body: { status: 'queued', notes: '', ...body } }));
}

export function updateItem(id: number, body: ReadingItemUpdate): Promise<ReadingItem> {
  return unwrap(api.PATCH('/api/v1/reading-items/{reading_item_id}', { params: { path: { reading_item_id: id } }, body }));
}

export async function deleteItem(id: number): Promise<void> {
  await unwrap(api.DELETE('/api/v1/reading-items/{reading_item_id}', { params: { path: { reading_item_id: id } } }));
}

export function reorderItems(ids: number[]): Promise<Schemas['Page_ReadingItemRead_']> {
  return unwrap(api.POST('/api/v1/reading-items/reorder', { body: { reading_item_ids: ids } }));
}

/** Logs progress; `key` makes a retry of the same log count once. */
export function logProgress(id: number, amount: number, key: string, date?: string): Promise<ProgressResult> {
  return unwrap(
    api.POST('/api/v1/reading-items/{reading_item_id}/progress', {
      params: { path: { reading_item_id: id }, header: { 'idempotency-key': key } },
      body: date ? { amount, date } : { amount },
    }),
  );
}

export function lookup(identifier: string): Promise<LookupResult> {
  return unwrap(api.POST('/api/v1/reading-items/lookup', { body: { identifier } }));
}

export function startPortfolioEntry(id: number, kind: 'blog_post' | 'implementation'): Promise<Schemas['EntryRead']> {
  return unwrap(
    api.POST('/api/v1/reading-items/{reading_item_id}/portfolio-entry', { params: { path: { reading_item_id: id } }, body: { kind } }),
  );
}

export function getStats(): Promise<ReadingStats> {
  return unwrap(api.GET('/api/v1/reading-items/stats'));
}

export function listTags(): Promise<string[]> {
  return unwrap(api.GET('/api/v1/reading-items/tags'));
}

export function getSettings(): Promise<ReadingSettings> {
  return unwrap(api.GET('/api/v1/reading-settings'));
}

export function putSettings(body: Schemas['SettingsIn']): Promise<ReadingSettings> {
  return unwrap(api.PUT('/api/v1/reading-settings', { body }));
}

const CONTENT_TYPES: Record<ImportFormat, 'application/x-bibtex' | 'application/x-research-info-systems'> = {
  bibtex: 'application/x-bibtex',
  ris: 'application/x-research-info-systems',
};

/** Sends a BibTeX or RIS file as the body; with `dryRun` nothing is created (a preview). */
export function importFile(text: string, format: ImportFormat, dryRun: boolean): Promise<ImportResult> {
  return unwrap(
    api.POST('/api/v1/reading-items/import', {
      params: { query: { dry_run: dryRun } },
      body: text,
      bodySerializer: (body) => body as string,
      headers: { 'Content-Type': CONTENT_TYPES[format] },
    }),
  );
}

/** BibTeX unless it looks like RIS (records start with "TY  - "). */
export function guessFormat(text: string, filename = ''): ImportFormat {
  if (/\.ris$/i.test(filename)) return 'ris';
  if (/\.bib$/i.test(filename)) return 'bibtex';
  return /^TY {2}- /m.test(text) && !/^\s*@\w+\s*[{(]/m.test(text) ? 'ris' : 'bibtex';
}

export const EXPORT_BIB_URL = '/api/v1/reading-items/export.bib';
export const EXPORT_RIS_URL = '/api/v1/reading-items/export.ris';

/** A random key for one progress log (its retries reuse it). */
export function newIdempotencyKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** The user's numeric action items (the ones reading can count toward). */
export async function listNumericHabits(): Promise<Schemas['HabitRead'][]> {
  const page = await unwrap(api.GET('/api/v1/habits', { params: { query: { limit: 200, archived: false } } }));
  return page.items.filter((h) => h.kind === 'numeric');
}
