// Replays the queue through the API.
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { replay, type QueuedCheckIn, type ReplayResult } from './queue';

export async function sendCheckIn(change: QueuedCheckIn): Promise<void> {
  const params = { path: { habit_id: change.habitId, date: change.date } };
  if (change.body) await unwrap(api.PUT('/api/v1/habits/{habit_id}/check-ins/{date}', { params, body: change.body }));
  else await unwrap(api.DELETE('/api/v1/habits/{habit_id}/check-ins/{date}', { params }));
}

export function syncCheckIns(userId: number): Promise<ReplayResult> {
  return replay(userId, sendCheckIn);
}
