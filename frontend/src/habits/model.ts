// Types and small pure helpers of the habits domain. Types come from the generated schema.
import type { Schemas } from '../api/client';
import { WEEKDAYS } from '../ui/format';

export type Habit = Schemas['HabitRead'];
export type HabitCreate = Schemas['HabitCreate'];
export type HabitUpdate = Schemas['HabitUpdate'];
export type TodayRead = Schemas['TodayRead'];
export type TodayHabit = Schemas['TodayHabit'];
export type DayState = Schemas['DayState'];
export type CheckIn = Schemas['CheckInRead'];
export type CheckInPut = Schemas['CheckInPut'];
export type CheckInStatus = Schemas['Status'];
export type HabitStats = Schemas['HabitStatsRead'];
export type Schedule = Habit['schedule'];

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

export function describeStreak(n: number, unit: Schemas['StreakUnit']): string {
  const word = unit === 'weeks' ? 'week' : 'day';
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export const STATUS_LABEL: Record<CheckInStatus, string> = { done: 'Done', skipped: 'Skipped', missed: 'Missed' };

/** The next status when a day is tapped: anything but done becomes done; done clears. */
export function toggled(status: CheckInStatus | null | undefined): CheckInStatus | null {
  return status === 'done' ? null : 'done';
}

/** Habit colours offered in the form (readable on light and dark backgrounds). */
export const COLORS: [hex: string, name: string][] = [
  ['#4f46e5', 'Indigo'],
  ['#0e7490', 'Teal'],
  ['#15803d', 'Green'],
  ['#a16207', 'Amber'],
  ['#c2410c', 'Orange'],
  ['#be123c', 'Rose'],
  ['#7e22ce', 'Purple'],
  ['#475569', 'Slate'],
];

/** Black or white, whichever reads better on a `#rrggbb` background (WCAG relative luminance). */
export function onColor(hex: string): string {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) return '#ffffff';
  const n = parseInt(m[1]!, 16);
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
  return (1.05 / (l + 0.05)) >= ((l + 0.05) / 0.05) ? '#ffffff' : '#111111';
}

/** CSS custom properties that give a habit's pieces its colour (unset: the theme accent). */
export function habitStyle(color: string | null | undefined): Record<string, string> | undefined {
  return color ? { '--habit-color': color, '--habit-on': onColor(color) } : undefined;
}
