// Test data for the habits domain's component tests.
import type { Habit } from './api';

/** A daily yes/no action item; override any field. */
export function makeHabit(id: number, name: string, extra: Partial<Habit> = {}): Habit {
  return {
    id,
    name,
    description: '',
    kind: 'boolean',
    target_value: null,
    unit: null,
    target_type: null,
    schedule: { type: 'daily' },
    start_date: '2026-11-01',
    goal_id: null,
    color: null,
    position: id,
    archived: false,
    ...extra,
  };
}
