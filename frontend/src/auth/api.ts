// Requests about the signed-in person: the session (sign in, sign up, sign out) and their own
// account (GET/PATCH /me), typed from the generated schema.
import { api, type Schemas, type User } from '../api/client';
import { unwrap } from '../api/errors';

export type MeUpdate = Schemas['MeUpdate'];

export function getMe(): Promise<User> {
  return unwrap(api.GET('/api/v1/me'));
}

export function updateMe(body: MeUpdate): Promise<User> {
  return unwrap(api.PATCH('/api/v1/me', { body }));
}

export function login(body: Schemas['LoginIn']): Promise<User> {
  return unwrap(api.POST('/api/v1/auth/login', { body }));
}

export async function register(body: Schemas['RegisterIn']): Promise<void> {
  await unwrap(api.POST('/api/v1/auth/register', { body }));
}

export async function logout(): Promise<void> {
  await unwrap(api.POST('/api/v1/auth/logout'));
}
