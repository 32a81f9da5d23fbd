// Every request of the goals domain, typed from the generated schema. Pages and components call
// these, never the raw client. Goal changes forget the cached list the goal pickers share.
import { api, type Schemas } from '../api/client';
import { cached, invalidate } from '../api/cache';
import { unwrap } from '../api/errors';

export type Goal = Schemas['GoalRead'];
export type GoalDetail = Schemas['GoalDetail'];
export type GoalCreate = Schemas['GoalCreate'];
export type GoalUpdate = Schemas['GoalUpdate'];
export type KeyResult = Schemas['KeyResultRead'];
export type KeyResultCreate = Schemas['KeyResultCreate'];
export type KeyResultUpdate = Schemas['KeyResultUpdate'];
export type GoalPage = Schemas['Page_GoalRead_'];

/** The biggest page the API hands out; a person has far fewer goals. */
export const GOALS_LIMIT = 200;
const GOALS_KEY = 'goals';

/** The goals list, fresh from the server (the goals page). */
export function listGoals(): Promise<GoalPage> {
  return unwrap(api.GET('/api/v1/goals', { params: { query: { limit: GOALS_LIMIT } } }));
}

/** The goals list shared by every picker: one request per session until a goal changes. */
export function goalChoices(): Promise<Goal[]> {
  return cached(GOALS_KEY, () => listGoals().then((page) => page.items));
}

/** Forget the shared list (after any goal is created, changed or deleted). */
export function forgetGoalChoices(): void {
  invalidate(GOALS_KEY);
}

export function getGoal(id: number): Promise<GoalDetail> {
  return unwrap(api.GET('/api/v1/goals/{goal_id}', { params: { path: { goal_id: id } } }));
}

export async function createGoal(body: GoalCreate): Promise<Goal> {
  const goal = await unwrap(api.POST('/api/v1/goals', { body }));
  forgetGoalChoices();
  return goal;
}

export async function updateGoal(id: number, body: GoalUpdate): Promise<Goal> {
  const goal = await unwrap(api.PATCH('/api/v1/goals/{goal_id}', { params: { path: { goal_id: id } }, body }));
  forgetGoalChoices();
  return goal;
}

export async function deleteGoal(id: number): Promise<void> {
  await unwrap(api.DELETE('/api/v1/goals/{goal_id}', { params: { path: { goal_id: id } } }));
  forgetGoalChoices();
}

export function createKeyResult(goalId: number, body: KeyResultCreate): Promise<KeyResult> {
  return unwrap(api.POST('/api/v1/goals/{goal_id}/key-results', { params: { path: { goal_id: goalId } }, body }));
}

export function updateKeyResult(goalId: number, id: number, body: KeyResultUpdate): Promise<KeyResult> {
  return unwrap(
    api.PATCH('/api/v1/goals/{goal_id}/key-results/{key_result_id}', {
      params: { path: { goal_id: goalId, key_result_id: id } },
      body,
    }),
  );
}

export async function deleteKeyResult(goalId: number, id: number): Promise<void> {
  await unwrap(
    api.DELETE('/api/v1/goals/{goal_id}/key-results/{key_result_id}', {
      params: { path: { goal_id: goalId, key_result_id: id } },
    }),
  );
}
