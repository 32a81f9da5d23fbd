// Pure helpers of the board: columns by stage, days in a stage, keyboard moves, due flags.
import { STAGES } from './labels';
import type { Application, Stage } from './api';

const DAY_MS = 86_400_000;

export function byStage(apps: Application[]): Map<Stage, Application[]> {
  const columns = new Map<Stage, Application[]>(STAGES.map((s) => [s.value, []]));
  for (const app of apps) columns.get(app.stage)?.push(app);
  return columns;
}

/** Whole days since the current stage began. */
export function daysInStage(app: Pick<Application, 'stage_changed_at'>, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(app.stage_changed_at).getTime()) / DAY_MS));
}

/** The stage `step` columns away (ArrowLeft = -1, ArrowRight = +1), or null at either end. */
export function neighbourStage(stage: Stage, step: -1 | 1): Stage | null {
  const i = STAGES.findIndex((s) => s.value === stage);
  return STAGES[i + step]?.value ?? null;
}

/** A follow-up date that is today or past (today in the user's timezone, 'YYYY-MM-DD'). */
export function followUpDue(app: Pick<Application, 'follow_up_on'>, today: string): boolean {
  return app.follow_up_on !== null && app.follow_up_on !== undefined && app.follow_up_on <= today;
}

/** Today's date in an IANA timezone, as 'YYYY-MM-DD'. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/** Find an organization by name, ignoring case and surrounding spaces. */
export function findByName<T extends { name: string }>(items: T[], name: string): T | undefined {
  const wanted = name.trim().toLowerCase();
  return items.find((o) => o.name.trim().toLowerCase() === wanted);
}
