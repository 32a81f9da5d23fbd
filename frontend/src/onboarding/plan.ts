// What POST /api/v1/starter-plan creates, shown before the person takes it. It mirrors the
// backend's starter plan (backend/src/kaizen/goals/starter_plan.py); the API has no preview
// endpoint, so keep the two in step.
import type { Area, Enthusiasm, Importance } from '../goals/labels';

export interface PlanGoal {
  title: string;
  area: Area;
  importance: Importance;
  enthusiasm: Enthusiasm;
}

export const STARTER_GOALS: PlanGoal[] = [
  { title: 'Write paper explanations and blogs', area: 'writing', importance: 'optional', enthusiasm: 'meh' },
  { title: 'Implement papers', area: 'fundamentals', importance: 'optional', enthusiasm: 'meh' },
  { title: 'Get into academic research', area: 'research', importance: 'optional', enthusiasm: 'keen' },
  { title: 'Contribute to open source', area: 'open_source', importance: 'optional', enthusiasm: 'cool' },
  { title: 'Strengthen core CS/ML/DL', area: 'fundamentals', importance: 'required', enthusiasm: 'okay' },
  { title: 'Read a lot', area: 'reading', importance: 'optional', enthusiasm: 'keen' },
  { title: 'Maintain a portfolio', area: 'writing', importance: 'required', enthusiasm: 'okay' },
  { title: 'DSA', area: 'dsa', importance: 'required', enthusiasm: 'okay' },
  { title: 'Apply, assess companies and opportunities', area: 'job_search', importance: 'required', enthusiasm: 'keen' },
];

export const STARTER_ACTION_ITEMS = ['No regular smoking up', 'Gym every day', 'No junk food'];

export const STARTER_SPRINT = { title: 'First fortnight', days: 14, target: 0.75 };

/** ⌈target × days⌉: the days a sprint's target asks for (75% of 14 → 11). */
export function daysRequired(target: number, days: number): number {
  return Math.ceil(target * days - 1e-9);
}
