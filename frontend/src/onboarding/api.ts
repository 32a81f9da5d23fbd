// The starter plan's requests, typed from the generated schema. Marking someone onboarded is an
// account change: updateMe in src/auth/api.ts.
import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/errors';

export type StarterPlan = Schemas['StarterPlanPreview'];
export type StarterPlanResult = Schemas['StarterPlanRead'];

export function getStarterPlan(): Promise<StarterPlan> {
  return unwrap(api.GET('/api/v1/starter-plan'));
}

export type ActionItemKey = StarterPlan['action_items'][number]['key'];

/** Take the plan, leaving out the action items whose keys are in ``skip``. */
export function takeStarterPlan(skip: ActionItemKey[] = []): Promise<StarterPlanResult> {
  return unwrap(api.POST('/api/v1/starter-plan', { body: { skip } }));
}
