import type { Kind, Status, Unit } from './api';

export const KINDS: { value: Kind; label: string }[] = [
  { value: 'paper', label: 'Paper' },
  { value: 'book', label: 'Book' },
  { value: 'article', label: 'Article' },
  { value: 'course', label: 'Course' },
  { value: 'video', label: 'Video' },
  { value: 'chapter', label: 'Chapter' },
];

export const STATUSES: { value: Status; label: string }[] = [
  { value: 'queued', label: 'Up next' },
  { value: 'reading', label: 'Reading' },
  { value: 'done', label: 'Done' },
  { value: 'dropped', label: 'Dropped' },
];

export const UNITS: { value: Unit; label: string }[] = [
  { value: 'pages', label: 'Pages' },
  { value: 'sections', label: 'Sections' },
  { value: 'minutes', label: 'Minutes' },
  { value: 'percent', label: 'Percent' },
];

export function kindLabel(kind: string): string {
  return KINDS.find((k) => k.value === kind)?.label ?? kind;
}

export function statusLabel(status: string): string {
  return STATUSES.find((s) => s.value === status)?.label ?? status;
}

/** "12 pages", "1 page", "30 minutes", "40%". */
export function amountLabel(amount: number, unit: string): string {
  const n = Math.round(amount * 10) / 10;
  if (unit === 'percent') return `${n}%`;
  const singular = unit.replace(/s$/, '');
  return `${n} ${n === 1 ? singular : unit}`;
}

/** "Vaswani, Shazeer et al." style: up to two names, then "et al.". */
export function authorsShort(authors: string[]): string {
  const last = (name: string) => name.split(' ').filter(Boolean).pop() ?? name;
  if (authors.length === 0) return '';
  if (authors.length <= 2) return authors.map(last).join(' & ');
  return `${last(authors[0]!)} et al.`;
}

/** Progress as a 0..1 fraction, or null when the item has no total. */
export function progressFraction(current: number, total: number | null | undefined, unit: string): number | null {
  const whole = unit === 'percent' ? (total ?? 100) : total;
  if (!whole) return null;
  return Math.max(0, Math.min(1, current / whole));
}

/** What the add box holds: an identifier to look up, or a plain title. */
export function looksLikeIdentifier(text: string): boolean {
  const t = text.trim();
  return (
    /arxiv\.org\/(abs|pdf)\//i.test(t) ||
    /^(arxiv:)?\d{4}\.\d{4,5}(v\d+)?$/i.test(t) ||
    /^(https?:\/\/(dx\.)?doi\.org\/|doi:)?10\.\d{4,9}\/\S+$/i.test(t) ||
    /^(isbn[:\s]*)?[\d-]{9,16}[\dXx]$/i.test(t.replace(/\s/g, ''))
  );
}

/** Only http(s) links are rendered as links. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  return /^https?:\/\//i.test(url) ? url : null;
}
