// Friendly words for the goal enums the API uses, in the order a person reads them.
import type { Goal } from './api';

export type Area = Goal['area'];
export type Importance = Goal['importance'];
export type Enthusiasm = Goal['enthusiasm'];
export type GoalStatus = Goal['status'];

export const AREAS: { value: Area; label: string }[] = [
  { value: 'research', label: 'Research' },
  { value: 'open_source', label: 'Open source' },
  { value: 'fundamentals', label: 'Fundamentals' },
  { value: 'reading', label: 'Reading' },
  { value: 'writing', label: 'Writing' },
  { value: 'dsa', label: 'DSA' },
  { value: 'job_search', label: 'Job search' },
  { value: 'other', label: 'Other' },
];

export const IMPORTANCE: { value: Importance; label: string }[] = [
  { value: 'required', label: 'Required' },
  { value: 'optional', label: 'Optional' },
];

/** From "meh" to "cool", the seed's own words for how a process feels. */
export const ENTHUSIASM: { value: Enthusiasm; label: string }[] = [
  { value: 'meh', label: 'Meh' },
  { value: 'okay', label: 'Okay' },
  { value: 'keen', label: 'Keen' },
  { value: 'cool', label: 'Cool' },
];

/** Which end of the enthusiasm scale is higher, said wherever the scale is shown. */
export const ENTHUSIASM_SCALE = 'Meh is the lowest, Cool the highest';

export const GOAL_STATUS: { value: GoalStatus; label: string }[] = [
  { value: 'active', label: 'Active' },
  { value: 'paused', label: 'Paused' },
  { value: 'done', label: 'Done' },
  { value: 'dropped', label: 'Dropped' },
];

function labelOf<T extends string>(list: { value: T; label: string }[], value: T): string {
  return list.find((x) => x.value === value)?.label ?? value;
}

export const areaLabel = (v: Area) => labelOf(AREAS, v);
export const importanceLabel = (v: Importance) => labelOf(IMPORTANCE, v);
export const enthusiasmLabel = (v: Enthusiasm) => labelOf(ENTHUSIASM, v);
export const statusLabel = (v: GoalStatus) => labelOf(GOAL_STATUS, v);
