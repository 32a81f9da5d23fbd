// The one API client. Types come from schema.d.ts, which openapi-typescript generates from the
// backend's OpenAPI document (`npm run gen:api`); nothing about the API is typed by hand here.
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type User = Schemas['UserRead'];

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_COOKIE = 'kaizen_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

export function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/** Unsafe requests carry the CSRF cookie's value back in a header (double-submit). */
export const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    if (SAFE_METHODS.has(request.method)) return undefined;
    const token = readCookie(CSRF_COOKIE);
    if (token) request.headers.set(CSRF_HEADER, token);
    return request;
  },
};

/** Requests whose 401 means "wrong credentials", not "your session is gone". */
const CREDENTIAL_PATHS = ['/api/v1/auth/login', '/api/v1/auth/register'];

type UnauthorizedListener = () => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/** Called whenever any request comes back 401 (the session expired or was revoked). */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export const unauthorizedMiddleware: Middleware = {
  onResponse({ request, response }) {
    if (response.status !== 401) return undefined;
    const path = new URL(request.url).pathname;
    if (CREDENTIAL_PATHS.includes(path)) return undefined;
    for (const listener of unauthorizedListeners) listener();
    return undefined;
  },
};

export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  credentials: 'same-origin',
  // Look fetch up on every call so tests can stub it.
  fetch: (request: Request) => globalThis.fetch(request),
});
api.use(csrfMiddleware, unauthorizedMiddleware);
