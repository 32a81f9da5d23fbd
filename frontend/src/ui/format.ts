// The app's shared formatters: percentages, numbers, calendar dates, months and timestamps.
// Domain files keep only what is specific to them (points, plurals, date maths).

// ---- percentages -------------------------------------------------------------------------------

/**
 * A rate (0..1) as a floored whole number of percent: 0.615 → 61. Floored, never rounded, so
 * "75%" always means the target was really reached. A tiny epsilon keeps 0.29 * 100 =
 * 28.999999999999996 from showing as 28.
 */
export function flooredPercent(rate: number): number {
  return Math.floor(rate * 100 + 1e-9);
}

/**
 * A rate (0..1) as a floored whole percentage: 0.615 → "61%", 1 → "100%", null → "—".
 * Floored, never rounded, so "75%" always means the target was really reached.
 */
export function formatPercent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '—';
  return `${flooredPercent(rate)}%`;
}

/**
 * A rate or score as a whole percent, floored exactly as the backend's whole_percent (and the
 * API's review text) does; null stays null. (0.29 → 29, not 28.)
 */
export function wholePercent(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  // Round away binary noise first (0.29 * 100 = 28.999…), then floor: the backend's whole_percent.
  return Math.floor(Math.round(value * 100 * 1e9) / 1e9);
}

// ---- numbers -----------------------------------------------------------------------------------

/** A plain number without trailing zeros: 3 → "3", 2.5 → "2.5", 0.3333 → "0.33". */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return String(Math.round(value * 100) / 100);
}

/** A number exactly as stored, with digit grouping: 1234.5 → "1,234.5". */
export function formatGroupedNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

// ---- calendar dates and months -----------------------------------------------------------------

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * An ISO calendar date ("2024-11-04") as "4 Nov 2024" (English three-letter months: "4 Sep 2024");
 * it has no time zone, so none is applied. Empty → "—"; anything else unparsable is shown as is.
 */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const month = MONTHS[Number(match[2]) - 1];
  return month ? `${Number(match[3])} ${month} ${match[1]}` : iso;
}

/** "2024-11" as "Nov 2024" (or "Nov" when short). */
export function formatMonth(month: string, short = false): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const name = MONTHS[Number(match[2]) - 1];
  if (!name) return month;
  return short ? name : `${name} ${match[1]}`;
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const dayYearFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "14 Nov" for an ISO date, in British English ("4 Sept") — a calendar day: no timezone shift. */
export function formatDayMonthGB(iso: string): string {
  return dayFormat.format(new Date(`${iso}T00:00:00Z`));
}

/**
 * "14 Nov 2026" for an ISO date, in British English (September is "Sept") — a calendar day: no
 * timezone shift. Unparsable dates are shown as is.
 */
export function formatDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : dayYearFormat.format(d);
}

/** "14 Nov – 27 Nov 2026", or with both years when they differ (British English, as formatDay). */
export function formatRange(start: string, end: string): string {
  const s = new Date(`${start}T00:00:00Z`);
  const e = new Date(`${end}T00:00:00Z`);
  if (Number.isNaN(s.getTime()) || Number.isNaN(e.getTime())) return `${start} – ${end}`;
  const sameYear = s.getUTCFullYear() === e.getUTCFullYear();
  return `${sameYear ? dayFormat.format(s) : dayYearFormat.format(s)} – ${dayYearFormat.format(e)}`;
}

// ---- timestamps --------------------------------------------------------------------------------

/** A UTC timestamp shown in the user's timezone, e.g. "3 Mar 2026, 14:05" (British English, 24 h). */
export function formatDateTime(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  try {
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en-GB', options).format(date);
  }
}

/** A moment soon, in the user's timezone: "Thu 3 Dec, 18:00" (events, follow-ups). */
export function formatMoment(iso: string, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  try {
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat('en-GB', options).format(new Date(iso));
  }
}
