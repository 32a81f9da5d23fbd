import { describe, expect, it } from 'vitest';
import { formatDateTime, formatMoment } from './format';

describe('timestamps', () => {
  it('shows a timestamp in the given timezone, British English, 24 h, like the rest of the app', () => {
    expect(formatDateTime('2026-03-03T08:35:00Z', 'Asia/Kolkata')).toBe('3 Mar 2026, 14:05');
    expect(formatDateTime('2026-12-02T09:30:00Z', 'Asia/Kolkata')).toBe('2 Dec 2026, 15:00');
  });

  it('falls back without a usable timezone and says so for nothing', () => {
    expect(formatDateTime('2026-03-03T08:35:00Z', 'Not/AZone')).toMatch(/^3 Mar 2026, \d\d:\d\d$/);
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('soon')).toBe('soon');
  });

  it('shows a moment soon with its weekday (events on Home and the board agree)', () => {
    expect(formatMoment('2026-12-02T09:30:00Z', 'Asia/Kolkata')).toBe('Wed 2 Dec, 15:00');
  });
});
