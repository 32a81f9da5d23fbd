// A fake backend for component tests: `mockApi({ 'GET /api/v1/me': user })` stubs fetch and
// records every request. A handler may be a body (200), a Response, or a function of the Request.
// A request nothing is mocked for fails loudly: fetch rejects with "no mock for GET /api/v1/…",
// and the test fails afterwards (src/test/setup.ts) even if the page swallowed the error.
import { vi } from 'vitest';
import type { User } from '../api/client';

type Handler = unknown | Response | ((req: Request) => Response | Promise<Response>);

export function json(status: number, body?: unknown, headers: Record<string, string> = {}): Response {
  if (status === 204 || body === undefined) return new Response(null, { status, headers });
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export interface Recorded {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}

const unmocked: string[] = [];

/** The requests no handler answered since the last call (and forgets them). */
export function takeUnmocked(): string[] {
  return unmocked.splice(0);
}

export function mockApi(handlers: Record<string, Handler>) {
  const calls: Recorded[] = [];
  const fetchMock = vi.fn(async (input: Request) => {
    const url = new URL(input.url);
    const key = `${input.method} ${url.pathname}`;
    const text = input.method === 'GET' ? '' : await input.clone().text();
    calls.push({ method: input.method, path: url.pathname, headers: input.headers, body: text ? parseBody(text) : undefined });
    if (!(key in handlers)) {
      unmocked.push(key);
      throw new Error(`mockApi: no mock for ${key}`);
    }
    const handler = handlers[key];
    if (typeof handler === 'function') return (handler as (r: Request) => Response | Promise<Response>)(input);
    if (handler instanceof Response) return handler.clone();
    return json(200, handler);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock, called: (key: string) => calls.filter((c) => `${c.method} ${c.path}` === key) };
}

export const USER: User = {
  id: 1,
  email: 'asha@example.com',
  display_name: 'Asha',
  timezone: 'Asia/Kolkata',
  is_admin: false,
  created_at: '2026-01-02T03:04:05Z',
  handle: null,
  onboarded: true,
  public_profile: false,
};

export function validation(field: string, msg: string): Response {
  return json(422, { detail: [{ loc: ['body', field], msg, type: 'value_error' }] });
}

/** The home screen of an account with nothing in it yet. */
export const EMPTY_HOME = {
  date: '2026-01-02',
  timezone: 'Asia/Kolkata',
  habits: [],
  sprint: null,
  reading: [],
  events: [],
  follow_ups: [],
  active_goals: 0,
  idle_goals: [],
  published: [],
};

/** Today asks for the current sprint's pace; spread this into a mock when there is none. */
export const NO_SPRINT = { 'GET /api/v1/sprints/current': json(404, { detail: 'No sprint contains today' }) };

/** JSON bodies parsed; anything else (an uploaded file) kept as its text. */
function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
