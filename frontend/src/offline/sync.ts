// Replays the queue through the API.
import { deleteCheckIn, putCheckIn } from '../habits/api';
import { replay, type QueuedCheckIn, type ReplayResult } from './queue';

export async function sendCheckIn(change: QueuedCheckIn): Promise<void> {
  if (change.body) await putCheckIn(change.habitId, change.date, change.body);
  else await deleteCheckIn(change.habitId, change.date);
}

export function syncCheckIns(userId: number): Promise<ReplayResult> {
  return replay(userId, sendCheckIn);
}
