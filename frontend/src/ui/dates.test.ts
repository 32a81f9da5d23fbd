import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isIsoDate, isoWeekday } from './dates';
import { formatRange } from './format';

describe('calendar dates', () => {
  it('does calendar-day arithmetic without timezone drift', () => {
    expect(addDays('2024-11-04', 13)).toBe('2024-11-17');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2024-11-04', '2024-11-17')).toBe(13);
    expect(daysBetween('2024-11-17', '2024-11-04')).toBe(-13);
    expect(isoWeekday('2024-11-04')).toBe(1);
    expect(isoWeekday('2024-11-10')).toBe(7);
    expect(formatRange('2024-11-04', '2024-11-17')).toBe('4 Nov – 17 Nov 2024');
    expect(formatRange('2024-12-25', '2025-01-07')).toBe('25 Dec 2024 – 7 Jan 2025');
  });

  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isIsoDate('2024-02-30')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('4/11/2024')).toBe(false);
  });
});
