// Turns whatever a request produced (an error body, a status, a thrown network error) into one
// readable shape: a message for the form and, for 422s, messages keyed by field name.

export type FieldErrors = Record<string, string>;

export class ApiError extends Error {
  readonly status: number;
  readonly fields: FieldErrors;

  constructor(status: number, message: string, fields: FieldErrors = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.fields = fields;
  }
}

interface ValidationItem {
  loc?: unknown;
  msg?: unknown;
}

/** Pydantic prefixes custom validator messages with "Value error, "; a person does not need it. */
export function cleanMessage(msg: string): string {
  const text = msg.replace(/^(Value|Assertion) error, /, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** FastAPI's 422 `detail` list → `{field: message}` plus messages that belong to no field. */
export function parseValidation(detail: unknown): { fields: FieldErrors; general: string[] } {
  const fields: FieldErrors = {};
  const general: string[] = [];
  if (!Array.isArray(detail)) return { fields, general };
  for (const item of detail as ValidationItem[]) {
    const msg = typeof item?.msg === 'string' ? cleanMessage(item.msg) : 'Invalid value';
    const loc = Array.isArray(item?.loc) ? item.loc : [];
    // loc looks like ["body", "password"]; ["body"] alone is a whole-body (model) error.
    const field = loc.length > 1 ? loc[loc.length - 1] : undefined;
    if (typeof field === 'string') {
      if (!(field in fields)) fields[field] = msg;
    } else {
      general.push(msg);
    }
  }
  return { fields, general };
}

function statusMessage(status: number, response?: Response): string {
  if (status === 401) return 'Your session has ended. Please sign in again.';
  if (status === 403) return 'You are not allowed to do that.';
  if (status === 404) return 'Not found.';
  if (status === 429) {
    const wait = Number(response?.headers.get('Retry-After'));
    return Number.isFinite(wait) && wait > 0
      ? `Too many attempts. Try again in ${formatWait(wait)}.`
      : 'Too many attempts. Try again later.';
  }
  if (status >= 500) return `The server had a problem (${status}). Try again in a moment.`;
  return `The request failed (${status}).`;
}

function formatWait(seconds: number): string {
  if (seconds < 90) return `${Math.ceil(seconds)} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

export function toApiError(status: number, body: unknown, response?: Response): ApiError {
  const detail = (body as { detail?: unknown } | null | undefined)?.detail;
  if (status === 422 && Array.isArray(detail)) {
    const { fields, general } = parseValidation(detail);
    const message =
      general.length > 0 ? general.join(' ') : 'Some fields need attention.';
    return new ApiError(status, message, fields);
  }
  if (status === 429) return new ApiError(status, statusMessage(status, response));
  if (typeof detail === 'string' && detail) return new ApiError(status, detail);
  return new ApiError(status, statusMessage(status, response));
}

export const NETWORK_MESSAGE =
  "Can't reach the Kaizen server. Check your connection and try again.";

type Result<T> = { data?: T; error?: unknown; response: Response };

/**
 * Awaits an openapi-fetch call and returns its data, or throws an ApiError with a readable
 * message. Network failures become status 0.
 */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError(0, NETWORK_MESSAGE);
  }
  const { response } = result;
  if (!response.ok) throw toApiError(response.status, result.error, response);
  return result.data as T;
}

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error && err.message) return err.message;
  return 'Something went wrong.';
}
