// Who was signed in on this device, so the app opens offline (GET /me can't answer). Cleared
// with the rest of the offline data on sign-out, and when the server says no one is signed in.
import type { User } from '../api/client';
import { storage } from './storage';

const KEY = 'me';

export async function rememberMe(user: User | null): Promise<void> {
  if (user) await storage().set(KEY, user);
  else await storage().del(KEY);
}

export async function rememberedMe(): Promise<User | null> {
  return (await storage().get<User>(KEY)) ?? null;
}
