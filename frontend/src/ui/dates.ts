// The one module for calendar dates as the API sends them ('YYYY-MM-DD' in the user's timezone):
// checking, moving and naming them. All maths is done in UTC on purpose: these are dates, not
// instants, and the browser's own timezone is irrelevant. (Formatting a date for display in a
// sentence — "4 Nov 2024" — lives with the other formatters in ./format.ts.)

import { MONTHS, WEEKDAYS } from './format';

const DAY_MS = 86_400_000;

export const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `value` is a real calendar date written as YYYY-MM-DD ("2024-02-30" is not). */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE_RE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function toMs(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

export function fromMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** An ISO date moved by `days` (negative: back). */
export function addDays(date: string, days: number): string {
  return fromMs(toMs(date) + days * DAY_MS);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return ((new Date(toMs(date)).getUTCDay() + 6) % 7) + 1;
}

/** "Wed 27 Nov" */
export function shortDay(date: string): string {
  const d = new Date(toMs(date));
  return `${WEEKDAYS[isoWeekday(date) - 1]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/** "Wednesday, 27 November 2024" (without the year: "Wednesday, 27 November") */
export function longDay(date: string, withYear = true): string {
  const options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' };
  if (withYear) options.year = 'numeric';
  return new Intl.DateTimeFormat('en-GB', options).format(new Date(toMs(date)));
}

/** "27 Nov" */
export function dayMonth(date: string): string {
  const d = new Date(toMs(date));
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/** "Nov 2024" from "2024-11" or a full date. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/** Days from one ISO date to another (to − from). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toMs(to) - toMs(from)) / DAY_MS);
}
