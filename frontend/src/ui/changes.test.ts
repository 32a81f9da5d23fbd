import { describe, expect, it } from 'vitest';
import { changedFields } from './changes';

describe('changedFields', () => {
  it('keeps only what differs from what was loaded, lists compared by value', () => {
    const loaded = { title: 'Sprint', habit_ids: [1, 2], plan: 'x', target_rate: 0.75 };
    const body = { title: 'Sprint', habit_ids: [1, 2], plan: 'y', target_rate: 0.8 };
    expect(changedFields(body, loaded)).toEqual({ plan: 'y', target_rate: 0.8 });
    expect(changedFields({ title: 'Sprint' }, loaded)).toEqual({});
  });
});
