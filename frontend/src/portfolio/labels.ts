import type { Schemas } from '../api/client';

export type Entry = Schemas['EntryRead'];
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

/** Only http(s) links are accepted by the API (and only those are safe to render as links). */
export function checkUrl(raw: string): string | undefined {
  const text = raw.trim();
  if (!text) return undefined;
  if (text.length > 2000) return 'Use at most 2,000 characters.';
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'Use a link starting with https:// or http://.';
    return undefined;
  } catch {
    return 'Enter a full link, like https://example.com/my-post.';
  }
}

/** A link from the API, only if it is http(s) — anything else is shown as text, never as a link. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  return /^https?:\/\//i.test(url) ? url : null;
}
