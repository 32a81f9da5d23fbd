// Words for the habits domain: schedules, targets, streaks and check-in statuses as a person
// reads them.
import { WEEKDAYS } from '../ui/format';
import type { CheckInStatus, Habit, Schedule, StreakUnit } from './api';

/** "Every day", "Mon, Wed, Fri", "3 times a week". */
export function describeSchedule(schedule: Schedule): string {
  if (schedule.type === 'weekdays') {
    const days = [...schedule.days].sort((a, b) => a - b);
    if (days.length === 7) return 'Every day';
    if (days.join() === '1,2,3,4,5') return 'Weekdays';
    if (days.join() === '6,7') return 'Weekends';
    return days.map((d) => WEEKDAYS[d - 1]).join(', ');
  }
  if (schedule.type === 'times_per_week') {
    return schedule.times === 1 ? 'Once a week' : `${schedule.times} times a week`;
  }
  return 'Every day';
}

/** "at least 30 min", "at most 2 cups"; '' for yes/no habits. */
export function describeTarget(habit: Pick<Habit, 'kind' | 'target_type' | 'target_value' | 'unit'>): string {
  if (habit.kind !== 'numeric' || habit.target_value === null) return '';
  const unit = habit.unit ? ` ${habit.unit}` : '';
  return `${habit.target_type === 'at_most' ? 'at most' : 'at least'} ${habit.target_value}${unit}`;
}

export function describeStreak(n: number, unit: StreakUnit): string {
  const word = unit === 'weeks' ? 'week' : 'day';
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export const STATUS_LABEL: Record<CheckInStatus, string> = { done: 'Done', skipped: 'Skipped', missed: 'Missed' };
