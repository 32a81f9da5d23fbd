// Friendly words for the portfolio enums the API uses, in the order a person reads them.
import type { Entry } from './api';

export type EntryKind = Entry['kind'];
export type EntryStatus = Entry['status'];

export const KINDS: { value: EntryKind; label: string }[] = [
  { value: 'blog_post', label: 'Blog post' },
  { value: 'implementation', label: 'Paper implementation' },
  { value: 'open_source', label: 'Open-source contribution' },
  { value: 'project', label: 'Project' },
  { value: 'talk', label: 'Talk' },
  { value: 'other', label: 'Other' },
];

/** idea → drafting → published: the columns of the board, in order. */
export const STATUSES: { value: EntryStatus; label: string }[] = [
  { value: 'idea', label: 'Idea' },
  { value: 'drafting', label: 'Drafting' },
  { value: 'published', label: 'Published' },
];

export function kindLabel(kind: string): string {
  return KINDS.find((k) => k.value === kind)?.label ?? kind;
}

export function entryStatusLabel(status: string): string {
  return STATUSES.find((s) => s.value === status)?.label ?? status;
}
