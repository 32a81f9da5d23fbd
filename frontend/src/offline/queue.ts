// Check-ins made without a connection: kept in order in IndexedDB and replayed through the
// idempotent PUT /habits/{id}/check-ins/{date} (or DELETE to clear a day) when the connection
// returns. A later change to the same habit and day replaces the earlier one (the PUT is a
// full upsert, so only the last one matters). A change whose habit was deleted meanwhile (404)
// is dropped with a message: ids are never reused, so it can never land on another item.
import { ApiError } from '../api/errors';
import { storage } from './storage';
import type { Schemas } from '../api/client';

export type CheckInBody = Schemas['CheckInPut'];

export interface QueuedCheckIn {
  userId: number;
  habitId: number;
  /** For messages ("Gym was deleted…"). */
  habitName: string;
  date: string;
  /** The PUT body, or null to clear the day. */
  body: CheckInBody | null;
}

export interface Dropped {
  change: QueuedCheckIn;
  reason: string;
}

export interface ReplayResult {
  synced: QueuedCheckIn[];
  dropped: Dropped[];
  /** Changes still waiting (the connection or the session went away mid-way). */
  remaining: number;
}

const QUEUE = 'queue';
const CACHE_PREFIX = 'cache:';

type Listener = () => void;
const listeners = new Set<Listener>();

/** Called after every change to the queue (to update "3 changes waiting"). */
export function onQueueChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changed(): void {
  for (const l of listeners) l();
}

// Every read-modify-write of the queue runs one after another, so two quick taps never lose one.
let chain: Promise<unknown> = Promise.resolve();
function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = chain.then(task, task);
  chain = run.catch(() => undefined);
  return run;
}

async function readQueue(): Promise<QueuedCheckIn[]> {
  return (await storage().get<QueuedCheckIn[]>(QUEUE)) ?? [];
}

/** The user's waiting changes, oldest first. */
export async function pending(userId: number): Promise<QueuedCheckIn[]> {
  await chain;
  return (await readQueue()).filter((c) => c.userId === userId);
}

export function enqueue(change: QueuedCheckIn): Promise<void> {
  return serial(async () => {
    const queue = (await readQueue()).filter((c) => !(c.userId === change.userId && c.habitId === change.habitId && c.date === change.date));
    queue.push(change);
    await storage().set(QUEUE, queue);
  }).then(changed);
}

/** Whether a failed request should stay queued (no connection, signed out, server busy). */
export function retryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status === 0 || error.status === 401 || error.status === 408 || error.status === 429 || error.status >= 500;
}

function dropReason(change: QueuedCheckIn, error: unknown): string {
  if (error instanceof ApiError && error.status === 404) {
    return `${change.habitName} was deleted, so its offline change for ${change.date} was dropped.`;
  }
  const why = error instanceof Error ? error.message : 'the server refused it';
  return `The offline change to ${change.habitName} for ${change.date} was not saved: ${why}`;
}

let replaying: Promise<ReplayResult> | null = null;

/**
 * Sends the user's waiting changes in order with `send`. A change that is sent, or refused for
 * good (404, 422), leaves the queue; the first retryable failure stops the replay and keeps it
 * and everything after it. Only one replay runs at a time (a second call joins the first).
 */
export function replay(userId: number, send: (change: QueuedCheckIn) => Promise<unknown>): Promise<ReplayResult> {
  replaying ??= (async () => {
    const result: ReplayResult = { synced: [], dropped: [], remaining: 0 };
    try {
      for (;;) {
        const next = (await pending(userId))[0];
        if (!next) break;
        let done = true;
        try {
          await send(next);
          result.synced.push(next);
        } catch (error) {
          if (retryable(error)) done = false;
          else result.dropped.push({ change: next, reason: dropReason(next, error) });
        }
        if (!done) break;
        // Remove exactly what was sent: a newer change to the same day queued meanwhile stays.
        await serial(async () => {
          const queue = await readQueue();
          const i = queue.findIndex((c) => c.userId === userId && c.habitId === next.habitId && c.date === next.date && JSON.stringify(c.body) === JSON.stringify(next.body));
          if (i >= 0) queue.splice(i, 1);
          await storage().set(QUEUE, queue);
        });
        changed();
      }
      result.remaining = (await pending(userId)).length;
      return result;
    } finally {
      replaying = null;
    }
  })();
  return replaying;
}

/** The last payload of a page (e.g. GET /today), kept to open it offline, with when it was kept. */
export async function cachePut<T>(userId: number, key: string, data: T): Promise<void> {
  await storage().set(CACHE_PREFIX + key, { userId, data, at: Date.now() });
}

export interface Cached<T> {
  data: T;
  /** When it was kept (ms since the epoch; 0 if unknown). */
  at: number;
}

export async function cacheEntry<T>(userId: number, key: string): Promise<Cached<T> | null> {
  const hit = await storage().get<{ userId: number; data: T; at?: number }>(CACHE_PREFIX + key);
  return hit && hit.userId === userId ? { data: hit.data, at: hit.at ?? 0 } : null;
}

export async function cacheGet<T>(userId: number, key: string): Promise<T | null> {
  return (await cacheEntry<T>(userId, key))?.data ?? null;
}

/** Someone else signs in on this device: forget what an earlier account left (queue and cache). */
export async function forgetOthers(userId: number): Promise<void> {
  await serial(async () => {
    const queue = await readQueue();
    const mine = queue.filter((c) => c.userId === userId);
    if (mine.length !== queue.length) await storage().set(QUEUE, mine);
    for (const key of await storage().keys()) {
      if (!key.startsWith(CACHE_PREFIX)) continue;
      const hit = await storage().get<{ userId: number }>(key);
      if (hit && hit.userId !== userId) await storage().del(key);
    }
  });
  changed();
}

/** Signing out: forget the waiting changes and every cached payload. */
export async function clearOffline(): Promise<void> {
  await serial(() => storage().clear());
  changed();
}
