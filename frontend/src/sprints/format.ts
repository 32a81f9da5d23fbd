// Sprint-specific numbers: points, plurals and the target input. Shared formatters (floored
// percentages, calendar days and ranges) live in src/ui/format.ts, date maths in src/ui/dates.ts.
import { wholePercent } from '../ui/format';

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

/** The target typed as a percentage: what is wrong with it, or undefined. */
export function checkTargetInput(value: string, example: number): string | undefined {
  const rate = percentInputToRate(value);
  if (rate === null) return `Enter the target as a percentage, e.g. ${example}.`;
  if (rate < 0 || rate > 1) return 'The target must be between 0 and 100 %.';
  return undefined;
}

/** How many of `days` days a daily item needs to reach `rate`; null when either is out of range. */
export function daysNeeded(rate: number | null, days: number | null): number | null {
  if (rate === null || rate < 0 || rate > 1 || days === null || !(days > 0)) return null;
  return Math.ceil(Math.round(rate * days * 1e9) / 1e9);
}

/**
 * A target for the next sprint from this one's numbers: a little higher than what was really
 * done (the score floored to 5 %, plus 5 points), never above 100 %, never more than 10 points
 * above this sprint's target, and not below 50 % — "small achievable goals". A sprint without
 * a score keeps its target.
 */
export function suggestTarget(score: number | null, target: number): number {
  if (score === null) return target;
  const done = Math.floor(Math.round(score * 100 * 1e9) / 1e9 / 5) * 5;
  const next = Math.min(done + 5, Math.round(target * 100) + 10, 100);
  return Math.max(next, 50) / 100;
}
