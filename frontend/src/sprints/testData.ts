// Test data shaped like the API's answers: the seed's sprint (9/13, 7/13, 8/13 → 61%).
import type { Scoreboard, ScoreItem, Sprint } from './api';

export const SEED_SPRINT: Sprint = {
  id: 1,
  title: 'Back from Diwali',
  theme: 'touching grass',
  start_date: '2024-11-04',
  end_date: '2024-11-17',
  target_rate: 0.75,
  habit_ids: [11, 12, 13],
  goal_ids: [],
  plan: '- gym **every** day',
  retrospective: '',
  status: 'active',
  score: 0.6153846153846154,
  outcome: { state: 'out_of_reach', text: '2 of 3 items can no longer reach 75%: 24 of 33 required days done' },
};

const item = (habit_id: number, name: string, done: number, extra: Partial<ScoreItem> = {}): ScoreItem => ({
  habit_id,
  name,
  done,
  eligible: 13,
  skipped: 0,
  rate: done / 13,
  required: 11,
  still_needed: Math.max(0, 11 - done),
  eligible_left: 1,
  feasible: 11 - done <= 1,
  streak: 0,
  streak_unit: 'days',
  ...extra,
});

export const SEED_BOARD: Scoreboard = {
  outputs: {
    papers_finished: 1,
    items_finished: 1,
    pages_read: 40,
    applications_sent: 0,
    applications_moved: 0,
    interviews_held: 0,
    posts_published: 1,
    implementations_published: 0,
  },
  sprint_id: 1,
  status: 'active',
  start_date: '2024-11-04',
  end_date: '2024-11-17',
  days_total: 14,
  days_elapsed: 13,
  days_left: 1,
  target_rate: 0.75,
  score: 0.6153846153846154,
  previous_sprint_id: null,
  previous_score: null,
  delta: null,
  frozen: false,
  outcome: { state: 'out_of_reach', text: '2 of 3 items can no longer reach 75%: 24 of 33 required days done' },
  habits: [
    item(11, 'No regular smoking up', 9),
    item(12, 'Gym every day', 7, { streak: 3 }),
    item(13, 'No junk food', 8),
  ],
};

export const SEED_REVIEW = `## Back from Diwali

In the first 13 of 14 days since 4 Nov 2024, I managed to do

1. No regular smoking up: 9/13
2. Gym every day: 7/13
3. No junk food: 8/13

That's a 61% score (the average of the items' rates) against a target of 75%. We came here from 0% (no sprint before this one): up 61 points.

The target for the next fortnight is >75%, so ≈11 days.
`;

export { item as scoreItem };
