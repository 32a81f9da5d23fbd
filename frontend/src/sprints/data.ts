// Requests the sprint pages share. Everything is typed from the generated schema.
import { api, type Schemas } from '../api/client';
import { ApiError, unwrap } from '../api/errors';

export type Sprint = Schemas['SprintRead'];
export type Scoreboard = Schemas['Scoreboard'];
export type ScoreItem = Schemas['ScoreboardItem'];
export type Habit = Schemas['HabitRead'];
export type Goal = Schemas['GoalRead'];
export type SprintStatus = Sprint['status'];

/** The biggest page the API hands out; a person has far fewer sprints, habits or goals. */
export const PAGE_MAX = 200;

export const sprintPath = (id: number) => `/sprints/${id}`;
export const retroPath = (id: number) => `/sprints/${id}/retro`;
export const editPath = (id: number) => `/sprints/${id}/edit`;
export const HISTORY_PATH = '/sprints/history';
export const NEW_PATH = '/sprints/new';
export const CURRENT_PATH = '/sprints';

export function getSprint(id: number): Promise<Sprint> {
  return unwrap(api.GET('/api/v1/sprints/{sprint_id}', { params: { path: { sprint_id: id } } }));
}

export function getScoreboard(id: number): Promise<Scoreboard> {
  return unwrap(api.GET('/api/v1/sprints/{sprint_id}/scoreboard', { params: { path: { sprint_id: id } } }));
}

/** The sprint containing today, or null when there is none (the API answers 404). */
export async function getCurrentSprint(): Promise<Sprint | null> {
  try {
    return await unwrap(api.GET('/api/v1/sprints/current'));
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}

export function listSprints(): Promise<Schemas['Page_SprintRead_']> {
  return unwrap(api.GET('/api/v1/sprints', { params: { query: { limit: PAGE_MAX } } }));
}

export async function getReview(id: number): Promise<string> {
  const text = await unwrap(
    api.GET('/api/v1/sprints/{sprint_id}/review', { params: { path: { sprint_id: id } }, parseAs: 'text' }),
  );
  return typeof text === 'string' ? text : '';
}

export function listHabits(): Promise<Schemas['Page_HabitRead_']> {
  return unwrap(api.GET('/api/v1/habits', { params: { query: { limit: PAGE_MAX } } }));
}

export function listGoals(): Promise<Schemas['Page_GoalRead_']> {
  return unwrap(api.GET('/api/v1/goals', { params: { query: { limit: PAGE_MAX } } }));
}

export async function getToday(): Promise<string> {
  const today = await unwrap(api.GET('/api/v1/today'));
  return today.date;
}

/** Where a sprint's link goes: the live board. */
export const STATUS_LABEL: Record<SprintStatus, string> = {
  planned: 'Planned',
  active: 'Running',
  finished: 'Finished',
};

// Warnings from creating a sprint (it overlaps another), shown once on its board after the
// form navigates there. Kept in memory: a reload has nothing new to say.
const createdWarnings = new Map<number, string[]>();

export function rememberWarnings(sprintId: number, warnings: string[] | undefined): void {
  if (warnings && warnings.length > 0) createdWarnings.set(sprintId, warnings);
}

export function takeWarnings(sprintId: number): string[] {
  const warnings = createdWarnings.get(sprintId) ?? [];
  createdWarnings.delete(sprintId);
  return warnings;
}
