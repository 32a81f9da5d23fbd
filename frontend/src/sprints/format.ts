// Numbers and dates for the sprint pages. Percentages are floored exactly as the API's review
// text does (0.615… → "61%"), so the board and the Markdown never disagree; the display form is
// the app's one shared formatter (src/ui/charts/format.ts).
import { formatPercent } from '../ui/charts/format';

/** A rate or score as a whole percent, floored; null stays null. (0.29 → 29, not 28.) */
export function wholePercent(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  // Round away binary noise first (0.29 * 100 = 28.999…), then floor: the backend's whole_percent.
  return Math.floor(Math.round(value * 100 * 1e9) / 1e9);
}

/** "61%", or "—" when there is no number yet. */
export const percent = formatPercent;

/** The change in displayed whole percents (61% after 0% → 61), like the review's "up 61 points". */
export function deltaPoints(score: number | null | undefined, previous: number | null | undefined): number | null {
  const now = wholePercent(score);
  const before = wholePercent(previous);
  return now === null || before === null ? null : now - before;
}

/** "+61 points", "−4 points", "±0 points". */
export function formatPoints(points: number): string {
  const unit = Math.abs(points) === 1 ? 'point' : 'points';
  if (points > 0) return `+${points} ${unit}`;
  if (points < 0) return `−${-points} ${unit}`;
  return `±0 ${unit}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Days between two ISO dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** An ISO date moved by `days`. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE_RE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const dayYearFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "14 Nov 2026" for an ISO date (a calendar day: no timezone shift). */
export function formatDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : dayYearFormat.format(d);
}

/** "14 Nov – 27 Nov 2026", or with both years when they differ. */
export function formatRange(start: string, end: string): string {
  const s = new Date(`${start}T00:00:00Z`);
  const e = new Date(`${end}T00:00:00Z`);
  if (Number.isNaN(s.getTime()) || Number.isNaN(e.getTime())) return `${start} – ${end}`;
  const sameYear = s.getUTCFullYear() === e.getUTCFullYear();
  return `${sameYear ? dayFormat.format(s) : dayYearFormat.format(s)} – ${dayYearFormat.format(e)}`;
}

/** Target rate as the number typed in a percentage input: 0.75 → "75", 0.825 → "82.5". */
export function rateToPercentInput(rate: number): string {
  return String(Math.round(rate * 100 * 1000) / 1000);
}

/** "75" → 0.75; null when it is not a number. */
export function percentInputToRate(value: string): number | null {
  const text = value.trim().replace(',', '.').replace(/%$/, '').trim();
  if (!text || !/^-?\d+(\.\d+)?$/.test(text)) return null;
  return Math.round(Number(text) * 1000) / 100_000;
}
