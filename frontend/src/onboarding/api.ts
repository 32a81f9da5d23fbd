// The starter plan's requests, typed from the generated schema. Marking someone onboarded is an
// account change: updateMe in src/auth/api.ts.
import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/errors';

export type StarterPlan = Schemas['StarterPlanPreview'];
export type StarterPlanResult = Schemas['StarterPlanRead'];

export function getStarterPlan(): Promise<StarterPlan> {
  return unwrap(api.GET('/api/v1/starter-plan'));
}

export function takeStarterPlan(): Promise<StarterPlanResult> {
  return unwrap(api.POST('/api/v1/starter-plan'));
}
