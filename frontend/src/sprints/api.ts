// Every request of the sprints domain, typed from the generated schema. Pages and components
// call these, never the raw client. (Action items and goals come from their own domains' api.ts.)
import { api, type Schemas } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { ifMatch, unwrapVersioned } from '../api/versions';

export type Sprint = Schemas['SprintRead'];
export type SprintCreate = Schemas['SprintCreate'];
export type SprintUpdate = Schemas['SprintUpdate'];
export type SprintNext = Schemas['SprintNext'];
// The scoreboard with what the sprint produced in its dates (reading, applications, posts).
export type Scoreboard = Schemas['SprintBoard'];
export type ScoreItem = Schemas['ScoreboardItem'];
export type SprintStatus = Sprint['status'];

/** The biggest page the API hands out; a person has far fewer sprints. */
export const SPRINTS_LIMIT = 200;

export function getSprint(id: number): Promise<Sprint> {
  return unwrapVersioned(api.GET('/api/v1/sprints/{sprint_id}', { params: { path: { sprint_id: id } } }));
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
  return unwrap(api.GET('/api/v1/sprints', { params: { query: { limit: SPRINTS_LIMIT } } }));
}

/** The sprint's review as Markdown text. */
export async function getReview(id: number): Promise<string> {
  const text = await unwrap(
    api.GET('/api/v1/sprints/{sprint_id}/review', { params: { path: { sprint_id: id } }, parseAs: 'text' }),
  );
  return typeof text === 'string' ? text : '';
}

export function createSprint(body: SprintCreate): Promise<Schemas['SprintCreated']> {
  return unwrap(api.POST('/api/v1/sprints', { body }));
}

/** ``loaded``: the sprint as the form loaded it, so a stale edit is refused (412) instead of
 * overwriting another tab's save. */
export function updateSprint(id: number, body: SprintUpdate, loaded?: object): Promise<Sprint> {
  const header = loaded ? ifMatch(loaded) : {};
  return unwrap(api.PATCH('/api/v1/sprints/{sprint_id}', { params: { path: { sprint_id: id }, header }, body }));
}

export async function deleteSprint(id: number): Promise<void> {
  await unwrap(api.DELETE('/api/v1/sprints/{sprint_id}', { params: { path: { sprint_id: id } } }));
}

/** Plans the sprint after `id` (from its retrospective). */
export function planNextSprint(id: number, body: SprintNext): Promise<Sprint> {
  return unwrap(api.POST('/api/v1/sprints/{sprint_id}/next', { params: { path: { sprint_id: id } }, body }));
}

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
