import { describe, expect, it } from 'vitest';
import { scoreItem } from './testData';
import { itemVerdict } from './itemState';

describe('what a scoreboard row means', () => {
  it('says when the target can no longer be reached', () => {
    const v = itemVerdict(scoreItem(1, 'Gym', 7), 'active');
    expect(v.state).toBe('out-of-reach');
    expect(v.label).toBe('Out of reach');
    expect(v.detail).toContain('4 more of 1 day left');
  });

  it('tells on track from tight', () => {
    expect(itemVerdict(scoreItem(1, 'Gym', 3, { eligible: 4, still_needed: 8, eligible_left: 10, feasible: true }), 'active')).toMatchObject({
      state: 'on-track',
      label: 'On track',
      detail: '8 more of 10 days left',
    });
    expect(itemVerdict(scoreItem(1, 'Gym', 10, { still_needed: 1, eligible_left: 1, feasible: true }), 'active')).toMatchObject({
      state: 'tight',
      detail: '1 more of 1 day left',
    });
  });

  it('counts times, not days, for an item due N times a week', () => {
    const weekly = { streak_unit: 'weeks' as const, eligible: 0, done: 0, feasible: true };
    expect(itemVerdict(scoreItem(1, 'Apply', 0, { ...weekly, required: 2, still_needed: 2, eligible_left: 2 }), 'active')).toMatchObject({
      state: 'tight',
      label: 'Every week counts',
      detail: '2 more of 2 times left',
    });
    expect(itemVerdict(scoreItem(1, 'Write', 0, { ...weekly, required: 3, still_needed: 3, eligible_left: 4 }), 'active').detail).toBe('3 more of 4 times left');
    expect(itemVerdict(scoreItem(1, 'Write', 1, { ...weekly, eligible: 4, required: 3, still_needed: 2, eligible_left: 0 }), 'finished').detail).toBe('2 times short of 3');
  });

  it('says what a sprint that has not started will need', () => {
    expect(itemVerdict(scoreItem(1, 'Gym', 0, { eligible: 0, still_needed: 11, eligible_left: 14, feasible: true }), 'planned')).toMatchObject({
      state: 'on-track',
      label: 'Not started',
      detail: '',
    });
  });

  it('reaches and misses targets', () => {
    expect(itemVerdict(scoreItem(1, 'Gym', 11, { still_needed: 0, feasible: true }), 'active').label).toBe('Target reached');
    expect(itemVerdict(scoreItem(1, 'Gym', 12, { eligible_left: 0, still_needed: 0, feasible: true }), 'finished')).toMatchObject({
      state: 'met',
      label: 'Target met',
    });
    expect(itemVerdict(scoreItem(1, 'Gym', 8, { eligible_left: 0, still_needed: 3, feasible: false }), 'finished')).toMatchObject({
      state: 'missed',
      detail: '3 days short of 11',
    });
  });
});
