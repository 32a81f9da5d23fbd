// ISO weeks ("2026-W48") for the weekly review's navigation.
import { addDays } from '../ui/dates';

const WEEK_RE = /^(\d{4})-W(\d{2})$/;

export function isIsoWeek(value: string | undefined): value is string {
  return !!value && WEEK_RE.test(value);
}

/** The Monday of an ISO week. */
export function mondayOf(week: string): string {
  const [, y, w] = WEEK_RE.exec(week)!;
  // 4 January is always in week 1.
  const jan4 = new Date(Date.UTC(Number(y), 0, 4));
  const monday1 = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000);
  return addDays(monday1.toISOString().slice(0, 10), (Number(w) - 1) * 7);
}

/** The ISO week a date falls in. */
export function weekOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / 86_400_000 / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function shiftWeek(week: string, by: number): string {
  return weekOf(addDays(mondayOf(week), by * 7));
}
