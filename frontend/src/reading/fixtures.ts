// Reading items for component tests.
import type { ReadingItem } from './api';
import { EMPTY_DRAFT } from './ItemForm';

export function readingItem(id: number, over: Partial<ReadingItem> = {}): ReadingItem {
  return {
    ...EMPTY_DRAFT,
    id,
    title: `Paper ${id}`,
    citation_key: `key${id}`,
    status: 'queued',
    read_through: 1,
    started_on: null,
    finished_on: null,
    position: id,
    progress_current: 0,
    rating: null,
    notes: '',
    writeup_id: null,
    implementation_id: null,
    created_at: '2026-11-01T00:00:00Z',
    ...over,
  };
}
