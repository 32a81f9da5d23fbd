// Reading items for component tests.
import type { ReadingItem } from './api';

export function readingItem(id: number, over: Partial<ReadingItem> = {}): ReadingItem {
  return {
    id,
    kind: 'paper',
    title: `Paper ${id}`,
    authors: [],
    year: null,
    venue: null,
    url: null,
    arxiv_id: null,
    doi: null,
    isbn: null,
    tags: [],
    citation_key: `key${id}`,
    status: 'queued',
    read_through: 1,
    started_on: null,
    finished_on: null,
    position: id,
    progress_current: 0,
    progress_total: null,
    progress_unit: 'pages',
    rating: null,
    notes: '',
    goal_id: null,
    writeup_id: null,
    implementation_id: null,
    created_at: '2026-11-01T00:00:00Z',
    ...over,
  };
}
