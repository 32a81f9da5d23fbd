/**
 * The version (ETag) a resource had when it was loaded, so an edit can send it back as
 * If-Match: the server refuses (412, "changed elsewhere — reload") instead of silently
 * overwriting another tab's save.
 */
import { unwrap } from './errors';

const loadedVersions = new WeakMap<object, string>();

/** Remember the ETag of the response a resource came from. */
export function rememberVersion<T extends object>(resource: T, response: Response): T {
  const tag = response.headers.get('ETag');
  if (tag) loadedVersions.set(resource, tag);
  return resource;
}

/** Headers for an edit of ``resource``: If-Match with the version it was loaded at, if known. */
export function ifMatch(resource: object): Record<string, string> {
  const tag = loadedVersions.get(resource);
  return tag ? { 'If-Match': tag } : {};
}

/** ``unwrap`` for a read of one editable resource: remembers its version for ``ifMatch``. */
export async function unwrapVersioned<T extends object>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const result = await call;
  return rememberVersion(await unwrap(Promise.resolve(result)), result.response);
}
