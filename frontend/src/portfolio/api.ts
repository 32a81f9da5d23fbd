// Every request of the portfolio domain, typed from the generated schema.
import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/errors';

export type Entry = Schemas['EntryRead'];
export type EntryCreate = Schemas['EntryCreate'];
export type EntryUpdate = Schemas['EntryUpdate'];
export type EntryStats = Schemas['EntryStats'];

/** The biggest page the API hands out. */
export const ENTRIES_LIMIT = 200;

export function listEntries(): Promise<Schemas['Page_EntryRead_']> {
  return unwrap(api.GET('/api/v1/portfolio-entries', { params: { query: { limit: ENTRIES_LIMIT } } }));
}

export function getEntryStats(): Promise<EntryStats> {
  return unwrap(api.GET('/api/v1/portfolio-entries/stats'));
}

export function createEntry(body: EntryCreate): Promise<Entry> {
  return unwrap(api.POST('/api/v1/portfolio-entries', { body }));
}

export function updateEntry(id: number, body: EntryUpdate): Promise<Entry> {
  return unwrap(api.PATCH('/api/v1/portfolio-entries/{entry_id}', { params: { path: { entry_id: id } }, body }));
}

export async function deleteEntry(id: number): Promise<void> {
  await unwrap(api.DELETE('/api/v1/portfolio-entries/{entry_id}', { params: { path: { entry_id: id } } }));
}
